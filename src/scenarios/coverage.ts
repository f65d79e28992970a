/**
 * Coverage across scenarios: every rule-set version that must be tested (every version
 * of the rules the scenarios ran with, in the domains they test) that no scenario used,
 * and every condition node of the versions they used that no scenario saw both true and
 * false. Domain scenarios count through the evaluations their domain function performed.
 * Methods catalogues are versions too: the lifecycle's method check reads them, so every
 * catalogue of the rules a lifecycle scenario ran with must be used by some scenario.
 */
import type { Domain } from '../domain/fact-types.js';
import { definitionOf } from '../engine/program.js';
import type { CompiledRuleSet, ExplanationNode, Evaluation } from '../engine/types.js';
import { pointerToPath, toPointer } from '../rules/json-document.js';
import { locateInRuleSet, sourcePathOf } from '../rules/loader.js';
import { METODER_ID } from '../rules/metoder-schema.js';
import { metodeKatalogSourcePath, type MetodeKatalog } from '../rules/metoder.js';
import type { ConditionInput } from '../engine/grammar.js';
import type { ScenarioResult } from './run.js';

/**
 * The rule-set domains a question's scenarios must cover besides its own: the lifecycle
 * question includes the benchmark of its indsatser (`lifecycle --benchmark`), whose
 * thresholds are a domain of their own.
 */
const QUESTION_DOMAINS: ReadonlyMap<string, readonly string[]> = new Map([['lifecycle', ['lifecycle', 'benchmark']]]);

/** The domain whose scenarios must cover the methods catalogues: the lifecycle's start assessment checks activities against them. */
const KATALOG_DOMAIN: Domain = 'lifecycle';

/** A rule-set version (or methods catalogue, `ruleSet` "metoder") that must be tested and that no scenario used. */
export interface UntestedVersion {
  readonly ruleSet: string;
  readonly version: string;
  readonly file?: string;
}

/** A condition never seen both true and false. */
export interface CoverageGap {
  readonly ruleSet: string;
  readonly version: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** The condition's JSON pointer in the rule file. */
  readonly pointer: string;
  readonly seenTrue: boolean;
  readonly seenFalse: boolean;
}

/** Collects what scenarios saw, rule set by rule set. */
export class CoverageCollector {
  private readonly seen = new Map<CompiledRuleSet, Map<string, { t: boolean; f: boolean }>>();
  private readonly required = new Set<CompiledRuleSet>();
  private readonly requiredKataloger = new Set<MetodeKatalog>();
  private readonly usedKataloger = new Set<MetodeKatalog>();

  /**
   * Records one scenario's run: its evaluations and the versions and catalogues it used,
   * and requires every version of the rules it ran with in the domain it tests (in the
   * lifecycle also every methods catalogue).
   */
  recordScenario(result: ScenarioResult): void {
    for (const { ruleSet, evaluation } of result.evaluations) this.record(ruleSet, evaluation);
    for (const ruleSet of result.used) this.use(ruleSet);
    for (const katalog of result.kataloger) this.usedKataloger.add(katalog);
    const { registry, domain } = result;
    if (registry === undefined || domain === undefined) return;
    const question = QUESTION_DOMAINS.get(domain) ?? [domain];
    this.require(registry.ids().flatMap((id) => registry.versions(id)).filter((rs) => question.includes(rs.info.domain)));
    if (domain === KATALOG_DOMAIN) for (const katalog of registry.metodeKataloger?.() ?? []) this.requiredKataloger.add(katalog);
  }

  /** Requires these versions to be used by some scenario; {@link untested} lists those none used. */
  require(ruleSets: readonly CompiledRuleSet[]): void {
    for (const rs of ruleSets) this.required.add(rs);
  }

  /** Marks a version as used (also one without conditions); its conditions count as not yet seen. */
  use(ruleSet: CompiledRuleSet): void {
    this.nodesOf(ruleSet);
  }

  private nodesOf(ruleSet: CompiledRuleSet): Map<string, { t: boolean; f: boolean }> {
    let nodes = this.seen.get(ruleSet);
    if (nodes === undefined) {
      nodes = new Map(conditionPointers(ruleSet).map((p) => [p, { t: false, f: false }]));
      this.seen.set(ruleSet, nodes);
    }
    return nodes;
  }

