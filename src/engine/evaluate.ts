/**
 * Evaluating a compiled rule set on facts: explained, decision-only, a per-rule
 * decider and explainer for bulk use, and "does the outcome depend on this condition?".
 */
import type { Facts } from '../domain/fact-types.js';
import { BoligsocialError, didYouMean } from '../errors.js';
import { checkAndScanFacts, checkFacts, factsCopier, factsScanner, unscanned } from './check-facts.js';
import { type EvalContext, type ExplainLeaf, fromTri, type LeafScope, type Program, programOf, type RuleProgram, UNKNOWN } from './program.js';
import type { CompiledRuleSet, Decision, EvaluateOptions, Evaluation, ExplanationNode, FactExplanation, RuleEvaluation, RuleExplanation, RuleInfo, Truth } from './types.js';
import type { Mutable } from '../domain/freeze.js';
import { type ExplainerShape, LazyRuleExplanation } from './rule-explanation.js';
import { type DecisionPlan, decisionPlan } from './decision-plan.js';

/**
 * Evaluates every rule and explains each outcome with a tree mirroring its conditions.
 *
 * A missing fact makes its comparison unknown (`null`), never false; `all`, `any`,
 * `not` and `atLeast` follow three-valued (Kleene) logic. The result is deeply frozen.
 *
 * @example
 * const evaluation = evaluateRuleSet(ruleSet, { beboere: 1200, udenArbejdePct: '41.5' });
 * evaluation.outcomes['udsat-boligomraade']; // true, false or null (unknown)
 * evaluation.missingFacts;                   // e.g. ['kunGrundskolePct']
 * @throws BoligsocialError `input-invalid` when a fact the rule set reads is not a JSON value (NaN, BigInt, a function…).
 */
export function evaluateRuleSet(ruleSet: CompiledRuleSet, facts: Facts, options: EvaluateOptions = {}): Evaluation {
  const program = programOf(ruleSet);
  checkFacts(ruleSet, facts);
  const disabled = disabledSet(ruleSet, program, options);
  checkOverride(ruleSet, program, options);

  const ctx: EvalContext = { facts, disabled, override: options.override, missing: undefined, memo: undefined, scanned: undefined, shares: undefined, values: undefined };
  const outcomes: Record<string, Truth> = {};
  const rules: RuleEvaluation[] = [];
  for (const rule of program.rules) {
    const result: Mutable<RuleEvaluation> = ruleResult(rule.info, rule.explain(ctx), disabled?.has(rule.info.id) === true);
    outcomes[rule.info.id] = result.outcome;
    rules.push(Object.freeze(result));
  }
  return Object.freeze({
    ruleSet: ruleSet.info,
    rules: Object.freeze(rules),
    outcomes: Object.freeze(outcomes),
    missingFacts: missingList(ctx),
    disabled: options.disable === undefined || options.disable.length === 0 ? NONE : Object.freeze([...options.disable]),
  });
}

/** The shared empty list of a result with nothing missing or nothing disabled. */
const NONE: readonly string[] = Object.freeze([]);

/** The facts an explaining evaluation found missing, sorted and frozen. */
function missingList(ctx: EvalContext): readonly string[] {
  return ctx.missing === undefined ? NONE : Object.freeze([...ctx.missing].sort());
}

/** One rule's evaluation, not yet frozen: its info, outcome and explanation (explanation and info are frozen where they are made). */
function ruleResult(info: RuleInfo, explanation: ExplanationNode, off: boolean): Mutable<RuleEvaluation> {
  const result: Mutable<RuleEvaluation> = { id: info.id, title: info.title, event: info.event, outcome: off ? false : explanation.outcome, explanation };
  if (info.description !== undefined) result.description = info.description;
  if (info.source !== undefined) result.source = info.source;
  if (off) result.disabled = true;
  return result;
}

/**
 * Decides every rule without building explanations: the path for bulk use. Same
 * outcomes as {@link evaluateRuleSet}; `missingFacts` lists every fact the conditions
 * read that is missing.
 */
