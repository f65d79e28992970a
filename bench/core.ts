/**
 * Benchmark of the rule engine on one rule (udsat boligområde, 2018 rules: residents
 * and "mindst 2 af 4" criteria, exact decimal thresholds) and the same 20,000 inputs:
 * hand-written functions (doubles, decimal.js), our decision-only path, our explained
 * path (one rule, and the whole rule set's evaluation), and json-rules-engine.
 */
import { performance } from 'node:perf_hooks';
import DecimalJs from 'decimal.js';
import type { CompiledRuleSet, Facts } from '../src/index.js';
import { TEST_DOMAIN_SPEC } from '../test/support/test-domain.js';
import { lib } from './library.js';

const { createDecider, createExplainer, defineRuleDomain, evaluateRuleSet, loadRegistry, SHIPPED_DOMAINS, toJsonRulesEngine } = lib;

/** decimal.js as the package configures it, for the hand-written baseline. */
const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN });

/** One variant's result. */
export interface VariantResult {
  readonly name: string;
  readonly decisionsPerSecond: number;
  readonly udsat: number;
}

/** Deterministic inputs: a small linear congruential generator, so every run sees the same 20,000 areas. */
export function generateAreas(count: number, seed = 20_000): Facts[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const pct = (lo: number, hi: number) => (lo + Math.round(next() * (hi - lo) * 10) / 10).toFixed(1);
  return Array.from({ length: count }, () => ({
    beboere: 600 + Math.floor(next() * 2400),
    ledighedPct: pct(20, 55),
    kriminalitetsfaktor: (Math.round(next() * 500) / 100).toFixed(2),
    grundskolePct: pct(35, 75),
    indkomstPct: pct(40, 80),
  }));
}

/** The same rule written by hand, with exact decimal.js comparisons as the design requires. */
export function handWrittenDecimal(f: Facts): boolean {
  if ((f.beboere as number) < 1000) return false;
  let met = 0;
  if (new Decimal(f.ledighedPct as string).gt(40)) met++;
  if (new Decimal(f.kriminalitetsfaktor as string).gte(3)) met++;
  if (new Decimal(f.grundskolePct as string).gt(60)) met++;
  if (new Decimal(f.indkomstPct as string).lt(55)) met++;
  return met >= 2;
}

/**
 * The same rule written by hand the fastest way: parse to doubles. Exact for these
 * inputs (at most 15 significant digits), not in general.
 */
export function handWrittenNumber(f: Facts): boolean {
  if ((f.beboere as number) < 1000) return false;
  let met = 0;
  if (Number(f.ledighedPct) > 40) met++;
  if (Number(f.kriminalitetsfaktor) >= 3) met++;
  if (Number(f.grundskolePct) > 60) met++;
  if (Number(f.indkomstPct) < 55) met++;
  return met >= 2;
}

/** One synchronous variant: its name, its decision, and how many rounds it needs (the slow ones fewer). */
interface Variant {
  readonly name: string;
  readonly decide: (f: Facts) => boolean | null;
  readonly rounds: number;
}

/**
 * Times the variants round-robin — round r of every variant, then round r + 1 — and keeps
 * each one's best round: a change in the machine's load (it is shared) then falls on all
 * of them alike, so the ratios between them hold although the absolute rates vary.
 */
function timeInterleaved(variants: readonly Variant[], areas: readonly Facts[]): VariantResult[] {
  for (const v of variants) for (let i = 0; i < Math.min(areas.length, 2000); i++) v.decide(areas[i] as Facts);
  const best = variants.map(() => Number.POSITIVE_INFINITY);
  const udsat = variants.map(() => 0);
  const rounds = Math.max(...variants.map((v) => v.rounds));
  for (let r = 0; r < rounds; r++) {
    variants.forEach((v, i) => {
      if (r >= v.rounds) return;
      let count = 0;
      const t = performance.now();
      for (const a of areas) if (v.decide(a) === true) count++;
      best[i] = Math.min(best[i] as number, performance.now() - t);
      udsat[i] = count;
    });
  }
  return variants.map((v, i) => ({ name: v.name, decisionsPerSecond: areas.length / ((best[i] as number) / 1000), udsat: udsat[i] as number }));
}

async function timeJre(ruleSet: CompiledRuleSet, areas: readonly Facts[], rounds: number): Promise<VariantResult> {
  const engine = toJsonRulesEngine(ruleSet);
  for (const a of areas.slice(0, 2000)) await engine.run(a);
  // best of `rounds`, as for the other variants
  let best = Number.POSITIVE_INFINITY;
  let udsat = 0;
  for (let r = 0; r < rounds; r++) {
    let count = 0;
    const t = performance.now();
    for (const a of areas) if ((await engine.run(a)).events.length > 0) count++;
    best = Math.min(best, performance.now() - t);
    udsat = count;
  }
  return { name: 'json-rules-engine', decisionsPerSecond: areas.length / (best / 1000), udsat };
}

/** Runs every variant on the demo rule set and 20,000 generated areas. */
export async function benchCore(count = 20_000): Promise<VariantResult[]> {
  // the demo rule set is in the engine's test domain, which the package does not ship
  const loaded = loadRegistry('fixtures/engine/rules', { domains: [...SHIPPED_DOMAINS, defineRuleDomain(TEST_DOMAIN_SPEC)] });
  if (!loaded.ok) throw new Error('demo rules do not load');
  const ruleSet = loaded.value.inForce('demo', '2020-12-01');
  const areas = generateAreas(count);
  const decider = createDecider(ruleSet, 'udsat');
  const explainer = createExplainer(ruleSet, 'udsat');
  return [
    ...timeInterleaved(
      [
        { name: 'håndskrevet (Number)', decide: handWrittenNumber, rounds: 15 },
        { name: 'håndskrevet (decimal.js)', decide: handWrittenDecimal, rounds: 5 },
        { name: 'vores beslutningssti (createDecider)', decide: decider, rounds: 15 },
        { name: 'vores forklarede sti (createExplainer)', decide: (f) => explainer(f).outcome, rounds: 5 },
        { name: 'vores forklarede sti, hele regelsættet (evaluateRuleSet)', decide: (f) => evaluateRuleSet(ruleSet, f).outcomes.udsat ?? null, rounds: 5 },
      ],
      areas,
    ),
    await timeJre(ruleSet, areas, 3),
  ];
}
