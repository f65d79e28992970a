/** Engine-level scenarios: facts straight into one rule set, outcomes per rule id. */
import type { Facts } from '../domain/fact-types.js';
import { evaluateRuleSet } from '../engine/evaluate.js';
import type { CompiledRuleSet, Evaluation } from '../engine/types.js';
import type { RuleRegistry } from '../rules/registry.js';
import { Expectations } from './expect.js';
import type { ScenarioRun } from './outcome.js';
import type { EngineScenario } from './schema.js';

/** Runs an engine-level scenario; also returns the rule set and its evaluation. */
export function runEngineScenario(s: EngineScenario, registry: RuleRegistry): ScenarioRun & { readonly ruleSet: CompiledRuleSet; readonly evaluation: Evaluation } {
  const ruleSet = registry.inForce(s.ruleSet, s.asOf);
  const evaluation = evaluateRuleSet(ruleSet, s.facts as Facts, { disable: s.disable ?? [] });
  const e = new Expectations();
  for (const [rule, expected] of Object.entries(s.expected)) {
    if (!Object.hasOwn(evaluation.outcomes, rule)) e.fail(rule, expected, 'ingen sådan regel');
    else e.value(rule, expected, evaluation.outcomes[rule] ?? null);
  }
  if (s.expectedMissingFacts !== undefined) {
    const want = [...s.expectedMissingFacts].sort();
    if (want.join('\u0000') !== evaluation.missingFacts.join('\u0000')) e.fail('mangler', want, evaluation.missingFacts);
  }
  return { mismatches: e.mismatches, errors: [], evaluations: [{ ruleSet, evaluation }], used: [ruleSet], ruleSet, evaluation };
}