export function decideRuleSet(ruleSet: CompiledRuleSet, facts: Facts, options: EvaluateOptions = {}): Decision {
  const program = programOf(ruleSet);
  const scanned = checkAndScanFacts(ruleSet, facts);
  const disabled = disabledSet(ruleSet, program, options);
  checkOverride(ruleSet, program, options);
  const ctx: EvalContext = { facts, disabled, override: options.override, missing: undefined, memo: undefined, scanned, shares: undefined, values: undefined };
  const outcomes: Record<string, Truth> = {};
  for (const rule of program.rules) outcomes[rule.info.id] = disabled?.has(rule.info.id) === true ? false : fromTri(rule.decide(ctx));
  const missingFacts: string[] = [];
  for (const read of program.reads) {
    // a fact the check scanned is present: no second read of it
    if (read.slot >= 0 && !Number.isNaN(scanned[2 * read.slot])) continue;
    const v = read.get(facts);
    if (v === undefined || v === null) missingFacts.push(read.label);
  }
  return Object.freeze({ ruleSet: ruleSet.info, outcomes: Object.freeze(outcomes), missingFacts: Object.freeze(missingFacts.sort()) });
}

/**
 * Decides every rule, by rule index, for facts a domain built itself from validated
 * input — the bulk path of a domain's batch. The options are checked once, here; the
 * facts are not checked per call, so this is not for facts from outside the package
 * (those go through {@link decideRuleSet}). Internal: not part of the public API.
 * `shares`, when given, holds exact shares the domain computed, two numbers per fact of
 * the rule set (`EvalContext.shares`); each must be the very share the fact holds, so
 * that a leaf may decide from it without reading the fact.
 *
 * @throws BoligsocialError `unknown-disable-id` for an option naming no condition or rule.
 */
export function trustedDecider(ruleSet: CompiledRuleSet, options: EvaluateOptions = {}): TrustedDecider {
  const program = programOf(ruleSet);
  const disabled = disabledSet(ruleSet, program, options);
  checkOverride(ruleSet, program, options);
  const override = options.override;
  return new FlatDecider(decisionPlan(program, disabled, override), program.rules.length, disabled, override);
}

/**
 * A domain's bulk decider (see {@link trustedDecider}). `shares` and `values` are what the
 * domain wrote by fact index ({@link EvalContext}).
 */
export interface TrustedDecider {
  /** Every rule's outcome by rule index, written into `out` when given (a list the caller reuses), else into a new list. */
  decide(facts: Facts, shares?: ArrayLike<number>, out?: Truth[], values?: ArrayLike<unknown>): Truth[];
  /**
   * The same decision as two masks, for a rule set of at most `MAX_MASKED_RULES` (30)
   * rules, without a list: bit i of `into[0]` set where rule i is decided, of `into[1]`
   * where it is true.
   * @throws Error for a rule set of more rules.
   */
  masks(facts: Facts, shares: ArrayLike<number> | undefined, values: ArrayLike<unknown> | undefined, into: Int32Array): void;
}

/**
 * A trusted decider: one context for every call (the flat plan keeps its node values
 * apart, and no leaf keeps the context). A class, for the reason its plan is one.
 */
class FlatDecider implements TrustedDecider {
  readonly #plan: DecisionPlan;
  readonly #count: number;
  readonly #ctx: Mutable<EvalContext>;

  constructor(plan: DecisionPlan, count: number, disabled: ReadonlySet<string> | undefined, override: Readonly<Record<string, boolean>> | undefined) {
    this.#plan = plan;
    this.#count = count;
    this.#ctx = { facts: EMPTY_FACTS, disabled, override, missing: undefined, memo: undefined, scanned: undefined, shares: undefined, values: undefined };
  }

