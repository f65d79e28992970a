/**
 * Runs policy scenarios: each file gives one input — domain input (a boligområde with
 * its history, an afdeling with its periods, an indsats with its events, a portfolio of
 * indsatser to benchmark, a financing plan) or engine facts — and the output an analyst expects. Domain scenarios run the
 * same public functions services call; the run says which expectations held and
 * returns the explained evaluations the domain performed (for coverage).
 */
import { dirname, resolve } from 'node:path';
import { safeParseDanish } from '../domain/parse.js';
import type { CompiledRuleSet, Evaluation } from '../engine/types.js';
import { BoligsocialError, type Diagnostic, diagnostic, type Failure, fail, okWithAliases, type Success } from '../errors.js';
import { readJsonFile } from '../rules/files.js';
import { type JsonDocument, locate, pointerToPath, toPointer } from '../rules/json-document.js';
import { loadRegistry, type RuleRegistry } from '../rules/registry.js';
import type { RuleDomain } from '../rules/rule-domain.js';
import type { MetodeKatalog } from '../rules/metoder.js';
import { schemaDiagnostics } from '../rules/schema-issues.js';
import { runBenchmarkScenario } from './benchmark.js';
import { runClassificationScenario } from './classification.js';
import { runEngineScenario } from './engine.js';
import type { ScenarioMismatch } from './expect.js';
import { runFinancingScenario } from './financing.js';
import { runLifecycleScenario } from './lifecycle.js';
import type { ScenarioEvaluation, ScenarioRun } from './outcome.js';
import { type Scenario, SCENARIO_INPUT_KEYS, SCENARIO_KINDS, SCENARIO_SCHEMAS, type ScenarioKind } from './schema.js';
import { runScreeningScenario } from './screening.js';

export type { ScenarioMismatch } from './expect.js';
export type { ScenarioEvaluation } from './outcome.js';

/** The outcome of one scenario file. */
export interface ScenarioResult {
  readonly file: string;
  readonly description: string;
  /** Which question it asks; absent when the file could not be read as a scenario. */
  readonly kind?: ScenarioKind;
  readonly passed: boolean;
  readonly mismatches: readonly ScenarioMismatch[];
  /** Problems that kept the scenario from running (bad file, rules that do not load, no rules in force, bad input). */
  readonly errors: readonly Diagnostic[];
  /** Set when `errors` are those of rules that do not load: a fault shared by every scenario using them, not the scenario's own. */
  readonly blockedByRules?: true;
  /** Engine level: the evaluation, when it ran. */
  readonly evaluation?: Evaluation;
  /** Engine level: the rule-set version evaluated. */
  readonly ruleSet?: CompiledRuleSet;
  /** Every explained evaluation the run performed (engine or domain), with its version: what condition coverage counts. */
  readonly evaluations: readonly ScenarioEvaluation[];
  /** Every rule-set version the run used, also those without conditions (a financing scheme). */
  readonly used: readonly CompiledRuleSet[];
  /** Every methods catalogue the run's method checks were made against. */
  readonly kataloger: readonly MetodeKatalog[];
  /** The rules it ran with. */
  readonly registry?: RuleRegistry;
  /** The domain it tests: its kind's, or for an engine-level scenario its rule set's. */
  readonly domain?: string;
}

/** Where scenarios get their rules. */
export interface ScenarioRules {
  /** The rules a scenario runs with unless it names its own `rules` directory. */
  readonly registry: () => RuleRegistry;
  /** The rules of a scenario's own `rules` directory (an absolute path); default: loaded anew for each scenario. */
  readonly registryAt?: (dir: string) => RuleRegistry;
  /** The domains of the rule files in a scenario's own `rules` directory (default the package's own). */
  readonly domains?: readonly RuleDomain[];
}

/**
 * Scenario rules that load each registry once, also when it fails, a scenario's own
 * `rules` directory checked against `domains` (the core of `scenarioRules`, which
 * defaults them to the package's own).
 */
