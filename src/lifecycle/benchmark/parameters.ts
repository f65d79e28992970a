/**
 * The benchmark thresholds as typed values, read from the named parameters of the
 * benchmark rule set in force (`rules/benchmark/<date>.json`).
 */
import { BoligsocialError, diagnostic } from '../../errors.js';
import { isDecimalString } from '../../domain/decimal.js';
import type { CompiledRuleSet } from '../../engine/types.js';
import type { RuleRegistry } from '../../rules/registry.js';

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

function wholeNumber(rs: CompiledRuleSet, name: string, min: number): number {
  const v = rs.parameters[name]?.value;
  let n = Number.NaN;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && isDecimalString(v)) n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    throw new BoligsocialError('unknown-parameter', `benchmark rule set ${rs.info.version}: parameter ${name} missing or not a whole number ≥ ${min}`, [
      diagnostic({
        code: 'unknown-parameter',
        severity: 'error',
        ...(rs.info.file === undefined ? {} : { file: rs.info.file }),
        pointer: `/parameters/${name}`,
        message: `benchmark-reglerne ${rs.info.version} mangler parameteren "${name}" som et helt tal på mindst ${min}`,
        hint: `Tilføj "${name}" under "parameters" i regelfilen.`,
      }),
    ]);
  }
  return n;
}

/**
 * Reads the benchmark thresholds from a compiled benchmark rule set.
 * @throws {BoligsocialError} `unknown-parameter` when one is missing or out of range.
 */
export function benchmarkParametre(rs: CompiledRuleSet): BenchmarkParametre {
  const andel = rs.parameters.andelAfForventetFremdrift?.value;
  if (typeof andel !== 'string' || !isDecimalString(andel) || andel.startsWith('-')) {
    throw new BoligsocialError('unknown-parameter', `benchmark rule set ${rs.info.version}: parameter andelAfForventetFremdrift missing or not a non-negative decimal string`, [
      diagnostic({
        code: 'unknown-parameter',
        severity: 'error',
        ...(rs.info.file === undefined ? {} : { file: rs.info.file }),
        pointer: '/parameters/andelAfForventetFremdrift',
        message: `benchmark-reglerne ${rs.info.version} mangler parameteren "andelAfForventetFremdrift" som en ikke-negativ decimaltekst`,
        hint: 'Skriv andelen som decimaltekst, fx "1".',
      }),
    ]);
  }
  return Object.freeze({ tendensPerioder: wholeNumber(rs, 'tendensPerioder', 2), perioderIStaa: wholeNumber(rs, 'perioderIStaa', 1), andelAfForventetFremdrift: andel });
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
