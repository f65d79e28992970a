/**
 * Types of what-if answers. A question (classify, forecast, screen, lifecycle, financing)
 * is projected into rows of named outcomes, so one comparison, one sweep and one format
 * serve every question; the projection is small on purpose, so it can later sit on the
 * one result envelope the domains will share.
 */
import type { Evaluation, FactExplanation, IsoDate, RuleSetInfo, Truth } from '../engine/types.js';
import type { Diagnostic } from '../errors.js';
import type { RuleRegistry } from '../rules/registry.js';

/** The commands a what-if can ask. */
export const WHAT_IF_COMMANDS = ['classify', 'forecast', 'screen', 'lifecycle', 'financing'] as const;

/** A command a what-if can ask. */
export type WhatIfCommand = (typeof WHAT_IF_COMMANDS)[number];

/**
 * What an outcome is: a three-valued truth (`sandhed`), one of a set of values such as a
 * state or a conclusion (`kategori`), or an amount in kroner as a decimal string (`beloeb`).
 */
export type OutcomeKind = 'sandhed' | 'kategori' | 'beloeb';

/** An outcome's value: a truth, or a text (category or decimal amount). */
export type OutcomeValue = Truth | string;

/** One named outcome a question reports, e.g. `indikator:utryghed` or `kategori:udsat`. */
export interface OutcomeDefinition {
  readonly key: string;
  /** Danish name, e.g. "Utryghed" or "udsat boligområde". */
  readonly titel: string;
  readonly kind: OutcomeKind;
  /** Danish names of a category's values (`i-gang` → "i gang"), where the value is an id. */
  readonly vaerdinavne?: Readonly<Record<string, string>>;
  /** false for a free-text outcome (e.g. the changes since the previous period), whose values are not counted. */
  readonly optaelles?: false;
}

/** An explained evaluation behind a row; `label` says which one when a row has several (e.g. "forrige periode"). */
export interface RowExplanation {
  readonly label?: string;
  readonly evaluation: Evaluation;
}

/** One row of a projected answer: an afdeling, a boligområde on one list, an indsats, a financing row. */
export interface WhatIfRow {
  /** Unique within the answer and stable across rule versions: the id, with the list date for classification. */
  readonly key: string;
  readonly id: string;
  readonly listedato?: IsoDate;
  readonly navn?: string;
  /** Outcome key → value; an outcome the row does not have is absent. */
  readonly outcomes: Readonly<Record<string, OutcomeValue>>;
  /** The explained evaluations (empty when answered decision-only). */
  readonly explanations: readonly RowExplanation[];
  /** The rule-set versions the row's answer used. */
  readonly ruleSets: readonly RuleSetInfo[];
  /**
   * false when the outcomes also depend on evaluations not in `explanations` (e.g. an
   * earlier list computed from figures given only as history), so that breakpoints read
   * from the explanations may not be all of the row's.
   */
  readonly fullyExplained?: false;
}

/** A question's answer on one side, projected. */
export interface ProjectedAnswer {
  /** Every outcome the rows may have, in the order the command reports them. */
  readonly outcomes: readonly OutcomeDefinition[];
  readonly rows: readonly WhatIfRow[];
  /** Problems with the input or the rules (bad rows are reported, the others still answered). */
  readonly diagnostics: readonly Diagnostic[];
}

/** The rules one side of a what-if uses. */
export interface WhatIfSide {
  /** The rules; default the package's shipped rules. */
  readonly rules?: RuleRegistry;
  /** Conditions or rules switched off on this side, in addition to those of the question. */
  readonly disable?: readonly string[];
}

/** How to answer: with explanations or decision-only, and for which row ids (default all). */
export interface AnswerMode {
  readonly explain: boolean;
  readonly only?: ReadonlySet<string>;
}

/** The comparisons with one parameter in one explanation of a row (labelled as in its `explanations`). */
export interface ParameterFigureGroup {
  readonly label?: string;
  readonly ruleSet: RuleSetInfo;
  readonly leaves: readonly FactExplanation[];
}

/** One row's comparisons with a parameter, keyed as its answer's row is. */
export interface RowParameterFigures {
  readonly key: string;
  readonly groups: readonly ParameterFigureGroup[];
}

