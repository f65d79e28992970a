/**
 * Benchmark of the json-rules-engine export on the SHIPPED screening rules: the same
 * afdelinger decided by our decision-only path and by the exported `Engine`, side by
 * side, per afdeling; plus the export of a synthetic "mindst 12 af 25" rule (its size
 * and the time to export and run it). Only afdelinger whose facts are complete are
 * used: the export decides as we do only then. No asserts beyond agreement.
 */
import { performance } from 'node:perf_hooks';
import { generateAfdelinger } from '../fixtures/screening/generator.js';
import type { CompiledRuleSet, Facts } from '../src/index.js';
import { formatTal } from '../src/format/danish.js';
import { renderTable } from '../src/format/table.js';
import { lib } from './library.js';
import { TEST_DOMAIN_SPEC, testDomain } from '../test/support/test-domain.js';

const { bundledRegistry, decideRuleSet, defineRuleDomain, loadRuleSetText, periodFacts, SHIPPED_DOMAINS, toJsonRulesEngine, validateAfdeling } = lib;
/** The atLeast 12 of 25 file belongs to the test domain (any fact, any event), as the engine's own tests' files do. */
const withTestDomain = { domains: [...SHIPPED_DOMAINS, defineRuleDomain(TEST_DOMAIN_SPEC)] };
// the export's plain definition is internal (not in the package's API): its size is measured on the source's own rule sets
const source = {
  ...(await import('../src/engine/json-rules-engine.js')),
  ...(await import('../src/shipped.js')),
};

/** What the export bench measured. */
export interface ExportedEngineBench {
  /** Afdelinger decided (complete facts only). */
  readonly count: number;
  /** Our decision-only path, ms per afdeling (best of the runs). */
  readonly oursMsPerAfdeling: number;
  /** The exported json-rules-engine `Engine`, ms per afdeling (best of the runs). */
  readonly exportedMsPerAfdeling: number;
  /** Size of the exported screening rules as JSON (characters). */
  readonly screeningExportChars: number;
  /** "mindst 12 af 25": characters of the rule file, of the export, and ms to export and to run once. */
  readonly atLeast12of25: { readonly fileChars: number; readonly exportChars: number; readonly exportMs: number; readonly runMs: number };
}

/** Complete screening facts of generated afdelinger, latest period on or before 2024-12-01. */
function completeFacts(count: number): Facts[] {
  const out: Facts[] = [];
  for (const input of generateAfdelinger(count * 4, { seed: 4711 })) {
    const v = validateAfdeling(input);
    if (!v.ok) continue;
    const periods = v.value.perioder.filter((p) => p.periode <= '2024-12-01').sort((a, b) => a.periode.localeCompare(b.periode));
    const last = periods[periods.length - 1];
    if (last === undefined) continue;
    const f = periodFacts(v.value, last, { boligomraadeStatus: [] });
    if (Object.keys(f.missing).length > 0) continue;
    out.push(f.facts);
    if (out.length === count) break;
  }
  return out;
}

/** The size of an export as JSON: its rules, named conditions and the children each atLeast counts. */
function exportSize(ruleSet: CompiledRuleSet): number {
  return JSON.stringify(source.jsonRulesEngineDefinition(ruleSet)).length;
}

/** A rule file given as text, loaded by the source (for {@link exportSize}). */
function sourceRuleSet(text: string): CompiledRuleSet {
  const loaded = source.loadRuleSetText(text, '2020-01-01.json', { domains: [...source.SHIPPED_DOMAINS, testDomain] });
  if (!loaded.ok) throw new Error('bench: a rule file does not load');
  return loaded.value;
}

async function decideExported(engine: ReturnType<typeof toJsonRulesEngine>, facts: Facts): Promise<Record<string, boolean>> {
  const r = await engine.run(facts);
  const out: Record<string, boolean> = {};
  for (const x of r.results) out[x.name] = true;
  for (const x of r.failureResults) out[x.name] = false;
  return out;
}

/** A rule file in the `test` domain: one rule "mindst 12 af 25" over 25 comparisons. */
export function atLeast12of25File(): string {
  const of = Array.from({ length: 25 }, (_, i) => ({ fact: 'score', operator: 'greaterThan', value: i }));
  return JSON.stringify({
    id: 'mindst-tolv',
    domain: 'test',
    title: 'Mindst 12 af 25',
    effective: { from: '2020-01-01' },
    source: { reference: 'bench' },
    rules: [{ id: 'mindst-tolv-af-femogtyve', title: 'Mindst 12 af 25', conditions: { atLeast: 12, of }, event: { type: 'mindst-tolv' } }],
  });
}