  decide(facts: Facts, shares?: ArrayLike<number>, out: Truth[] = new Array<Truth>(this.#count), values?: ArrayLike<unknown>): Truth[] {
    const ctx = this.#ctx;
    ctx.facts = facts;
    ctx.shares = shares;
    ctx.values = values;
    this.#plan.decideInto(ctx, out);
    return out;
  }

  masks(facts: Facts, shares: ArrayLike<number> | undefined, values: ArrayLike<unknown> | undefined, into: Int32Array): void {
    const ctx = this.#ctx;
    ctx.facts = facts;
    ctx.shares = shares;
    ctx.values = values;
    this.#plan.decideMasks(ctx, into);
  }
}

const EMPTY_FACTS: Facts = Object.freeze({});

/**
 * A function deciding one rule, for the hottest loops: no options to check per call,
 * no result object, just the three-valued outcome.
 *
 * @example
 * const isUdsat = createDecider(ruleSet, 'udsat-boligomraade');
 * const count = areas.filter((facts) => isUdsat(facts) === true).length;
 */
export function createDecider(ruleSet: CompiledRuleSet, ruleId: string, options: EvaluateOptions = {}): (facts: Facts) => Truth {
  const program = programOf(ruleSet);
  const rule = ruleOf(ruleSet, program, ruleId);
  const disabled = disabledSet(ruleSet, program, options);
  checkOverride(ruleSet, program, options);
  const check = factsScanner(ruleSet);
  if (disabled?.has(ruleId)) {
    return (facts) => {
      check(facts);
      return false;
    };
  }
  const decide = rule.decide;
  const override = options.override;
  return (facts) => {
    const scanned = check(facts);
    const t = decide({ facts, disabled, override, missing: undefined, memo: undefined, scanned, shares: undefined, values: undefined });
    return t === UNKNOWN ? null : t === 1;
  };
}

/**
 * A function explaining one rule, for bulk use where one rule's explanation is wanted:
 * the rule, its outcome and the rule set it belongs to at once; its explanation tree
 * (exactly as {@link evaluateRuleSet} gives it) and the facts it found missing when they
 * are first read, from a copy of the facts taken when the rule was decided. So a result
 * nobody reads the tree of costs about a decision. JSON (`toJSON`) and
 * {@link explainedRule} give the whole answer as a plain object; spreading a result
 * copies only its own fields (the tree and the missing facts are getters).
 *
 * @example
 * const explainUdsat = createExplainer(ruleSet, 'udsat-boligomraade');
 * const r = explainUdsat(facts);
 * r.outcome;      // true, false or null
 * r.explanation;  // the tree: every figure, threshold, margin and source (built now)
 */
export function createExplainer(ruleSet: CompiledRuleSet, ruleId: string, options: EvaluateOptions = {}): (facts: Facts) => RuleExplanation {
  const program = programOf(ruleSet);
  const rule = ruleOf(ruleSet, program, ruleId);
  const disabled = disabledSet(ruleSet, program, options);
  checkOverride(ruleSet, program, options);
  const { names, copy } = factsCopier(ruleSet);
  const shape: ExplainerShape = Object.freeze({ rule, ruleSet: ruleSet.info, off: disabled?.has(ruleId) === true, disabled, override: options.override, facts: names });
  const decide = rule.decide;
  const override = options.override;
  return (facts) => {
    // checked and copied in one pass: the copy is what the explanation is built from
    const scanned = unscanned(names.length);
    const values = copy(facts, scanned);
    const t = decide({ facts: facts as Facts, disabled, override, missing: undefined, memo: undefined, scanned, shares: undefined, values: undefined });
    return new LazyRuleExplanation(shape, t === UNKNOWN ? null : t === 1, values);
  };
}

function ruleOf(ruleSet: CompiledRuleSet, program: Program, ruleId: string): RuleProgram {
  const rule = program.ruleIndex.get(ruleId);
  if (rule === undefined) {
    const guess = didYouMean(ruleId, program.ruleIndex.keys());
    throw new BoligsocialError('unknown-disable-id', `rule set ${ruleSet.info.id} has no rule ${ruleId}${guess ? `; did you mean ${guess}?` : ''}`);
  }
  return rule;
}

/**
 * A function explaining only the comparisons of a fact with `parameter` (the leaves whose
 * threshold is that parameter), without building the rules' trees: each such comparison
 * {@link evaluateRuleSet}'s trees hold, once (a named condition switched off by `disable`
 * holds none there, so none here), in no particular order. What a sensitivity sweep reads of
 * each row to find where its outcomes flip. Facts are checked as evaluateRuleSet checks them.
 *
 * @example
 * const figures = createParameterExplainer(ruleSet, 'maxFlyttefrekvensPct');
 * figures(facts).map((leaf) => [leaf.factValue, leaf.margin]);
 */
export function createParameterExplainer(ruleSet: CompiledRuleSet, parameter: string, options: EvaluateOptions = {}): (facts: Facts) => readonly FactExplanation[] {
  const program = programOf(ruleSet);
  const disabled = disabledSet(ruleSet, program, options);
  checkOverride(ruleSet, program, options);
  const explains = parameterLeaves(program, parameter, disabled);
  const override = options.override;
  return (facts) => {
    checkFacts(ruleSet, facts);
    const ctx: EvalContext = { facts, disabled, override, missing: undefined, memo: undefined, scanned: undefined, shares: undefined, values: undefined };
    return Object.freeze(explains.map((explain) => explain(ctx)));
  };
}

/** The comparisons with `parameter` reachable from the rules, each once, not through a switched-off named condition (iterative: reference chains may be long). */
function parameterLeaves(program: Program, parameter: string, disabled: ReadonlySet<string> | undefined): ExplainLeaf[] {
  const out: ExplainLeaf[] = [];
  const seen = new Set<string>();
  const stack: LeafScope[] = [...program.scopes.rules];
  for (let scope = stack.pop(); scope !== undefined; scope = stack.pop()) {
    for (const leaf of scope.leaves) if (leaf.parameter === parameter) out.push(leaf.explain);
    for (const ref of scope.refs) {
      if (seen.has(ref) || disabled?.has(ref) === true) continue;
      seen.add(ref);
      const named = program.scopes.named.get(ref);
      if (named !== undefined) stack.push(named);
    }
  }
  return out;
}

/**
 * For each rule: would its outcome differ if the named condition were true rather than
 * false? That is what "the outcome depends on this criterion" means: with the other
 * facts as they are, flipping the criterion flips the rule.
 */
export function dependsOnCondition(ruleSet: CompiledRuleSet, facts: Facts, conditionName: string, options: EvaluateOptions = {}): Readonly<Record<string, boolean>> {
  const program = programOf(ruleSet);
  if (!program.conditionNames.has(conditionName)) {
    const guess = didYouMean(conditionName, program.conditionNames);
    throw new BoligsocialError('unknown-disable-id', `rule set ${ruleSet.info.id} has no condition ${conditionName}${guess ? `; did you mean ${guess}?` : ''}`);
  }
  const rest = [...(options.disable ?? [])].filter((d) => d !== conditionName);
  const base = { ...(options.override ?? {}) };
  const withTrue = decideRuleSet(ruleSet, facts, { disable: rest, override: { ...base, [conditionName]: true } }).outcomes;
  const withFalse = decideRuleSet(ruleSet, facts, { disable: rest, override: { ...base, [conditionName]: false } }).outcomes;
  const out: Record<string, boolean> = {};
  for (const rule of program.rules) out[rule.info.id] = withTrue[rule.info.id] !== withFalse[rule.info.id];
  return Object.freeze(out);
}

function disabledSet(ruleSet: CompiledRuleSet, program: Program, options: EvaluateOptions): ReadonlySet<string> | undefined {
  if (options.disable === undefined || options.disable.length === 0) return undefined;
  for (const id of options.disable) {
    if (!program.conditionNames.has(id) && !program.ruleIndex.has(id)) {
      const guess = didYouMean(id, [...program.conditionNames, ...program.ruleIndex.keys()]);
      throw new BoligsocialError(
        'unknown-disable-id',
        `cannot disable ${id}: rule set ${ruleSet.info.id} ${ruleSet.info.version} has no condition or rule by that name${guess ? `; did you mean ${guess}?` : ''}`,
      );
    }
  }
  return new Set(options.disable);
}

function checkOverride(ruleSet: CompiledRuleSet, program: Program, options: EvaluateOptions): void {
  if (options.override === undefined) return;
  for (const name of Object.keys(options.override)) {
    if (!program.conditionNames.has(name)) {
      const guess = didYouMean(name, program.conditionNames);
      throw new BoligsocialError('unknown-disable-id', `cannot override ${name}: rule set ${ruleSet.info.id} has no condition by that name${guess ? `; did you mean ${guess}?` : ''}`);
    }
  }
}
