/** Types of screening results. Every result the package returns is deeply frozen. */
import type { FactValue } from '../domain/fact-types.js';
import type { Envelope } from '../engine/envelope.js';
import type { Evaluation, IsoDate, RuleSetInfo, Truth } from '../engine/types.js';
import type { Indsatsomraade, Maal } from './maal.js';
import type { AnbefalingKind } from './rule-meta.js';

/** One figure an indicator compared, with its threshold. */
export interface Figur {
  readonly fact: string;
  readonly description: string;
  readonly unit: string;
  /** The value; absent when missing. */
  readonly value?: FactValue;
  /** Danish comparison ("overstiger", "er mindst"). */
  readonly operator: string;
  /** The threshold it was compared with, and the parameter it came from. */
  readonly threshold?: FactValue;
  readonly parameter?: string;
  readonly outcome: Truth;
}

/** The result of one indicator. */
export interface IndikatorResultat {
  /** Indicator id, e.g. "utryghed". */
  readonly id: string;
  /** The rule it comes from, e.g. "indikator-utryghed". */
  readonly ruleId: string;
  readonly titel: string;
  /** true = udløst, false = ikke udløst, null = ukendt. */
  readonly outcome: Truth;
  readonly social: boolean;
  readonly maal: readonly Maal[];
  readonly indsatsomraader: readonly Indsatsomraade[];
  /** The figures and thresholds (explained screening only; empty in decision-only results). */
  readonly figurer: readonly Figur[];
  /** When unknown: which figures are missing, in Danish. */
  readonly mangler: readonly string[];
}

/** One recommended (or not recommended) indsats. */
export interface Anbefaling {
  readonly kind: AnbefalingKind;
  readonly ruleId: string;
  readonly navn: string;
  /** true = anbefalet, false = ikke anbefalet, null = ukendt. */
  readonly outcome: Truth;
  /** Which of fsb's four mål it serves (a helhedsplan all four; a project those its indicators point to). */
  readonly maal: readonly Maal[];
  /** The indsatsområder that fit the flagged indicators. */
  readonly indsatsomraader: readonly Indsatsomraade[];
  /** When unknown: which figures are missing, in Danish. */
  readonly mangler: readonly string[];
}

/** A change of one indicator since the previous period. */
export interface IndikatorAendring {
  readonly indikator: string;
  readonly titel: string;
  readonly foer: Truth;
  readonly nu: Truth;
  /** Figures that moved between the periods (both known), with both values as decimal strings or numbers; for a worsening at least one rose. */
  readonly figurer: readonly { readonly fact: string; readonly description: string; readonly foer: FactValue; readonly nu: FactValue }[];
}

/** What changed since the previous screening period. */
export interface Aendringer {
  /** The previous period compared with; absent when there is none. */
  readonly forrigePeriode?: IsoDate;
  /** Flagged now, not flagged (or unknown) before. */
  readonly nyeFlag: readonly IndikatorAendring[];
  /** Flagged before, not flagged now. */
  readonly ophoerte: readonly IndikatorAendring[];
  /** Flagged both times, with at least one figure higher (worse) now. */
  readonly forvaerrede: readonly IndikatorAendring[];
  /** Known before, unknown now. */
  readonly nuUkendte: readonly IndikatorAendring[];
}

/** The overall conclusion of a screening. */
export type Konklusion = 'indsats' | 'ingen-saerlig-indsats' | 'ukendt';

/**
 * The screening of one afdeling as of a date, in the envelope every answer carries
 * (`ruleSets`, `asOf`, `packageVersion`, `outcomes`, `mangler`, `evaluations`; the
 * explanation in `evaluation` as before, so JSON leaves `evaluations` out). What was
 * decided is in own fields; `indikatorer`, `anbefalinger`, `konklusionTekst`,
 * `aendringer`, `evaluation`, `outcomes` and `evaluations` are built on first read
 * (getters on the prototype), so a spread copies only the own fields:
 * `plainScreeningResult` gives the whole result as a plain object.
 */
export interface ScreeningResult extends Envelope {
  readonly afdeling: {
    readonly id: string;
    readonly navn: string;
    readonly boligorganisation: string;
    readonly kommune: string;
    readonly boligomraade?: string;
  };
  readonly asOf: IsoDate;
  /** The screening period used: the latest on or before `asOf`. */
  readonly periode: IsoDate;
  readonly ruleSet: RuleSetInfo;
  /** The boligområde's official statuses; [] = on no list (or in no boligområde); null = unknown. */
  readonly boligomraadeStatus: readonly string[] | null;
  readonly indikatorer: readonly IndikatorResultat[];
  /** Ids of the flagged indicators. */
  readonly udloeste: readonly string[];
  readonly anbefalinger: readonly Anbefaling[];
  readonly konklusion: Konklusion;
  /** The conclusion in one Danish sentence. */
  readonly konklusionTekst: string;
  readonly aendringer: Aendringer;
  /** Every missing figure behind an unknown outcome, in Danish, sorted and without repeats. */
  readonly mangler: readonly string[];
  /** The full explained evaluation (explained screening only). */
  readonly evaluation?: Evaluation;
}
