/**
 * The runtime model of a compiled rule set: three-valued truth, the per-evaluation
 * context, the closures of each rule, and the hidden program, source definition and fact
 * catalogue kept beside each compiled rule set.
 */
import type { FactDefinition, Facts } from '../domain/fact-types.js';
import { BoligsocialError } from '../errors.js';
import type { RuleSetDefinition } from './definition.js';
import type { CompiledRuleSet, ExplanationNode, FactExplanation, RuleInfo, Truth } from './types.js';

/** Three-valued truth inside the engine: 0 false, 1 true, 2 unknown. */
export type Tri = 0 | 1 | 2;
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;

/** Per-evaluation state. */
export interface EvalContext {
  readonly facts: Facts;
  readonly disabled: ReadonlySet<string> | undefined;
  readonly override: Readonly<Record<string, boolean>> | undefined;
  /** Missing reads, collected by the explaining path; created on the first one. */
  missing: Set<string> | undefined;
  /**
   * Named conditions referenced more than once, evaluated once per evaluation: their
   * outcome (decide) or their frozen explanation (explain), by memo slot. Created on
   * first use.
   */
  memo: (Tri | ExplanationNode | undefined)[] | undefined;
  /**
   * What the boundary check already read of each fact, by the fact's index in the rule
   * set's `facts`: at 2i the value as an integer times 10^-scale, at 2i + 1 its scale;
   * NaN at 2i where the fact is missing or not a decimal of at most 15 digits (a leaf then
   * reads the facts). Undefined on a path that did not check the facts (a domain's
   * trusted decider).
   */
  readonly scanned: readonly number[] | undefined;
  /**
   * Exact shares a domain computed for its trusted decider, by the fact's index in the
   * rule set's `facts`: at 2i a share's scaled numerator, at 2i + 1 its denominator, as
   * the fact's `Ratio` would hold them; NaN at 2i + 1 where the domain wrote none (a
   * leaf then reads the facts, which hold the same share). Undefined on every other path.
   */
  readonly shares: ArrayLike<number> | undefined;
  /**
   * The facts a domain wrote for its trusted decider, by the fact's index in the rule
   * set's `facts`: a leaf reads a fact read whole from here instead of from `facts`, so
   * each entry must be what `facts` holds for that fact — or {@link FROM_FACTS}, where the
   * leaf reads `facts` after all (a share, decided from `shares` where written).
   * Undefined on every other path.
   */
  readonly values: ArrayLike<unknown> | undefined;
}

/** In {@link EvalContext.values}: this fact is read from the facts. */
export const FROM_FACTS: unique symbol = Symbol('from facts');

/** A fact as a leaf reads it: what the domain wrote of it in `ctx.values`, else from the facts. */
export function readFact(read: Read, ctx: EvalContext): unknown {
  const values = ctx.values;
  const v = values !== undefined && read.slot >= 0 ? values[read.slot] : FROM_FACTS;
  return v === FROM_FACTS ? read.get(ctx.facts) : v;
}

export type Decide = (ctx: EvalContext) => Tri;
export type Explain = (ctx: EvalContext) => ExplanationNode;
/** A comparison's explanation: always a leaf. */
export type ExplainLeaf = (ctx: EvalContext) => FactExplanation;

/**
 * A condition tree as data, beside its closures: what a trusted decider flattens into one
 * program (see `decision-plan.ts`). A leaf keeps its decision closure, and, where it
 * compares an exact share with a constant threshold, what that comparison needs.
 */
export type PlanNode =
  | { readonly kind: 'all' | 'any'; readonly children: readonly PlanNode[] }
  | { readonly kind: 'not'; readonly child: PlanNode }
  | { readonly kind: 'atLeast'; readonly required: number; readonly children: readonly PlanNode[] }
  | { readonly kind: 'ref'; readonly name: string }
  | { readonly kind: 'leaf'; readonly decide: Decide; readonly share: ShareTest | undefined; readonly value: ValueTest | undefined };

/**
 * A leaf's comparison of an exact share with a constant threshold, as its decision makes
 * it from a domain's `shares`: the fact's read (its slot), the threshold as integer digits
 * and decimals, and the comparison as the signs it holds for (bit `sign + 1`).
 */
export interface ShareTest {
  readonly read: Read;
  readonly threshold: number | bigint;
  readonly decimals: number;
  readonly signs: number;
}

