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

// `npm run bench -- serve`: only the decision service's load test
if (process.argv[2] === 'serve') {
  await (await import('./serve.js')).reportServe();
  process.exit(0);
}

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
const verdict = (met: boolean): string => (met ? 'nået' : 'IKKE nået');
process.stdout.write(`\nMål: beslutningssti ≥ 0,5 × håndskrevet (Number): ${fmt(decisionRatio, 2)} — ${verdict(decisionRatio >= 0.5)}\n`);
process.stdout.write(
  `Mål: forklaret sti ≥ 100 × json-rules-engine: ${fmt(explainedRatio, 1)} — ${verdict(explainedRatio >= 100)} (hele regelsættet med evaluateRuleSet: ${fmt(evaluated.decisionsPerSecond / jre.decisionsPerSecond, 1)})\n`,
);

const screening = benchScreening();
const perSecond = (ms: number) => fmt(screening.count / (ms / 1000));
process.stdout.write(`\nScreening: ${fmt(screening.count)} genererede afdelinger (3 perioder hver); ${fmt(screening.agreed)} udfald ens i vores og den håndskrevne\n`);
process.stdout.write(
  renderTable(
    [{ header: 'variant' }, { header: 'ms', right: true }, { header: 'afdelinger/s', right: true }, { header: '× håndskrevet', right: true }],
    [
      ['håndskrevet, eksakt, kun udfald', fmt(screening.handDecisionMs, 1), perSecond(screening.handDecisionMs), '1,00'],
      ['vores, kun beslutninger', fmt(screening.decisionMs, 1), perSecond(screening.decisionMs), fmt(screening.decisionMs / screening.handDecisionMs, 2)],
      ['håndskrevet, eksakt, med bladenes tal', fmt(screening.handFiguresMs, 1), perSecond(screening.handFiguresMs), '1,00'],
      ['vores, med forklaring (bygges ved læsning)', fmt(screening.explainedMs, 1), perSecond(screening.explainedMs), fmt(screening.explainedMs / screening.handFiguresMs, 2)],
      ['læsning af alle forklaringer, én gang', fmt(screening.readAllMs, 1), perSecond(screening.readAllMs), ''],
    ],
  ),
);
const decisionX = screening.decisionMs / screening.handDecisionMs;
const explainedX = screening.explainedMs / screening.handFiguresMs;
process.stdout.write(`Mål: kun beslutninger ≤ 3 × håndskrevet: ${fmt(decisionX, 2)} — ${verdict(decisionX <= 3)}\n`);
process.stdout.write(`Mål: med forklaring ≤ 4 × håndskrevet med tal: ${fmt(explainedX, 2)} — ${verdict(explainedX <= 4)}\n`);
process.stdout.write(
  `Mål: hukommelse pr. ulæst forklaret resultat ≤ 1 KB: ${fmt(screening.bytesPerUnreadResult)} B — ${verdict(screening.bytesPerUnreadResult <= 1024)} (efter læsning af alt: ${fmt(screening.bytesPerReadResult)} B)\n`,
);
process.stdout.write(await reportExportedEngine());
(await import('./what-if.js')).reportWhatIf();
(await import('./lifecycle.js')).reportLifecycle();
(await import('./classify.js')).reportClassify();
(await import('./startup.js')).reportStartup();
await (await import('./serve.js')).reportServe();