/** Runs the bench on `count` afdelinger, best of `runs`. */
export async function benchExportedEngine(count = 500, runs = 3): Promise<ExportedEngineBench> {
  const ruleSet: CompiledRuleSet = bundledRegistry().inForce('screening', '2024-12-01');
  const facts = completeFacts(count);
  const engine = toJsonRulesEngine(ruleSet);
  // warm-up, and the agreement check the ratio rests on
  for (const f of facts.slice(0, 20)) {
    const ours = decideRuleSet(ruleSet, f).outcomes;
    const theirs = await decideExported(engine, f);
    for (const [id, outcome] of Object.entries(ours)) if (theirs[id] !== outcome) throw new Error(`bench: the exported engine decides ${id} differently`);
  }
  let ours = Number.POSITIVE_INFINITY;
  let exported = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    // ours is some hundred times faster: 20 passes per timing, so the clock resolution does not show
    let t = performance.now();
    for (let pass = 0; pass < 20; pass++) for (const f of facts) decideRuleSet(ruleSet, f);
    ours = Math.min(ours, (performance.now() - t) / 20);
    t = performance.now();
    for (const f of facts) await engine.run(f);
    exported = Math.min(exported, performance.now() - t);
  }

  const text = atLeast12of25File();
  const loaded = loadRuleSetText(text, '2020-01-01.json', withTestDomain);
  if (!loaded.ok) throw new Error(`bench: the atLeast 12 of 25 file does not load: ${loaded.errors.map((e) => e.message).join('; ')}`);
  let t = performance.now();
  const big = toJsonRulesEngine(loaded.value);
  const exportMs = performance.now() - t;
  t = performance.now();
  const decided = await decideExported(big, { score: 12 });
  const runMs = performance.now() - t;
  // 12 of the 25 comparisons hold for score 12, 11 for score 11: the export must agree with us on both
  for (const [score, got] of [[12, decided], [11, await decideExported(big, { score: 11 })]] as const) {
    if (got['mindst-tolv-af-femogtyve'] !== decideRuleSet(loaded.value, { score }).outcomes['mindst-tolv-af-femogtyve']) throw new Error('bench: atLeast 12 of 25 decided differently');
  }

  return {
    count: facts.length,
    oursMsPerAfdeling: ours / facts.length,
    exportedMsPerAfdeling: exported / facts.length,
    screeningExportChars: exportSize(source.bundledRegistry().inForce('screening', '2024-12-01')),
    atLeast12of25: { fileChars: text.length, exportChars: exportSize(sourceRuleSet(text)), exportMs, runMs },
  };
}

/** The bench as Danish text for `npm run bench`. */
export async function reportExportedEngine(count = 500): Promise<string> {
  const r = await benchExportedEngine(count);
  const fmt = (n: number, d = 0) => formatTal(n.toFixed(d), d);
  const big = r.atLeast12of25;
  return [
    `\nEksport til json-rules-engine: de leverede screeningsregler, ${fmt(r.count)} afdelinger med fuldstændige fakta\n`,
    renderTable(
      [{ header: 'variant' }, { header: 'ms pr. afdeling', right: true }, { header: '× vores', right: true }],
      [
        ['vores beslutningssti (decideRuleSet)', fmt(r.oursMsPerAfdeling, 4), '1'],
        ['eksporteret json-rules-engine', fmt(r.exportedMsPerAfdeling, 3), fmt(r.exportedMsPerAfdeling / r.oursMsPerAfdeling, 0)],
      ],
    ),
    `Eksportens størrelse (screening): ${fmt(r.screeningExportChars)} tegn JSON\n`,
    `"mindst 12 af 25": regelfil ${fmt(big.fileChars)} tegn, eksport ${fmt(big.exportChars)} tegn; eksport ${fmt(big.exportMs, 1)} ms, én kørsel ${fmt(big.runMs, 1)} ms\n`,
  ].join('');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(await reportExportedEngine(Number(process.argv[2] ?? 500)));
}
