/**
 * The public scenario runners: each the core (which is told the domains a scenario's own
 * `rules` directory is checked against) with the package's shipped domains when none
 * are given. The one module of `src/scenarios/` that may name the shipped rules.
 */
import type { RuleRegistry } from '../rules/registry.js';
import type { RuleDomain } from '../rules/rule-domain.js';
import { SHIPPED_DOMAINS } from '../shipped.js';
import { runScenarioFileWith, runScenarioWith, type ScenarioResult, type ScenarioRules, scenarioRulesWith } from './run.js';
import type { Scenario } from './schema.js';

/**
 * Scenario rules that load each registry once, also when it fails: every scenario
 * using rules that do not load gets the same error, and the rules are not read again.
 */
export function scenarioRules(registry: () => RuleRegistry, domains: readonly RuleDomain[] = SHIPPED_DOMAINS): ScenarioRules {
  return scenarioRulesWith(domains, registry);
}

/** Runs one scenario file. Never throws for bad input: problems come back as `errors`. */
export function runScenarioFile(file: string, rules: ScenarioRules): ScenarioResult {
  return runScenarioFileWith(rules.domains ?? SHIPPED_DOMAINS, file, rules);
}

/** Runs a parsed scenario; `file` locates it and its `rules` directory. */
export function runScenario(scenario: Scenario, file: string, rules: ScenarioRules): ScenarioResult {
  return runScenarioWith(rules.domains ?? SHIPPED_DOMAINS, scenario, file, rules);
}