/** A question bound to its input, answerable on any side: the unit of what-if. */
export interface WhatIfQuestion {
  readonly command: WhatIfCommand;
  /** The rule sets whose conditions and rules a side may switch off. */
  readonly ruleSetIds: (rules: RuleRegistry) => readonly string[];
  /**
   * Parameters the domain reads itself, besides the conditions (e.g. `minTryghedRespondenter`,
   * which decides when a survey counts): a change of one may change the figures, not only
   * the comparisons, so a sweep of it goes value by value.
   */
  readonly parametersOutsideConditions: readonly string[];
  /** Answers on one side with the rules and disable list given (already resolved). */
  readonly answer: (side: { readonly rules: RuleRegistry; readonly disable: readonly string[] }, mode: AnswerMode) => ProjectedAnswer;
  /**
   * Optional, for a question whose explained rows are all their answers depend on: each
   * row's comparisons with `parameter` of rule set `ruleSet`, the leaves its explained
   * answer's explanations hold for it, in row order, without building the explanations. A
   * sweep finds its breakpoints from them; without it, from explained answers.
   */
  readonly parameterFigures?: (side: { readonly rules: RuleRegistry; readonly disable: readonly string[] }, ruleSet: string, parameter: string) => readonly RowParameterFigures[];
}

/** One `atLeast` ("mindst k af n") node's figures. */
export interface AtLeastFigure {
  readonly kind: 'atLeast';
  readonly required: number;
  readonly parameter?: string;
  readonly met: number;
  readonly unknown: number;
  readonly total: number;
  readonly outcome: Truth;
}

/** A figure behind a condition: a comparison leaf (value, threshold, margin) or a count. */
export type Figure = FactExplanation | AtLeastFigure;

/** A named condition (or rule) on one side: its outcome and the figures directly inside it. */
export interface ConditionSide {
  readonly outcome: Truth;
  /** Set when it was switched off on that side. */
  readonly slaaetFra?: true;
  readonly figurer: readonly Figure[];
}

/** A named condition or rule whose outcome differs between the sides. */
export interface FlippedCondition {
  /** The rule set it belongs to. */
  readonly ruleSet: string;
  /** Which of the row's evaluations, when it has several (e.g. "forrige periode 1. december 2023"). */
  readonly label?: string;
  readonly kind: 'betingelse' | 'regel';
  readonly name: string;
  readonly titel: string;
  /** Absent when the side did not evaluate it (e.g. another law version without it). */
  readonly foer?: ConditionSide;
  readonly efter?: ConditionSide;
}

/** One outcome of a row that differs. */
export interface OutcomeChange {
  readonly udfald: string;
  readonly titel: string;
  readonly kind: OutcomeKind;
  /** Absent when the row did not have this outcome on that side. */
  readonly foer?: OutcomeValue;
  readonly efter?: OutcomeValue;
}

/** A row for which any outcome differs. */
export interface ChangedRow {
  readonly id: string;
  readonly listedato?: IsoDate;
  readonly navn?: string;
  /** Set when the row was answered on one side only (e.g. rejected by the other side's rules). */
  readonly kunFoer?: true;
  readonly kunEfter?: true;
  readonly udfald: readonly OutcomeChange[];
  /** The named conditions and rules that flipped, with their figures on both sides. */
  readonly betingelser: readonly FlippedCondition[];
  /** When no condition flipped: what differs in the rule sets the row used (e.g. a funder's share). */
  readonly regelaendringer?: readonly string[];
}

/** How many rows had each value of one outcome, before and after. */
export interface OutcomeCount {
  readonly udfald: string;
  readonly titel: string;
  readonly kind: OutcomeKind;
  /** For truths and categories: rows per value. */
  readonly vaerdier: readonly { readonly vaerdi: OutcomeValue; readonly foer: number; readonly efter: number }[];
  /** For amounts: the sum over the rows, kroner. */
  readonly sum?: { readonly foer: string; readonly efter: string };
}

/** A what-if comparison: the same question on two rule versions. */
export interface WhatIfComparison {
  readonly kommando: WhatIfCommand;
  /** Every outcome the rows may have (both sides), in the order the command reports them. */
  readonly udfald: readonly OutcomeDefinition[];
  readonly raekker: { readonly foer: number; readonly efter: number };
  /** Every row for which any outcome differs; unchanged rows are not listed. */
  readonly aendrede: readonly ChangedRow[];
  /** Rows per outcome value, before and after, for every outcome. */
  readonly optaelling: readonly OutcomeCount[];
  readonly diagnostics: { readonly foer: readonly Diagnostic[]; readonly efter: readonly Diagnostic[] };
}
