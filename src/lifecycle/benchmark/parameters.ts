/**
 * The benchmark thresholds as typed values, read from the named parameters of the
 * benchmark rule set in force (`rules/benchmark/<date>.json`).
 */
import { BoligsocialError, diagnostic } from '../../errors.js';
import type { CompiledRuleSet } from '../../engine/types.js';
import type { RuleRegistry } from '../../rules/registry.js';
import { benchmarkRules } from './rule-domain.js';

/** The benchmark rule set's id. */
export const BENCHMARK_RULE_SET = 'benchmark';

/** The benchmark's thresholds. */
export interface BenchmarkParametre {
  /** The trend is read over this many latest measurements (at least 2). */
  readonly tendensPerioder: number;
  /** An indicator has stalled when it has not improved in this many latest periods (at least 1). */
  readonly perioderIStaa: number;
  /** On track: progress at least this share of the expected (linear) progress, a decimal string. */
  readonly andelAfForventetFremdrift: string;
}

/**
 * Reads the benchmark thresholds from a compiled benchmark rule set (the loader has
 * checked them against {@link benchmarkRules}: present, of their type and unit, in range).
 * @throws {BoligsocialError} `unknown-rule-set` if the rule set was not loaded under {@link benchmarkRules}.
 */
export function benchmarkParametre(rs: CompiledRuleSet): BenchmarkParametre {
  return Object.freeze({
    tendensPerioder: benchmarkRules.parameter(rs, 'tendensPerioder'),
    perioderIStaa: benchmarkRules.parameter(rs, 'perioderIStaa'),
    andelAfForventetFremdrift: benchmarkRules.parameter(rs, 'andelAfForventetFremdrift'),
  });
}

/**
 * The benchmark rule set in force on `asOf`.
 * @throws {BoligsocialError} with a Danish diagnostic when the rules in use have none.
 */
export function benchmarkRuleSet(registry: RuleRegistry, asOf: string): CompiledRuleSet {
  if (!registry.ids().includes(BENCHMARK_RULE_SET)) {
    throw new BoligsocialError('unknown-rule-set', `no rule set with id ${BENCHMARK_RULE_SET} among the rules in use`, [
      diagnostic({
        code: 'unknown-rule-set',
        severity: 'error',
        message: 'reglerne i brug har intet benchmark-regelsæt (id "benchmark")',
        hint: 'Tilføj en regelfil benchmark/<dato>.json i regelmappen (se pakkens egen rules/benchmark/2017-06-01.json), eller brug pakkens egne regler.',
      }),
    ]);
  }
  return registry.inForce(BENCHMARK_RULE_SET, asOf);
}