export function scenarioRulesWith(domains: readonly RuleDomain[], registry: () => RuleRegistry): ScenarioRules {
  const once = (load: () => RuleRegistry): (() => RuleRegistry) => {
    let loaded: { readonly registry: RuleRegistry } | { readonly error: unknown } | undefined;
    return () => {
      if (loaded === undefined) {
        try {
          loaded = { registry: load() };
        } catch (error) {
          loaded = { error };
        }
      }
      if ('error' in loaded) throw loaded.error;
      return loaded.registry;
    };
  };
  const byDir = new Map<string, () => RuleRegistry>();
  return Object.freeze({
    domains,
    registry: once(registry),
    registryAt: (dir: string) => {
      let get = byDir.get(dir);
      if (get === undefined) {
        get = once(() => loadScenarioRegistry(dir, domains));
        byDir.set(dir, get);
      }
      return get();
    },
  });
}

/** Loads the rules of a scenario's own `rules` directory. */
function loadScenarioRegistry(dir: string, domains: readonly RuleDomain[]): RuleRegistry {
  const loaded = loadRegistry(dir, { domains });
  if (!loaded.ok) throw new BoligsocialError(loaded.errors[0]?.code ?? 'schema', `the rules in ${dir} do not load`, loaded.errors);
  return loaded.value;
}

/** The kind of a parsed scenario, by its input key. */
export function scenarioKind(scenario: Scenario): ScenarioKind {
  if ('facts' in scenario) return 'engine';
  if ('boligomraade' in scenario) return 'classification';
  if ('afdeling' in scenario) return 'screening';
  if ('indsats' in scenario) return 'lifecycle';
  if ('benchmark' in scenario) return 'benchmark';
  return 'financing';
}

/** The domain each kind tests (an engine-level scenario: its rule set's). */
const KIND_DOMAIN: Readonly<Record<Exclude<ScenarioKind, 'engine'>, string>> = Object.freeze({
  classification: 'classification',
  screening: 'screening',
  lifecycle: 'lifecycle',
  benchmark: 'lifecycle',
  financing: 'financing',
});

const KIND_NAVN: Readonly<Record<ScenarioKind, string>> = Object.freeze({
  engine: 'fakta til ét regelsæt',
  classification: 'klassifikation',
  screening: 'screening',
  lifecycle: 'livsforløb',
  benchmark: 'benchmark af indsatser',
  financing: 'finansiering',
});

/** A scenario file's content, validated: which question it asks and the scenario itself. */
export interface ScenarioDocument {
  readonly kind: ScenarioKind;
  readonly scenario: Scenario;
}

/**
 * What {@link parseScenarioDocument} returns: a {@link Result} of the {@link ScenarioDocument}.
 * On success `kind` and `scenario` are also readable on the result itself, where this
 * function put them before it returned a `Result`.
 */
export type ParsedScenarioDocument =
  | (Success<ScenarioDocument> & {
      /** @deprecated Read `value.kind`; kept for callers written before `Result`. */
      readonly kind: ScenarioKind;
      /** @deprecated Read `value.scenario`; kept for callers written before `Result`. */
      readonly scenario: Scenario;
    })
  | Failure;

/**
 * Validates a parsed JSON document as a scenario: the input key decides the form, and
 * the problems of that form are located at file, pointer, line and column.
 *
 * @returns the scenario and its kind, or `schema` diagnostics in Danish.
 */
