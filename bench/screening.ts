/**
 * Benchmark of screening: 8,000 generated afdelinger (about the number of almene
 * afdelinger in Denmark), screened with full explanations and on the decision-only
 * path. The lead's bench runner calls {@link benchScreening}; no asserts here.
 */
import { performance } from 'node:perf_hooks';
import { generateAfdelinger } from '../fixtures/screening/generator.js';
import { lib } from './library.js';

const { bundledRegistry, screenAfdelinger, validateAfdeling } = lib;

/** Timings of one run, in milliseconds (best of `runs`). */
export interface ScreeningBench {
  readonly count: number;
  /** Screening with full explanations (evaluation tree per afdeling). */
  readonly explainedMs: number;
  /** Decision-only screening (outcomes, flags, changes, recommendations; no trees). */
  readonly decisionMs: number;
  /** Generating the input (not part of the target). */
  readonly generateMs: number;
  /** Validating the input with zod, once (not part of the target). */
  readonly validateMs: number;
}

/**
 * Screens `count` generated afdelinger (3 periods each) as of 2024-12-01, explained and
 * decision-only, after a warm-up that compiles the rules; returns the best of `runs`.
 */
export function benchScreening(count = 8000, runs = 3): ScreeningBench {
  const t0 = performance.now();
  const generated = generateAfdelinger(count, { seed: 8000 });
  const generateMs = performance.now() - t0;
  // validate once, as reading a file does; the timed runs screen validated afdelinger
  const t1 = performance.now();
  const afdelinger = generated.map((a) => {
    const r = validateAfdeling(a);
    if (!r.ok) throw new Error(`benchScreening: generated afdeling ${a.id} does not validate`);
    return r.value;
  });
  const validateMs = performance.now() - t1;
  const ruleSet = bundledRegistry().inForce('screening', '2024-12-01');
  const options = { asOf: '2024-12-01', ruleSet };
  // warm-up: compile the rules and let the JIT settle
  screenAfdelinger(afdelinger.slice(0, 200), options);
  screenAfdelinger(afdelinger.slice(0, 200), { ...options, explain: false });
  let explainedMs = Number.POSITIVE_INFINITY;
  let decisionMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const explained = screenAfdelinger(afdelinger, options);
    explainedMs = Math.min(explainedMs, performance.now() - t);
    t = performance.now();
    const decided = screenAfdelinger(afdelinger, { ...options, explain: false });
    decisionMs = Math.min(decisionMs, performance.now() - t);
    if (explained.results.length !== count || decided.results.length !== count) throw new Error('benchScreening: not every afdeling was screened');
  }
  return { count, explainedMs, decisionMs, generateMs, validateMs };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchScreening();
  console.log(`screening: ${r.count} afdelinger — forklaret ${r.explainedMs.toFixed(1)} ms, kun afgørelser ${r.decisionMs.toFixed(1)} ms (generering ${r.generateMs.toFixed(1)} ms, validering ${r.validateMs.toFixed(1)} ms)`);
}
