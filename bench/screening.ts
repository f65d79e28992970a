/**
 * Benchmark of screening: 8,000 generated afdelinger (about the number of almene
 * afdelinger in Denmark), screened with explanations and on the decision-only path,
 * each beside the hand-written exact screening of the same rules (bench/hand-screening.ts)
 * in the same process, checked to agree on every outcome. Also the heap each explained
 * result retains before and after its explanation is read. No asserts on time here.
 */
import { performance } from 'node:perf_hooks';
import { generateAfdelinger } from '../fixtures/screening/generator.js';
import type { ScreeningResult } from '../src/index.js';
import { checkAgreement, handScreening } from './hand-screening.js';
import { lib } from './library.js';

const { bundledRegistry, screenAfdelinger, validateAfdeling } = lib;

/** Timings of one run, in milliseconds (best of `runs`, the variants interleaved). */
export interface ScreeningBench {
  readonly count: number;
  /** Our screening with explanations (trees built when read). */
  readonly explainedMs: number;
  /** Our decision-only screening. */
  readonly decisionMs: number;
  /** The hand-written exact screening, decision-only. */
  readonly handDecisionMs: number;
  /** The hand-written exact screening keeping every leaf's figures. */
  readonly handFiguresMs: number;
  /** Outcomes on which the hand-written screening and ours were checked to agree. */
  readonly agreed: number;
  /** Heap retained per explained result before anything reads it, in bytes. */
  readonly bytesPerUnreadResult: number;
  /** The same after every result's explanation tree, indicators and changes were read. */
  readonly bytesPerReadResult: number;
  /** Reading every result's explanation, indicators, recommendations and changes, once. */
  readonly readAllMs: number;
  /** Generating and validating the input (not part of the targets). */
  readonly generateMs: number;
  readonly validateMs: number;
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('benchScreening: run node with --expose-gc (npm run bench does)');
  collect();
  collect();
};

/** Reads every lazily built part of a result. */
function readAll(r: ScreeningResult): number {
  return r.indikatorer.length + r.anbefalinger.length + r.aendringer.nyeFlag.length + r.konklusionTekst.length + (r.evaluation?.rules.length ?? 0);
}

/**
 * Screens `count` generated afdelinger (3 periods each) as of 2024-12-01, explained and
 * decision-only, after a warm-up; the hand-written floor runs between them. Best of `runs`
 * (15: on this two-core machine a run of five gave ratios from 4.0 to 5.0 for the same
 * build, as a scavenge fell inside one timed run or another; the best of 15 varied less).
 */
export function benchScreening(count = 8000, runs = 15): ScreeningBench {
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
  const asOf = '2024-12-01';
  const ruleSet = bundledRegistry().inForce('screening', asOf);
  const hand = handScreening(ruleSet);
  const options = { asOf, ruleSet };

  // warm-up, and the agreement check on every outcome
  const agreed = checkAgreement(screenAfdelinger(afdelinger, { ...options, explain: false }).results, hand.decide(afdelinger, asOf));
  for (let i = 0; i < 2; i++) {
    screenAfdelinger(afdelinger, options).results.forEach(readAll);
    hand.decideWithFigures(afdelinger, asOf);
  }

  let explainedMs = Number.POSITIVE_INFINITY;
  let decisionMs = Number.POSITIVE_INFINITY;
  let handDecisionMs = Number.POSITIVE_INFINITY;
  let handFiguresMs = Number.POSITIVE_INFINITY;
  const time = (f: () => unknown): number => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  for (let i = 0; i < runs; i++) {
    gc();
    handDecisionMs = Math.min(handDecisionMs, time(() => hand.decide(afdelinger, asOf)));
    gc();
    decisionMs = Math.min(decisionMs, time(() => screenAfdelinger(afdelinger, { ...options, explain: false })));
    gc();
    handFiguresMs = Math.min(handFiguresMs, time(() => hand.decideWithFigures(afdelinger, asOf)));
    gc();
    explainedMs = Math.min(explainedMs, time(() => screenAfdelinger(afdelinger, options)));
  }

  // retained heap: the results held, then let go; the difference is theirs (measured
  // against the heap without them, not before them, so garbage left from the timed runs
  // cannot make it negative). Median of three.
  const unread: number[] = [];
  const read: number[] = [];
  let readAllMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    let kept: readonly ScreeningResult[] | undefined = screenAfdelinger(afdelinger, options).results;
    if (kept.length !== count) throw new Error('benchScreening: not every afdeling was screened');
    gc();
    const held = process.memoryUsage().heapUsed;
    const t = performance.now();
    kept.forEach(readAll);
    readAllMs = Math.min(readAllMs, performance.now() - t);
    gc();
    const heldRead = process.memoryUsage().heapUsed;
    kept = undefined;
    gc();
    const released = process.memoryUsage().heapUsed;
    unread.push((held - released) / count);
    read.push((heldRead - released) / count);
  }

  return {
    count,
    explainedMs,
    decisionMs,
    handDecisionMs,
    handFiguresMs,
    agreed,
    bytesPerUnreadResult: median(unread),
    bytesPerReadResult: median(read),
    readAllMs,
    generateMs,
    validateMs,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
