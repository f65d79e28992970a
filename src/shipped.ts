/**
 * The package's own domains and rules, and the public API's loading functions, which
 * check rule files against the shipped domains unless given others. The one module
 * that knows every domain: `src/rules` and `src/engine` are told them, never look them up.
 */
import { classificationRules } from './classification/rule-domain.js';
import type { Domain, FactDefinition } from './domain/fact-types.js';
import type { CompiledRuleSet } from './engine/types.js';
import { BoligsocialError, type Result } from './errors.js';
import { financingRules } from './financing/rule-domain.js';
import { benchmarkRules } from './lifecycle/benchmark/rule-domain.js';
import { lifecycleRules } from './lifecycle/rule-domain.js';
import { bundledRulesDir } from './rules/bundled.js';
import * as derive from './rules/derive.js';
import * as loader from './rules/loader.js';
import * as registry from './rules/registry.js';
import type { RuleDomain } from './rules/rule-domain.js';
import { screeningRules } from './screening/rule-domain.js';

/** The declarations of the package's domains: the four questions in the order of {@link DOMAINS}, then the benchmark's thresholds. */
export const SHIPPED_DOMAINS: readonly RuleDomain[] = Object.freeze([classificationRules, screeningRules, lifecycleRules, financingRules, benchmarkRules]);

/** Options of the public loading functions. */
export interface LoadRulesOptions {
  /**
   * The domains rule files may belong to; default {@link SHIPPED_DOMAINS}. Pass
   * `[...SHIPPED_DOMAINS, myDomain]` to load files of a domain of your own as well.
   */
  readonly domains?: readonly RuleDomain[];
}

/** Options of {@link loadRegistry}. */
export interface LoadRegistryOptions extends LoadRulesOptions {
  /** How the directory appears in a diagnostic when it cannot be read (default: the path given), e.g. as the user wrote it. */
  readonly shown?: string;
}

/**
 * Validates and compiles a rule file given as text, against the declaration of its domain.
 * @example
 * const r = loadRuleSetText(readFileSync('rules/screening/2017-06-01.json', 'utf8'), '2017-06-01.json');
 * if (r.ok) r.value.info.contentHash; // sha256 of the text's UTF-8 bytes
 */
export function loadRuleSetText(text: string, file: string, options: LoadRulesOptions = {}): Result<CompiledRuleSet> {
  return loader.loadRuleSetText(text, file, { domains: options.domains ?? SHIPPED_DOMAINS });
}

/** Reads, validates and compiles one rule file, against the declaration of its domain. */
export function loadRuleSetFile(path: string, options: LoadRulesOptions = {}): Result<CompiledRuleSet> {
  return loader.loadRuleSetFile(path, { domains: options.domains ?? SHIPPED_DOMAINS });
}

/**
 * Loads every rule file under `dir` (each against the declaration of its domain) and
 * builds a registry; with any error in any file, nothing is loaded.
 */
export function loadRegistry(dir: string, options: LoadRegistryOptions = {}): Result<registry.RuleRegistry> {
  return registry.loadRegistry(dir, { domains: options.domains ?? SHIPPED_DOMAINS, ...(options.shown === undefined ? {} : { shown: options.shown }) });
}

/**
 * A registry in which the given parameters have new values, each changed rule-set version
 * re-validated against the declaration of its domain exactly as a file with those values
 * would load (default domains {@link SHIPPED_DOMAINS}; pass the domains the registry was
 * loaded with). Versions without changes are shared with `rules`; with any error nothing is derived.
 * @example
 * const lower = deriveRegistry(bundledRegistry(), [{ ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', value: '12' }]);
 * if (lower.ok) screenAfdelinger(afdelinger, { asOf: '2024-12-01', rules: lower.value });
 */
export function deriveRegistry(rules: registry.RuleRegistry, changes: readonly derive.ParameterChange[], options: LoadRulesOptions = {}): Result<registry.RuleRegistry> {
  return derive.deriveRegistry(rules, changes, { domains: options.domains ?? SHIPPED_DOMAINS });
}

let cached: registry.RuleRegistry | undefined;

/**
 * The registry of the package's shipped rules, loaded and compiled on first use.
 * @throws BoligsocialError if a shipped rule file is invalid (a packaging error).
 */
export function bundledRegistry(): registry.RuleRegistry {
  if (cached === undefined) {
    const result = loadRegistry(bundledRulesDir());
    if (!result.ok) throw new BoligsocialError(result.errors[0]?.code ?? 'schema', `the shipped rules do not load: ${result.errors.length} error(s)`, result.errors);
    cached = result.value;
  }
  return cached;
}

/**
 * The registry a public domain function uses: `options.rules` when given, else
 * {@link bundledRegistry}. What the thin wrappers (`src/<domain>/default-rules.ts`) hand
 * their domain cores, which take a registry and never read the disk. Options that are
 * not an object name no rules: the core they are handed to refuses them.
 */
export function rulesOrShipped(options: { readonly rules?: registry.RuleRegistry | undefined } | null | undefined): registry.RuleRegistry {
  const given = typeof options === 'object' && options !== null ? options.rules : undefined;
  return given ?? bundledRegistry();
}

/** The facts rules of a shipped domain may name, by name. */
export function factCatalogue(domain: Domain): ReadonlyMap<string, FactDefinition> {
  const found = SHIPPED_DOMAINS.find((d) => d.name === domain);
  if (found === undefined) throw new BoligsocialError('unknown-rule-set', `no shipped domain ${String(domain)}`);
  return found.facts;
}
