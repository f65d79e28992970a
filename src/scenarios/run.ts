/**
 * Runs policy scenarios: each file names a rule set, a date, facts and the outcomes
 * expected; the run says which held and records which conditions were seen true and
 * false (for coverage).
 */
import { dirname, resolve } from 'node:path';
import type { Facts } from '../domain/fact-types.js';
import { BoligsocialError, type Diagnostic, diagnostic } from '../errors.js';
import { evaluateRuleSet } from '../engine/evaluate.js';
import type { CompiledRuleSet, Evaluation, Truth } from '../engine/types.js';
import { readJsonFile } from '../rules/files.js';
import { toPointer, withLocation } from '../rules/json-document.js';
import { loadRegistry, type RuleRegistry } from '../rules/registry.js';
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

/** Where scenarios get their rules: the default registry, and a loader for a scenario's own `rules` directory. */
export interface ScenarioRules {
  readonly registry: () => RuleRegistry;
}

/** Runs one scenario file. Never throws for bad input: problems come back as `errors`. */
export function runScenarioFile(file: string, rules: ScenarioRules): ScenarioResult {
  const parsed = readJsonFile(file);
  if (!parsed.ok) return failed(file, '', parsed.errors);
  const checked = safeParseDanish(scenarioSchema, parsed.value.value);
  if (!checked.success) return failed(file, '', schemaDiagnostics(parsed.value, checked.error.issues));
  const result = runScenario(checked.data, file, rules);
  // problems located in the scenario file itself (its "rules") get their line and column
  if (result.errors.every((d) => d.file !== file || d.pointer === undefined)) return result;
  return Object.freeze({ ...result, errors: Object.freeze(result.errors.map((d) => (d.file === file ? withLocation(parsed.value, d) : d))) });
}

/** Runs a parsed scenario; `file` locates it and its `rules` directory. */
export function runScenario(scenario: Scenario, file: string, rules: ScenarioRules): ScenarioResult {
  const { description } = scenario;
  let registry: RuleRegistry;
  const rulesDir = scenario.rules === undefined ? undefined : resolve(dirname(file), scenario.rules);
  try {
    registry = rulesDir === undefined ? rules.registry() : scenarioRegistry(rulesDir);
  } catch (error) {
    const errors = diagnosticsOf(error, file).map((d) => (d.code === 'file-read' && d.file === rulesDir ? rulesDirProblem(d, file, scenario.rules ?? '') : d));
    return failed(file, description, errors);
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

const registries = new Map<string, RuleRegistry>();

function scenarioRegistry(dir: string): RuleRegistry {
  let registry = registries.get(dir);
  if (registry === undefined) {
    const loaded = loadRegistry(dir);
    if (!loaded.ok) throw new BoligsocialError(loaded.errors[0]?.code ?? 'schema', `the rules in ${dir} do not load`, loaded.errors);
    registry = loaded.value;
    registries.set(dir, registry);
  }
  return registry;
}

/** A scenario's "rules" that names no readable directory: located at "rules" in the scenario file. */
function rulesDirProblem(d: Diagnostic, file: string, rules: string): Diagnostic {
  return diagnostic({
    ...d,
    file,
    pointer: '/rules',
    message: `"rules" peger på ${JSON.stringify(rules)}, men ${d.message}`,
    hint: 'Ret "rules" til en mappe med regelfiler (relativt til scenariefilen), eller slet nøglen for at bruge pakkens egne regler.',
  });
}

function diagnosticsOf(error: unknown, file: string): Diagnostic[] {
  if (error instanceof BoligsocialError) {
    if (error.diagnostics.length === 0) return [{ code: error.code, severity: 'error', file, message: error.message }];
    // a problem without a place is the scenario's: its rule set, its date or one of its facts
    return error.diagnostics.map((d) => (d.file === undefined ? inScenario(d, file) : d));
  }
  throw error;
}

/** A diagnostic placed in the scenario file: its rule set, its date or the fact it names (a fact's place is its pointer, not a table column). */
function inScenario(d: Diagnostic, file: string): Diagnostic {
  if (d.code === 'unknown-rule-set') return diagnostic({ ...d, file, pointer: '/ruleSet' });
  if (d.code === 'no-rules-in-force') return diagnostic({ ...d, file, pointer: '/asOf' });
  if ((d.code === 'input-invalid' || d.code === 'fact-type') && d.field !== undefined) {
    const { field, ...rest } = d;
    return diagnostic({ ...rest, file, pointer: toPointer(['facts', field]) });
  }
  return diagnostic({ ...d, file });
}

function failed(file: string, description: string, errors: readonly Diagnostic[]): ScenarioResult {
  return Object.freeze({ file, description, passed: false, mismatches: Object.freeze([]), errors: Object.freeze([...errors]) });
}
