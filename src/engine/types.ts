/**
 * Types of compiled rule sets, evaluations and explanations. Every value of these
 * types that the package returns is deeply frozen.
 */
import type { FactType, FactValue } from '../domain/fact-types.js';
import type { IndsatsKind } from '../domain/indsats.js';

/** Three-valued truth: `true`, `false`, or `null` for unknown (a fact it depends on is missing). */
export type Truth = boolean | null;

/** A date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** Where a rule or figure comes from. */
export interface Source {
  readonly reference: string;
  readonly url?: string;
  readonly note?: string;
}

/** The period a rule-set version is in force; `to` is the last day (inclusive), absent while in force. */
export interface EffectivePeriod {
  readonly from: IsoDate;
  readonly to?: IsoDate;
}

/** Identifies one dated version of a rule set. */
export interface RuleSetInfo {
  readonly id: string;
  /** The version: the date it took effect (its file name). */
  readonly version: IsoDate;
  /** The domain whose declaration it was loaded under (`classification`, `screening`, …). */
  readonly domain: string;
  readonly title: string;
  readonly effective: EffectivePeriod;
  /** The file it was loaded from, when it came from a file. */
  readonly file?: string;
  /**
   * The sha256 of the rule file's exact bytes, as 64 lowercase hex digits: with the
   * package version, what a logged decision needs to be reproduced from the same files.
   */
  readonly contentHash: string;
}

/** A parameter value as written in the rule file. */
export type ParameterValue = number | string | boolean | readonly (number | string | boolean)[];

/** A named parameter of a rule set. */
export interface Parameter {
  readonly name: string;
  readonly value: ParameterValue;
  readonly unit: string;
  readonly description: string;
  readonly source?: Source;
  readonly status?: 'bekræftet' | 'ubekræftet' | 'fsb-politik';
}

/** A rule of a rule set, without its compiled conditions. */
export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly source?: Source;
  readonly event: { readonly type: string; readonly params?: Readonly<Record<string, unknown>> };
}

/** A named condition of a rule set (e.g. one statutory criterion). */
export interface NamedConditionInfo {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly source?: Source;
}

/** One funder of a financing scheme. */
export interface Funder {
  readonly id: string;
  readonly navn: string;
  /** Share of the total, as a decimal string ("0.75"). */
  readonly share: string;
  /** Local co-financing (kommune, boligorganisation, afdelinger) rather than external. */
  readonly lokal: boolean;
  /** Whether this share is split between the afdelinger by a fordelingsnøgle. */
  readonly afdelinger: boolean;
  readonly description?: string;
  readonly source?: Source;
}

/** The financing section of a financing-scheme rule file. */
export interface FinancingSection {
  readonly indsatsKinds: readonly IndsatsKind[];
  readonly maxDurationMonths: number;
  /** Empty when the funders are named per project. */
  readonly funders: readonly Funder[];
}

/** A validated, compiled rule set: one dated version of one rule set. */
export interface CompiledRuleSet {
  readonly info: RuleSetInfo;
  readonly description?: string;
  readonly sources: readonly Source[];
  readonly notes: readonly string[];
  readonly parameters: Readonly<Record<string, Parameter>>;
  readonly conditions: Readonly<Record<string, NamedConditionInfo>>;
  readonly rules: readonly RuleInfo[];
  /** The facts its conditions read, sorted. */
  readonly facts: readonly string[];
  readonly financing?: FinancingSection;
}

/** Options of an evaluation. */
export interface EvaluateOptions {
  /**
   * Ids of named conditions or rules to switch off. A disabled condition counts as
   * not met (`false`) and says so in the explanation; a disabled rule's outcome is `false`.
   */
  readonly disable?: readonly string[];
  /** Forces named conditions to a truth value (used to ask "what if this criterion flipped?"). */
  readonly override?: Readonly<Record<string, boolean>>;
}

/** The threshold side of a comparison. */
export interface Threshold {
  /** The value compared with; absent when it came from a missing fact. */
  readonly value?: FactValue;
  /** The parameter it came from. */
  readonly parameter?: string;
  /** The fact it came from. */
  readonly fact?: string;
  readonly unit?: string;
}

/** A leaf of the explanation: one fact compared with one threshold. */
export interface FactExplanation {
  readonly kind: 'fact';
  readonly outcome: Truth;
  readonly fact: string;
  readonly factType: FactType;
  readonly path?: string;
  /** The fact's Danish description and unit from the catalogue. */
  readonly description: string;
  readonly unit: string;
  /** The value compared; absent when missing. */
  readonly factValue?: FactValue;
  readonly operator: string;
  readonly threshold: Threshold;
  /**
   * For ordered comparisons of known values: fact value − threshold, as a decimal
   * string. Its sign says which side of the threshold the value lies; its size how
   * far it must move to flip the outcome (for a strict comparison, flipping happens
   * at the threshold itself).
   */
  readonly margin?: string;
  /** The source of the innermost named condition or rule it belongs to. */
  readonly source?: Source;
}

/** An `all`/`any` node of the explanation. */
export interface JunctionExplanation {
  readonly kind: 'all' | 'any';
  readonly outcome: Truth;
  readonly children: readonly ExplanationNode[];
}

/** A `not` node of the explanation. */
export interface NotExplanation {
  readonly kind: 'not';
  readonly outcome: Truth;
  readonly child: ExplanationNode;
}

/** An `atLeast` node: "mindst k af n". */
export interface AtLeastExplanation {
  readonly kind: 'atLeast';
  readonly outcome: Truth;
  readonly required: number;
  /** The parameter `required` came from, if any. */
  readonly parameter?: string;
  readonly met: number;
  readonly unknown: number;
  readonly total: number;
  readonly children: readonly ExplanationNode[];
}

/** A reference to a named condition, with that condition's own explanation. */
export interface ConditionExplanation {
  readonly kind: 'condition';
  readonly outcome: Truth;
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly source?: Source;
  /** Set when the condition was switched off; `child` is then absent. */
  readonly disabled?: true;
  /** Set when the outcome was forced by an override; `child` still shows the real evaluation. */
  readonly overridden?: true;
  readonly child?: ExplanationNode;
}

/** The explanation tree: mirrors the conditions. */
export type ExplanationNode =
  | FactExplanation
  | JunctionExplanation
  | NotExplanation
  | AtLeastExplanation
  | ConditionExplanation;

/** The evaluation of one rule. */
export interface RuleEvaluation extends RuleInfo {
  readonly outcome: Truth;
  /** Set when the rule was switched off. */
  readonly disabled?: true;
  readonly explanation: ExplanationNode;
}

/** The explained evaluation of a rule set on one set of facts. */
export interface Evaluation {
  readonly ruleSet: RuleSetInfo;
  readonly rules: readonly RuleEvaluation[];
  /** Outcome per rule id. */
  readonly outcomes: Readonly<Record<string, Truth>>;
  /** Facts the conditions read that were missing, sorted. */
  readonly missingFacts: readonly string[];
  readonly disabled: readonly string[];
}

/** The explained evaluation of one rule (from `createExplainer`): the rule, its tree, and what it was missing. */
export interface RuleExplanation extends RuleEvaluation {
  readonly ruleSet: RuleSetInfo;
  /** Facts this rule's conditions read that were missing, sorted. */
  readonly missingFacts: readonly string[];
}

/** The decision-only evaluation: outcomes without the explanation tree, for bulk use. */
export interface Decision {
  readonly ruleSet: RuleSetInfo;
  readonly outcomes: Readonly<Record<string, Truth>>;
  readonly missingFacts: readonly string[];
}
