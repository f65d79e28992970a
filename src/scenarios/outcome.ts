/** What running one scenario through a domain function gives: the mismatches and what coverage counts. */
import type { Diagnostic } from '../errors.js';
import type { CompiledRuleSet, Evaluation, RuleSetInfo } from '../engine/types.js';
import type { MetodeTjek } from '../lifecycle/metoder.js';
import type { MetodeKatalog } from '../rules/metoder.js';
import type { RuleRegistry } from '../rules/registry.js';
import type { ScenarioMismatch } from './expect.js';

/** One explained evaluation a scenario's run performed, with the rule-set version it evaluated. */
export interface ScenarioEvaluation {
  readonly ruleSet: CompiledRuleSet;
  readonly evaluation: Evaluation;
}

/** The outcome of running a parsed scenario. */
export interface ScenarioRun {
  readonly mismatches: readonly ScenarioMismatch[];
  /** Problems that kept it from running as written (located in the scenario file where they can be). */
  readonly errors: readonly Diagnostic[];
  /** The explained evaluations the domain function performed and exposes in its result. */
  readonly evaluations: readonly ScenarioEvaluation[];
  /** Every rule-set version the result names as used, also those without conditions (a financing scheme). */
  readonly used: readonly CompiledRuleSet[];
  /** The methods catalogues the result's method checks name as used; none when absent. */
  readonly kataloger?: readonly MetodeKatalog[];
}

/** The compiled version a result's rule-set info names, looked up in the registry the run used. */
export function compiledOf(registry: RuleRegistry, info: Pick<RuleSetInfo, 'id' | 'version'>): CompiledRuleSet | undefined {
  return registry.versions(info.id).find((rs) => rs.info.version === info.version);
}

/** The evaluations of a result, each with its compiled version (those the registry does not hold are left out). */
export function withRuleSets(registry: RuleRegistry, evaluations: readonly (Evaluation | undefined)[]): ScenarioEvaluation[] {
  const out: ScenarioEvaluation[] = [];
  for (const evaluation of evaluations) {
    if (evaluation === undefined) continue;
    const ruleSet = compiledOf(registry, evaluation.ruleSet);
    if (ruleSet !== undefined) out.push({ ruleSet, evaluation });
  }
  return out;
}

/** The compiled versions of rule-set infos (unknown ones left out, each once). */
export function usedRuleSets(registry: RuleRegistry, infos: readonly (Pick<RuleSetInfo, 'id' | 'version'> | undefined)[]): CompiledRuleSet[] {
  const out: CompiledRuleSet[] = [];
  for (const info of infos) {
    const rs = info === undefined ? undefined : compiledOf(registry, info);
    if (rs !== undefined && !out.includes(rs)) out.push(rs);
  }
  return out;
}

/** The catalogues the method checks were made against, looked up in the registry the run used (each once; checks without a catalogue left out). */
export function usedKataloger(registry: RuleRegistry, tjeks: readonly MetodeTjek[]): MetodeKatalog[] {
  const all = registry.metodeKataloger?.() ?? [];
  const out: MetodeKatalog[] = [];
  for (const tjek of tjeks) {
    const k = tjek.katalog === null ? undefined : all.find((c) => c.version === tjek.katalog?.version);
    if (k !== undefined && !out.includes(k)) out.push(k);
  }
  return out;
}
