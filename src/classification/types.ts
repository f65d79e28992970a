/**
 * Types of classification results: the statutory categories of a boligområde on one
 * list, each three-valued, with the explained evaluations behind them.
 */
import type { Facts } from '../domain/fact-types.js';
import type { Diagnostic } from '../errors.js';
import type { Evaluation, IsoDate, RuleSetInfo, Truth } from '../engine/types.js';
import type { Envelope } from '../engine/envelope.js';

/**
 * The categories, named by their 2021 names: before the 2021 law `parallelsamfund`
 * is the ghettoområde and `omdannelse` the hårdt ghettoområde; for the lists of
 * 2015–2017 `udsat` is the infrastructure list.
 */
export const KATEGORIER = ['udsat', 'parallelsamfund', 'omdannelse', 'forebyggelse'] as const;

/** A statutory category of a boligområde. */
export type Kategori = (typeof KATEGORIER)[number];

/** The name of the condition that is the non-western criterion, in every version. */
export const IKKE_VESTLIGE = 'ikke-vestlige';

/** One category's outcome on one list. */
export interface KategoriResultat {
  readonly kategori: Kategori;
  /** The rule id in the rule file (e.g. `ghettoomraade`, `parallelsamfund`). */
  readonly regel: string;
  /** The category's Danish name in this version (e.g. "hårdt ghettoområde"). */
  readonly navn: string;
  /** true, false or null (unknown). */
  readonly outcome: Truth;
  /** Whether the outcome would flip if the non-western criterion flipped (with every other fact as it is). */
  readonly afhaengerAfIkkeVestlig: boolean;
  /** The rule file the category comes from. */
  readonly ruleSet: RuleSetInfo;
  /** Set when forebyggelse was set to false (or unknown) because the area is (or may be) udsat and the exclusion switch is on. */
  readonly udelukketSomUdsat?: true;
  /**
   * Set when the outcome is the list's published ghetto/parallelsamfund status (given in
   * the input) rather than what the figures give: the figures were missing or disagreed
   * (see {@link Klassifikation.afvigelser}). On the parallelsamfund category, and on the
   * omdannelse category that rests on it.
   */
  readonly fraOffentliggjortListe?: true;
}

/** Where the status of one earlier list came from. */
export type HistorikKilde = 'offentliggjort' | 'beregnet' | 'mangler';

/** The status of one earlier list in the history window. */
export interface HistorikAarStatus {
  readonly aar: number;
  readonly listedato?: IsoDate;
  /** On the ghetto/parallelsamfund list that year: true, false or null (unknown). */
  readonly status: Truth;
  readonly kilde: HistorikKilde;
  /** The rule file used when the status was computed. */
  readonly ruleSet?: RuleSetInfo;
  /**
   * Set when the status is the published one and the figures of that list were given
   * too but give the other answer: the status the figures give (under `ruleSet`).
   */
  readonly beregnet?: boolean;
}

/**
 * A list where the published ghetto/parallelsamfund status and the status the figures
 * give (under that list's rules) disagree. The published status is the one used.
 */
export interface Afvigelse {
  readonly aar: number;
  readonly listedato?: IsoDate;
  /** On the published list. */
  readonly offentliggjort: boolean;
  /** On the list by the figures. */
  readonly beregnet: boolean;
  /** The rule file the computed status comes from. */
  readonly ruleSet?: RuleSetInfo;
}

/** How the history rule (hård/omdannelse) was applied. */
export interface HistorikResultat {
  /** Lists in a row required, the current one included (a parameter of the rule file). */
  readonly minAarIRaekke: number;
  /** The earlier lists looked at, newest first. */
  readonly aar: readonly HistorikAarStatus[];
  /**
   * Lists in a row up to and including the current one, if the current one meets the
   * criteria; `null` when an unknown year could decide it. When a known "nej" breaks
   * the chain behind an unknown year, this is the count certainly on the list (a lower
   * bound below the requirement).
   */
  readonly aarIRaekke: number | null;
  /** Whether published statuses were disregarded (because criteria were switched off). */
  readonly offentliggjortTilsidesat: boolean;
}

/**
 * The classification of one boligområde on one list, in the envelope every answer
 * carries (`asOf` is the list's date; `outcomes` give each category rule's outcome as
 * the answer has it, published status and exclusions applied).
 */
export interface Klassifikation extends Envelope {
  readonly id: string;
  readonly navn?: string;
  readonly kommune?: string;
  readonly listedato: IsoDate;
  /** The rule files used, the `classification` one first. */
  readonly ruleSets: readonly RuleSetInfo[];
  /** The categories this version defines; the others are absent. */
  readonly kategorier: Readonly<Partial<Record<Kategori, KategoriResultat>>>;
  /** Whether any category's outcome depends on the non-western criterion. */
  readonly afhaengerAfIkkeVestlig: boolean;
  /** The explained evaluations, one per rule file. */
  readonly evaluations: readonly Evaluation[];
  /** The facts the rules were given (shares as exact decimal strings). */
  readonly facts: Facts;
  /** Facts that were missing, sorted. */
  readonly mangler: readonly string[];
  /** The history, when the version has a history category. */
  readonly historik?: HistorikResultat;
  /**
   * Lists (this one first, then the earlier lists the history rule looked at, newest
   * first) where the published status and the figures disagree; empty when none do.
   */
  readonly afvigelser: readonly Afvigelse[];
  /** Conditions or rules switched off (as expanded for this version). */
  readonly disabled: readonly string[];
}

/** One row of a batch: classified, or rejected with the reasons. */
export type BatchRaekke =
  | { readonly index: number; readonly ok: true; readonly klassifikation: Klassifikation }
  | { readonly index: number; readonly ok: false; readonly id?: string; readonly listedato?: string; readonly errors: readonly Diagnostic[] };