export function parseScenarioDocument(doc: JsonDocument): ParsedScenarioDocument {
  const value = doc.value;
  const at = (path: (string | number)[], message: string, hint: string): Diagnostic => {
    const where = locate(doc, path);
    return diagnostic({ code: 'schema', severity: 'error', file: doc.file, pointer: where.pointer, line: where.line, column: where.column, message, hint });
  };
  const choices = SCENARIO_KINDS.map((k) => `"${SCENARIO_INPUT_KEYS[k]}" (${KIND_NAVN[k]})`).join(', ');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail([at([], 'et scenarie er ét JSON-objekt', `Skriv { "description": …, og én af ${choices}, og "expected": … }.`)]);
  }
  const present = SCENARIO_KINDS.filter((k) => Object.hasOwn(value, SCENARIO_INPUT_KEYS[k]));
  const kind = present[0];
  if (kind === undefined) return fail([at([], 'scenariet angiver ikke sit input', `Angiv én af ${choices}.`)]);
  const second = present[1];
  if (second !== undefined) {
    return fail([at([SCENARIO_INPUT_KEYS[second]], `scenariet har både "${SCENARIO_INPUT_KEYS[kind]}" og "${SCENARIO_INPUT_KEYS[second]}"`, 'Et scenarie afprøver ét spørgsmål; del det i to filer.')]);
  }
  const checked = safeParseDanish(SCENARIO_SCHEMAS[kind], value);
  if (!checked.success) return fail(schemaDiagnostics(doc, checked.error.issues));
  const scenario = checked.data as Scenario;
  return okWithAliases(Object.freeze({ kind, scenario }), { kind, scenario });
}

/**
 * Runs one scenario file; a scenario's own `rules` directory, unless `rules.registryAt`
 * loads it, is checked against `domains` (the core of `runScenarioFile`: `rules.domains`
 * is not read). Never throws for bad input: problems come back as `errors`.
 */
export function runScenarioFileWith(domains: readonly RuleDomain[], file: string, rules: ScenarioRules): ScenarioResult {
  const parsed = readJsonFile(file);
  if (!parsed.ok) return failed(file, '', parsed.errors);
  const checked = parseScenarioDocument(parsed.value);
  if (!checked.ok) return failed(file, '', checked.errors);
  return run(checked.value.scenario, checked.value.kind, file, rules, domains, parsed.value);
}

/** Runs a parsed scenario, as {@link runScenarioFileWith} runs a file (the core of `runScenario`). */
export function runScenarioWith(domains: readonly RuleDomain[], scenario: Scenario, file: string, rules: ScenarioRules): ScenarioResult {
  return run(scenario, scenarioKind(scenario), file, rules, domains, undefined);
}

/** Where each kind's date is, for a "no rules in force" error. */
const DATE_POINTER: Readonly<Record<ScenarioKind, string>> = Object.freeze({
  engine: '/asOf',
  classification: '/boligomraade/listedato',
  screening: '/asOf',
  lifecycle: '/asOf',
  benchmark: '/asOf',
  financing: '/plan/asOf',
});

function run(scenario: Scenario, kind: ScenarioKind, file: string, rules: ScenarioRules, domains: readonly RuleDomain[], doc: JsonDocument | undefined): ScenarioResult {
  const { description } = scenario;
  let registry: RuleRegistry;
  const rulesDir = scenario.rules === undefined ? undefined : resolve(dirname(file), scenario.rules);
  try {
    registry = rulesDir === undefined ? rules.registry() : rules.registryAt !== undefined ? rules.registryAt(rulesDir) : loadScenarioRegistry(rulesDir, domains);
  } catch (error) {
    const errors = diagnosticsOf(error, file);
    // a "rules" directory that cannot be read is the scenario's own fault, located at its "rules"
    const own = errors.filter((d) => d.code === 'file-read' && d.file === rulesDir);
    if (own.length > 0) return failed(file, description, own.map((d) => locateOwn(rulesDirProblem(d, file, scenario.rules ?? ''), file, doc, undefined)), kind);
    return Object.freeze({ ...failed(file, description, errors, kind), blockedByRules: true as const });
  }
  let outcome: ScenarioRun & { readonly ruleSet?: CompiledRuleSet; readonly evaluation?: Evaluation };
  try {
    outcome = runKind(scenario, registry);
  } catch (error) {
    const errors = diagnosticsOf(error, file).map((d) => locateOwn(factField(d, kind), file, doc, fallbackPointer(d, kind)));
    return failed(file, description, errors, kind);
  }
  const errors = outcome.errors.map((d) => locateOwn(d, file, doc, undefined));
  const domain: string | undefined = kind === 'engine' ? outcome.ruleSet?.info.domain : KIND_DOMAIN[kind];
  return Object.freeze({
    file,
    description,
    kind,
    passed: errors.length === 0 && outcome.mismatches.length === 0,
    mismatches: Object.freeze([...outcome.mismatches]),
    errors: Object.freeze(errors),
    ...(outcome.evaluation !== undefined ? { evaluation: outcome.evaluation } : {}),
    ...(outcome.ruleSet !== undefined ? { ruleSet: outcome.ruleSet } : {}),
    evaluations: Object.freeze([...outcome.evaluations]),
    used: Object.freeze([...outcome.used]),
    kataloger: Object.freeze([...(outcome.kataloger ?? [])]),
    registry,
    ...(domain !== undefined ? { domain } : {}),
  });
}

