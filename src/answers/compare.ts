/** The JSON answer of `compare`: what the CLI prints with `--format json` and what the decision service returns. */
import { renderValue, type SideDescription, type WhatIfComparison } from '../compare/index.js';
import { type ParameterChange, parameterTargets, type RuleRegistry } from '../rules/index.js';

/** The Danish descriptions of the two sides of a comparison. */
export interface SideDescriptions {
  readonly foer: SideDescription;
  readonly efter: SideDescription;
}

/** The comparison as JSON: the command, what each side is, then the rows that change and the counts. */
export function comparisonJson(comparison: WhatIfComparison, descriptions: SideDescriptions): Record<string, unknown> {
  const { kommando, ...rest } = comparison;
  return { kommando, foer: descriptions.foer, efter: descriptions.efter, ...rest };
}

/** Each version a parameter change applies to, with the value before and after, for the after side's description. */
export function describeChanges(rules: RuleRegistry, changes: readonly ParameterChange[]): SideDescription['parametre'] {
  return changes.flatMap((c) => {
    const targets = parameterTargets(rules, c);
    if (!targets.ok) return [];
    return targets.value.map((rs) => ({ ruleSet: c.ruleSet, version: rs.info.version, parameter: c.parameter, foer: renderValue(rs.parameters[c.parameter]?.value), efter: renderValue(c.value) }));
  });
}
