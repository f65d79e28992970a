/**
 * One rule's explanation as `createExplainer` gives it: decided at once, explained when
 * read. The result keeps the rule's outcome and a copy of the facts the rule set reads
 * (taken when the rule was decided, so a caller changing its facts afterwards changes
 * nothing); its `explanation` tree and `missingFacts` are built from that copy on first
 * read, exactly as the eager evaluation builds them, and kept.
 *
 * The tree and the list are getters on the prototype, not own properties: JSON
 * (`toJSON`) and {@link explainedRule} give the whole answer; spreading a result
 * (`{ ...r }`) copies only its own fields (the rule, outcome and rule set).
 */
import type { Facts } from '../domain/fact-types.js';
import type { EvalContext, RuleProgram } from './program.js';
import type { ExplanationNode, RuleExplanation, RuleInfo, RuleSetInfo, Source, Truth } from './types.js';

/** What reading an explanation needs that is the same for every result of one explainer. */
export interface ExplainerShape {
  readonly rule: RuleProgram;
  readonly ruleSet: RuleSetInfo;
  readonly off: boolean;
  readonly disabled: ReadonlySet<string> | undefined;
  readonly override: Readonly<Record<string, boolean>> | undefined;
  /** The facts the rule set reads, in the order their values are kept (`factsCopier`). */
  readonly facts: readonly string[];
}

/** The shared empty list of a result with nothing missing. */
const NONE: readonly string[] = Object.freeze([]);

/** A rule's explanation, built on first read from the facts copied when it was decided. */
export class LazyRuleExplanation implements RuleExplanation {
  readonly id: string;
  readonly title: string;
  readonly event: RuleInfo['event'];
  readonly outcome: Truth;
  declare readonly description?: string;
  declare readonly source?: Source;
  declare readonly disabled?: true;
  readonly ruleSet: RuleSetInfo;
  readonly #shape: ExplainerShape;
  readonly #values: readonly unknown[];
  #built: { readonly explanation: ExplanationNode; readonly missingFacts: readonly string[] } | undefined;

  constructor(shape: ExplainerShape, outcome: Truth, values: readonly unknown[]) {
    const info = shape.rule.info;
    this.id = info.id;
    this.title = info.title;
    this.event = info.event;
    this.outcome = shape.off ? false : outcome;
    if (info.description !== undefined) (this as { description?: string }).description = info.description;
    if (info.source !== undefined) (this as { source?: Source }).source = info.source;
    if (shape.off) (this as { disabled?: true }).disabled = true;
    this.ruleSet = shape.ruleSet;
    this.#shape = shape;
    this.#values = values;
    this.#built = undefined;
    Object.freeze(this);
  }

  /** The rule's explanation tree: every figure, threshold, margin and source. */
  get explanation(): ExplanationNode {
    return this.#build().explanation;
  }

  /** Facts this rule's conditions read that were missing, sorted. */
  get missingFacts(): readonly string[] {
    return this.#build().missingFacts;
  }

  /** The whole answer as a plain frozen object: what JSON shows and what deep equality compares. */
  toJSON(): RuleExplanation {
    return explainedRule(this);
  }

  #build(): { readonly explanation: ExplanationNode; readonly missingFacts: readonly string[] } {
    if (this.#built !== undefined) return this.#built;
    const shape = this.#shape;
    // the names are the rule set's facts, from its catalogue, never "__proto__"
    const facts: Record<string, unknown> = {};
    const values = this.#values;
    for (let i = 0; i < values.length; i++) if (values[i] !== undefined) facts[shape.facts[i] as string] = values[i];
    const ctx: EvalContext = { facts: facts as Facts, disabled: shape.disabled, override: shape.override, missing: undefined, memo: undefined, scanned: undefined, shares: undefined, values: undefined };
    const explanation = shape.rule.explain(ctx);
    const missingFacts = ctx.missing === undefined ? NONE : Object.freeze([...ctx.missing].sort());
    this.#built = Object.freeze({ explanation, missingFacts });
    return this.#built;
  }
}

/**
 * A rule explanation as a plain frozen object with every field its own — the shape
 * `createExplainer` returned before explanations were built on read.
 */
export function explainedRule(r: RuleExplanation): RuleExplanation {
  // the keys in the order the eager result had them, so JSON reads as before
  const out: { -readonly [K in keyof RuleExplanation]?: RuleExplanation[K] } = { id: r.id, title: r.title, event: r.event, outcome: r.outcome, explanation: r.explanation };
  if (r.description !== undefined) out.description = r.description;
  if (r.source !== undefined) out.source = r.source;
  if (r.disabled === true) out.disabled = true;
  out.ruleSet = r.ruleSet;
  out.missingFacts = r.missingFacts;
  return Object.freeze(out as RuleExplanation);
}