/** The operators a {@link ValueTest} applies, as the comparators do. */
export type ValueOperator = 'equal' | 'notEqual' | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive' | 'in' | 'notIn' | 'contains' | 'doesNotContain';

/**
 * A leaf's comparison of a whole fact of a checked type other than decimal with a
 * constant that is present (a literal or parameter), as its decision makes it from the
 * fact's value: the fact's read (its slot), the operator and the constant (for an ordered
 * operator a number).
 */
export interface ValueTest {
  readonly read: Read;
  readonly operator: ValueOperator;
  readonly constant: unknown;
}

/** A compiled condition tree: its closures and its plan. */
export interface CompiledNode {
  readonly decide: Decide;
  readonly explain: Explain;
  readonly plan: PlanNode;
}

/** A compiled rule: its closures. */
export interface RuleProgram {
  readonly info: RuleInfo;
  readonly decide: Decide;
  readonly explain: Explain;
  /** The rule's condition tree as data. */
  readonly plan: PlanNode;
}

/**
 * The comparisons with a parameter in one rule's or one named condition's tree, and the
 * named conditions it references: what explains the comparisons with one parameter
 * without building the trees (the same leaves, reached as the trees reach them).
 */
export interface LeafScope {
  readonly leaves: readonly { readonly parameter: string; readonly explain: ExplainLeaf }[];
  readonly refs: readonly string[];
}

/** Everything the evaluator needs that the public object does not show. */
export interface Program {
  readonly rules: readonly RuleProgram[];
  /** Each rule's {@link LeafScope}, by rule index, and each named condition's, by name. */
  readonly scopes: { readonly rules: readonly LeafScope[]; readonly named: ReadonlyMap<string, LeafScope> };
  /** Each named condition's tree as data, by name (each rule's is on the rule). */
  readonly namedPlans: ReadonlyMap<string, PlanNode>;
  readonly ruleIndex: ReadonlyMap<string, RuleProgram>;
  /** Every (fact, pointer) the conditions read, for the missing-facts list. */
  readonly reads: readonly Read[];
  readonly conditionNames: ReadonlySet<string>;
}

/** One (fact, pointer) the conditions read, and how to read it. */
export interface Read {
  readonly label: string;
  readonly get: (facts: Facts) => unknown;
  /**
   * The fact's index in the rule set's `facts`, for a fact read whole (set once the rule
   * set's facts are known); -1 for a value read through a path.
   */
  slot: number;
}

const programs = new WeakMap<CompiledRuleSet, Program>();

/** The compiled closures of a rule set that this package compiled. */
export function programOf(ruleSet: CompiledRuleSet): Program {
  const p = programs.get(ruleSet);
  if (p === undefined) throw new BoligsocialError('unknown-rule-set', 'not a compiled rule set: load rule files with loadRuleSetText, loadRuleSetFile or loadRegistry');
  return p;
}

/** The validated source definition of a compiled rule set (for exporting to json-rules-engine). */
export function definitionOf(ruleSet: CompiledRuleSet): RuleSetDefinition {
  const d = definitions.get(ruleSet);
  if (d === undefined) throw new BoligsocialError('unknown-rule-set', 'not a compiled rule set');
  return d;
}
const definitions = new WeakMap<CompiledRuleSet, RuleSetDefinition>();
const catalogues = new WeakMap<CompiledRuleSet, ReadonlyMap<string, FactDefinition>>();

/** The fact catalogue a rule set was compiled against (its domain's, as the loader was told it). */
export function factCatalogueOf(ruleSet: CompiledRuleSet): ReadonlyMap<string, FactDefinition> | undefined {
  return catalogues.get(ruleSet);
}

/** Keeps what the evaluator needs beside a rule set this package compiled. */
export function registerCompiled(ruleSet: CompiledRuleSet, program: Program, definition: RuleSetDefinition, catalogue: ReadonlyMap<string, FactDefinition>): void {
  programs.set(ruleSet, program);
  definitions.set(ruleSet, definition);
  catalogues.set(ruleSet, catalogue);
}


export function negate(t: Tri): Tri {
  return t === UNKNOWN ? UNKNOWN : t === TRUE ? FALSE : TRUE;
}

/** Converts engine truth to the public {@link Truth}. */
export function fromTri(t: Tri): Truth {
  return t === UNKNOWN ? null : t === TRUE;
}

/** Converts the public {@link Truth} to engine truth. */
export function toTri(t: Truth): Tri {
  return t === null ? UNKNOWN : t ? TRUE : FALSE;
}