/** Where a problem without a pointer lies in a scenario of `kind`: its date, or (engine level) its rule set. */
function fallbackPointer(d: Diagnostic, kind: ScenarioKind): string | undefined {
  if (d.code === 'no-rules-in-force') return DATE_POINTER[kind];
  if (d.code === 'unknown-rule-set' && kind === 'engine') return '/ruleSet';
  return undefined;
}

/** An engine-level fact problem names its fact as a table field; in a scenario file its place is the fact's pointer. */
function factField(d: Diagnostic, kind: ScenarioKind): Diagnostic {
  if (kind !== 'engine' || (d.code !== 'input-invalid' && d.code !== 'fact-type') || d.field === undefined || d.pointer !== undefined) return d;
  const { field, ...rest } = d;
  return diagnostic({ ...rest, pointer: toPointer(['facts', field]) });
}

function runKind(scenario: Scenario, registry: RuleRegistry): ScenarioRun & { readonly ruleSet?: CompiledRuleSet; readonly evaluation?: Evaluation } {
  if ('facts' in scenario) return runEngineScenario(scenario, registry);
  if ('boligomraade' in scenario) return runClassificationScenario(scenario, registry);
  if ('afdeling' in scenario) return runScreeningScenario(scenario, registry);
  if ('indsats' in scenario) return runLifecycleScenario(scenario, registry);
  if ('benchmark' in scenario) return runBenchmarkScenario(scenario, registry);
  return runFinancingScenario(scenario, registry);
}

/** A problem of the scenario itself, put in its file: at its pointer (or `fallback`), with line and column when the document is at hand. */
function locateOwn(d: Diagnostic, file: string, doc: JsonDocument | undefined, fallback: string | undefined): Diagnostic {
  if (d.file !== undefined && d.file !== file) return d;
  const pointer = d.pointer ?? fallback;
  if (pointer === undefined) return diagnostic({ ...d, file });
  if (doc === undefined) return diagnostic({ ...d, file, pointer });
  const where = locate(doc, pointerToPath(pointer));
  return diagnostic({ ...d, file, pointer: toPointer(pointerToPath(pointer)), line: where.line, column: where.column });
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
    return error.diagnostics.length > 0 ? [...error.diagnostics] : [{ code: error.code, severity: 'error', file, message: error.message }];
  }
  throw error;
}

function failed(file: string, description: string, errors: readonly Diagnostic[], kind?: ScenarioKind): ScenarioResult {
  return Object.freeze({
    file,
    description,
    ...(kind !== undefined ? { kind } : {}),
    passed: false,
    mismatches: Object.freeze([]),
    errors: Object.freeze([...errors]),
    evaluations: Object.freeze([]),
    used: Object.freeze([]),
    kataloger: Object.freeze([]),
  });
}
