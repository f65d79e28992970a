/**
 * The lifecycle thresholds as typed values, read from the named parameters of the
 * lifecycle rule set in force (`rules/lifecycle/<date>.json`). Deadlines and fact
 * computation use them; conditions reference the same parameters by name.
 */
import { BoligsocialError } from '../errors.js';
import { isDecimalString } from '../domain/decimal.js';
import type { CompiledRuleSet } from '../engine/types.js';

/** The lifecycle parameters used outside the conditions. */
export interface LifecycleParameters {
  /** Default maximum duration in months when the financing scheme states none. */
  readonly standardVarighedMaaneder: number;
  /** Months before the end date that preparing a successor helhedsplan must begin. */
  readonly forberedelseMaaneder: number;
  /** Months after the start that the midtvejsevaluering is due. */
  readonly midtvejsevalueringEfterMaaneder: number;
  /** Number of latest measured periods an indicator must be at target without worsening. */
  readonly perioderStabilUdvikling: number;
}

/** The parameters' names, as the rule file names them. */
export const LIFECYCLE_PARAMETER_NAMES = ['standardVarighedMaaneder', 'forberedelseMaaneder', 'midtvejsevalueringEfterMaaneder', 'perioderStabilUdvikling'] as const;

/**
 * Reads the lifecycle parameters from a compiled lifecycle rule set.
 * @throws {BoligsocialError} `unknown-parameter` if one is missing or not a positive whole number.
 */
export function lifecycleParameters(ruleSet: CompiledRuleSet): LifecycleParameters {
  const out: Record<string, number> = {};
  for (const name of LIFECYCLE_PARAMETER_NAMES) {
    const p = ruleSet.parameters[name];
    const v = p?.value;
    const n = typeof v === 'number' ? v : typeof v === 'string' && isDecimalString(v) ? Number(v) : Number.NaN;
    if (!Number.isInteger(n) || n <= 0) {
      throw new BoligsocialError('unknown-parameter', `lifecycle rule set ${ruleSet.info.id} ${ruleSet.info.version}: parameter ${name} missing or not a positive integer`);
    }
    out[name] = n;
  }
  return Object.freeze(out) as unknown as LifecycleParameters;
}
