/**
 * The lifecycle thresholds as typed values, read from the named parameters of the
 * lifecycle rule set in force (`rules/lifecycle/<date>.json`). Deadlines and fact
 * computation use them; conditions reference the same parameters by name.
 */
import type { CompiledRuleSet } from '../engine/types.js';
import { lifecycleRules } from './rule-domain.js';

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
 * Reads the lifecycle parameters from a compiled lifecycle rule set (the loader has
 * checked them against {@link lifecycleRules}: present, whole numbers of at least 1).
 * @throws {BoligsocialError} `unknown-rule-set` if the rule set was not loaded under {@link lifecycleRules}.
 */
export function lifecycleParameters(ruleSet: CompiledRuleSet): LifecycleParameters {
  return Object.freeze({
    standardVarighedMaaneder: lifecycleRules.parameter(ruleSet, 'standardVarighedMaaneder'),
    forberedelseMaaneder: lifecycleRules.parameter(ruleSet, 'forberedelseMaaneder'),
    midtvejsevalueringEfterMaaneder: lifecycleRules.parameter(ruleSet, 'midtvejsevalueringEfterMaaneder'),
    perioderStabilUdvikling: lifecycleRules.parameter(ruleSet, 'perioderStabilUdvikling'),
  });
}
