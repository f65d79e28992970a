/**
 * `npm run bench`: performance as ratios against baselines run side by side in the
 * same process, never as timed unit tests.
 *
 * It runs with `--single-threaded-gc`: on a two-core machine, V8's parallel garbage
 * collector threads put about one run in four into a mode where every variant is
 * some 40 % slower (measured: 10 of 10 runs stable with the flag, 4 of 12 slow
 * without). The flag applies to every variant alike, json-rules-engine included.
 *
 * The library is timed as built (`dist/`), as services run it: tsx compiles with
 * `keepNames`, which wraps every closure made at run time in a naming call and made
 * screening about 20 % slower than the shipped code.
 */
import { formatTal } from '../src/format/danish.js';
import { renderTable } from '../src/format/table.js';
import { benchCore } from './core.js';
import { reportExportedEngine } from './exported-engine.js';
import { benchScreening } from './screening.js';

const fmt = (n: number, d = 0) => formatTal(n.toFixed(d), d);

const core = await benchCore();
const byName = (prefix: string) => core.find((v) => v.name.startsWith(prefix));
const hand = byName('håndskrevet (Number)');
const handDecimal = byName('håndskrevet (decimal.js)');
const jre = byName('json-rules-engine');
const decision = byName('vores beslutningssti');
const explained = byName('vores forklarede sti (createExplainer)');
const evaluated = byName('vores forklarede sti, hele regelsættet');
if (!hand || !handDecimal || !jre || !decision || !explained || !evaluated) throw new Error('a variant is missing');
const counts = new Set(core.map((v) => v.udsat));
if (counts.size !== 1) throw new Error(`the variants disagree on how many areas are udsat: ${core.map((v) => `${v.name} ${v.udsat}`).join(', ')}`);

process.stdout.write(`Regelmotor: én regel (udsat boligområde, 2018), samme 20.000 input; ${fmt(core[0]?.udsat ?? 0)} udsatte i alle varianter\n\n`);
process.stdout.write(
  renderTable(
    [{ header: 'variant' }, { header: 'beslutninger/s', right: true }, { header: '× håndskrevet (Number)', right: true }, { header: '× håndskrevet (decimal.js)', right: true }, { header: '× json-rules-engine', right: true }],
    core.map((v) => [v.name, fmt(v.decisionsPerSecond), fmt(v.decisionsPerSecond / hand.decisionsPerSecond, 2), fmt(v.decisionsPerSecond / handDecimal.decisionsPerSecond, 2), fmt(v.decisionsPerSecond / jre.decisionsPerSecond, 1)]),
  ),
);
const decisionRatio = decision.decisionsPerSecond / hand.decisionsPerSecond;
const explainedRatio = explained.decisionsPerSecond / jre.decisionsPerSecond;
process.stdout.write(`\nMål: beslutningssti ≥ 0,25 × håndskrevet (Number): ${fmt(decisionRatio, 2)} — ${decisionRatio >= 0.25 ? 'nået' : 'IKKE nået'}\n`);
process.stdout.write(
  `Mål: forklaret sti ≥ 50 × json-rules-engine: ${fmt(explainedRatio, 1)} — ${explainedRatio >= 50 ? 'nået' : 'IKKE nået'} (hele regelsættet med evaluateRuleSet: ${fmt(evaluated.decisionsPerSecond / jre.decisionsPerSecond, 1)})\n`,
);

const screening = benchScreening();
process.stdout.write(`\nScreening: ${fmt(screening.count)} genererede afdelinger (3 perioder hver)\n`);
process.stdout.write(
  renderTable(
    [{ header: 'variant' }, { header: 'ms', right: true }, { header: 'afdelinger/s', right: true }],
    [
      ['med fuld forklaring', fmt(screening.explainedMs, 1), fmt(screening.count / (screening.explainedMs / 1000))],
      ['kun beslutninger', fmt(screening.decisionMs, 1), fmt(screening.count / (screening.decisionMs / 1000))],
    ],
  ),
);
process.stdout.write(`Mål: forklaret screening af 8.000 afdelinger under 100 ms: ${screening.explainedMs < 100 ? 'nået' : 'IKKE nået'}\n`);
process.stdout.write(await reportExportedEngine());
(await import('./what-if.js')).reportWhatIf();
(await import('./lifecycle.js')).reportLifecycle();
(await import('./classify.js')).reportClassify();