  /** Records every node outcome of one evaluation. */
  record(ruleSet: CompiledRuleSet, evaluation: Evaluation): void {
    const nodes = this.nodesOf(ruleSet);
    const file = definitionOf(ruleSet);
    const mark = (pointer: string, node: ExplanationNode) => {
      const entry = nodes.get(pointer);
      if (entry === undefined) return;
      if (node.outcome === true) entry.t = true;
      else if (node.outcome === false) entry.f = true;
    };
    const walk = (node: ExplanationNode, path: (string | number)[]) => {
      mark(toPointer(path), node);
      switch (node.kind) {
        case 'all':
        case 'any':
          node.children.forEach((c, i) => walk(c, [...path, node.kind, i]));
          break;
        case 'not':
          walk(node.child, [...path, 'not']);
          break;
        case 'atLeast':
          node.children.forEach((c, i) => walk(c, [...path, 'of', i]));
          break;
        case 'condition':
          // the reference itself, then the named condition's own tree (unless forced or disabled)
          mark(toPointer(['conditions', node.name]), node);
          if (node.child && !node.disabled && !node.overridden) walk(node.child, ['conditions', node.name, 'condition']);
          break;
        case 'fact':
          break;
      }
    };
    evaluation.rules.forEach((rule, i) => {
      if (file.rules[i]?.id === rule.id && !rule.disabled) walk(rule.explanation, ['rules', i, 'conditions']);
    });
  }

  /** The rule-set versions that scenarios exercised. */
  ruleSets(): readonly CompiledRuleSet[] {
    return [...this.seen.keys()];
  }

  /** The required versions and catalogues no scenario used, by rule-set id and version. */
  untested(): UntestedVersion[] {
    const out: UntestedVersion[] = [];
    for (const rs of this.required) {
      if (this.seen.has(rs)) continue;
      const file = sourcePathOf(rs);
      out.push({ ruleSet: rs.info.id, version: rs.info.version, ...(file !== undefined ? { file } : {}) });
    }
    for (const katalog of this.requiredKataloger) {
      if (this.usedKataloger.has(katalog)) continue;
      const file = metodeKatalogSourcePath(katalog) ?? katalog.file;
      out.push({ ruleSet: METODER_ID, version: katalog.version, ...(file !== undefined ? { file } : {}) });
    }
    return out.sort((a, b) => (a.ruleSet === b.ruleSet ? a.version.localeCompare(b.version) : a.ruleSet.localeCompare(b.ruleSet)));
  }

  /** Every condition not seen both true and false, in file order. */
  gaps(): CoverageGap[] {
    const out: CoverageGap[] = [];
    for (const [rs, nodes] of this.seen) {
      for (const [pointer, { t, f }] of nodes) {
        if (t && f) continue;
        const file = sourcePathOf(rs);
        const at = locateInRuleSet(rs, pointerToPath(pointer));
        out.push({
          ruleSet: rs.info.id,
          version: rs.info.version,
          ...(file !== undefined ? { file } : {}),
          ...(at !== undefined ? { line: at.line, column: at.column } : {}),
          pointer,
          seenTrue: t,
          seenFalse: f,
        });
      }
    }
    return out;
  }
}

/** The JSON pointers of every condition node of a rule set: named conditions, their trees, and every rule's tree. */
export function conditionPointers(ruleSet: CompiledRuleSet): string[] {
  const file = definitionOf(ruleSet);
  const out: string[] = [];
  const walk = (node: ConditionInput, path: (string | number)[]) => {
    out.push(toPointer(path));
    if ('all' in node) node.all.forEach((c, i) => walk(c, [...path, 'all', i]));
    else if ('any' in node) node.any.forEach((c, i) => walk(c, [...path, 'any', i]));
    else if ('not' in node) walk(node.not, [...path, 'not']);
    else if ('atLeast' in node) node.of.forEach((c, i) => walk(c, [...path, 'of', i]));
  };
  for (const [name, named] of Object.entries(file.conditions ?? {})) {
    out.push(toPointer(['conditions', name]));
    walk(named.condition, ['conditions', name, 'condition']);
  }
  file.rules.forEach((rule, i) => walk(rule.conditions, ['rules', i, 'conditions']));
  return out;
}
