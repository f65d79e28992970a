/**
 * Runs policy scenarios: each file names a rule set, a date, facts and the outcomes
 * expected; the run says which held and records which conditions were seen true and
 * false (for coverage).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Facts } from '../domain/fact-types.js';
import { BoligsocialError, type Diagnostic } from '../errors.js';
import { evaluateRuleSet } from '../engine/evaluate.js';
import type { CompiledRuleSet, Evaluation, Truth } from '../engine/types.js';
import { parseJsonDocument } from '../rules/json-document.js';
import type { RuleRegistry } from '../rules/registry.js';
import type { RuleDomain } from '../rules/rule-domain.js';
import { loadRegistry, SHIPPED_DOMAINS } from '../shipped.js';
import { schemaDiagnostics } from '../rules/schema-issues.js';
import { type Scenario, scenarioSchema } from './schema.js';
import { safeParseDanish } from '../domain/parse.js';

/** One expectation that did not hold. */
export interface ScenarioMismatch {
  readonly rule: string;
  readonly expected: Truth | readonly string[];
  readonly actual: Truth | readonly string[] | 'ingen sådan regel';
}

/** The outcome of one scenario file. */
export interface ScenarioResult {
  readonly file: string;
  readonly description: string;
  readonly passed: boolean;
  readonly mismatches: readonly ScenarioMismatch[];
  /** Problems that kept the scenario from running (bad file, unknown rule set, bad facts). */
  readonly errors: readonly Diagnostic[];
  /** The evaluation, when it ran. */
  readonly evaluation?: Evaluation;
  readonly ruleSet?: CompiledRuleSet;
}

/** Where scenarios get their rules: the default registry, and the domains a scenario's own `rules` directory may use. */
export interface ScenarioRules {
  readonly registry: () => RuleRegistry;
  /** The domains of the rule files in a scenario's own `rules` directory (default the package's own). */
  readonly domains?: readonly RuleDomain[];
}

/** Runs one scenario file. Never throws for bad input: problems come back as `errors`. */
export function runScenarioFile(file: string, rules: ScenarioRules): ScenarioResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return failed(file, '', [{ code: 'file-read', severity: 'error', file, message: `filen kan ikke læses: ${(error as Error).message}` }]);
  }
  const parsed = parseJsonDocument(text, file);
  if (!parsed.ok) return failed(file, '', parsed.errors);
  const checked = safeParseDanish(scenarioSchema, parsed.value.value);
  if (!checked.success) return failed(file, '', schemaDiagnostics(parsed.value, checked.error.issues));
  return runScenario(checked.data, file, rules);
}

/** Runs a parsed scenario; `file` locates it and its `rules` directory. */
export function runScenario(scenario: Scenario, file: string, rules: ScenarioRules): ScenarioResult {
  const { description } = scenario;
  let registry: RuleRegistry;
  try {
    registry = scenario.rules === undefined ? rules.registry() : scenarioRegistry(resolve(dirname(file), scenario.rules), rules.domains ?? SHIPPED_DOMAINS);
  } catch (error) {
    return failed(file, description, diagnosticsOf(error, file));
  }
  let ruleSet: CompiledRuleSet;
  let evaluation: Evaluation;
  try {
    ruleSet = registry.inForce(scenario.ruleSet, scenario.asOf);
    evaluation = evaluateRuleSet(ruleSet, scenario.facts as Facts, { disable: scenario.disable ?? [] });
  } catch (error) {
    return failed(file, description, diagnosticsOf(error, file));
  }
  const mismatches: ScenarioMismatch[] = [];
  for (const [rule, expected] of Object.entries(scenario.expected)) {
    const actual = Object.hasOwn(evaluation.outcomes, rule) ? evaluation.outcomes[rule] : undefined;
    if (actual === undefined) mismatches.push({ rule, expected, actual: 'ingen sådan regel' });
    else if (actual !== expected) mismatches.push({ rule, expected, actual });
  }
  if (scenario.expectedMissingFacts !== undefined) {
    const want = [...scenario.expectedMissingFacts].sort();
    if (want.join('\u0000') !== evaluation.missingFacts.join('\u0000')) {
      mismatches.push({ rule: 'mangler', expected: want, actual: evaluation.missingFacts });
    }
  }
  return Object.freeze({ file, description, passed: mismatches.length === 0, mismatches: Object.freeze(mismatches), errors: Object.freeze([]), evaluation, ruleSet });
}

const registries = new WeakMap<readonly RuleDomain[], Map<string, RuleRegistry>>();

function scenarioRegistry(dir: string, domains: readonly RuleDomain[]): RuleRegistry {
  let byDir = registries.get(domains);
  if (byDir === undefined) {
    byDir = new Map();
    registries.set(domains, byDir);
  }
  let registry = byDir.get(dir);
  if (registry === undefined) {
    const loaded = loadRegistry(dir, { domains });
    if (!loaded.ok) throw new BoligsocialError(loaded.errors[0]?.code ?? 'schema', `the rules in ${dir} do not load`, loaded.errors);
    registry = loaded.value;
    byDir.set(dir, registry);
  }
  return registry;
}

function diagnosticsOf(error: unknown, file: string): Diagnostic[] {
  if (error instanceof BoligsocialError) {
    return error.diagnostics.length > 0 ? [...error.diagnostics] : [{ code: error.code, severity: 'error', file, message: error.message }];
  }
  throw error;
}

function failed(file: string, description: string, errors: readonly Diagnostic[]): ScenarioResult {
  return Object.freeze({ file, description, passed: false, mismatches: Object.freeze([]), errors: Object.freeze([...errors]) });
}
