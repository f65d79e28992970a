/**
 * The public lifecycle functions that read rules: each the domain core (which takes a
 * registry) with the package's shipped rules when `options.rules` is not given. The one
 * module of `src/lifecycle/` that may load the shipped rules.
 */
import { rulesOrShipped } from '../shipped.js';
import { type AssessOptions, assessIndsatsWith, type IndsatsAssessment } from './assess.js';
import { type BenchmarkOptions, benchmarkIndsatserWith } from './benchmark/benchmark.js';
import type { BenchmarkResult } from './benchmark/types.js';
import { type PortfolioReview, type ReviewOptions, reviewIndsatserWith } from './review.js';
import type { Indsats } from './schema.js';

/**
 * Assesses one indsats on `asOf`: its state, start and stop parameters with evidence,
 * deadlines, decisions due, and a recommendation (under `options.rules`, default the
 * package's shipped rules).
 *
 * @throws {import('./state.js').LifecycleEventError} when its event log breaks an event rule up to asOf.
 * @throws {import('../errors.js').BoligsocialError} `no-rules-in-force` when no lifecycle rules cover asOf.
 * @example
 * const a = assessIndsats(indsats, { asOf: '2025-06-01' });
 * a.stop.map((s) => `${s.nr}: ${s.resultat}`);
 */
export function assessIndsats(indsats: Indsats, options: AssessOptions): IndsatsAssessment {
  return assessIndsatsWith(rulesOrShipped(options), indsats, options);
}

/**
 * Reviews a portfolio of indsatser on `asOf`. An indsats whose event log breaks a
 * rule is reported in `fejl` with the event and rule; the others are still reviewed.
 * @example
 * const { indsatser } = reviewIndsatser(all, { asOf: '2025-06-01', horizonMonths: 12 });
 * indsatser[0].assessment.frister // the most urgent decisions
 */
export function reviewIndsatser(indsatser: readonly Indsats[], options: ReviewOptions): PortfolioReview {
  return reviewIndsatserWith(rulesOrShipped(options), indsatser, options);
}

/**
 * Benchmarks a portfolio of indsatser on `asOf`: the indsatser in progress (and, with
 * `medAfsluttede`, the ended ones) per fælles mål and per strategy mål, their indicators
 * ranked by exact progress among indicators of the same mål and unit, and the
 * portfolio's contribution to each mål. An indsats whose event log breaks a rule is
 * reported in `fejl`; the others are still benchmarked. The result is deeply frozen.
 *
 * @throws {import('../errors.js').BoligsocialError} `unknown-rule-set` or `no-rules-in-force` when the rules in use have no benchmark rule set for `asOf`.
 * @example
 * const b = benchmarkIndsatser(indsatser, { asOf: '2025-06-01' });
 * b.faellesMaal[0].grupper[0].raekker[0].fremdrift?.decimal // the best progress on fælles mål 1
 */
export function benchmarkIndsatser(indsatser: readonly Indsats[], options: BenchmarkOptions): BenchmarkResult {
  return benchmarkIndsatserWith(rulesOrShipped(options), indsatser, options);
}
