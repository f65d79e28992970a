/**
 * The benchmark result: JSON-ready (strings, numbers, booleans, null), deeply frozen,
 * one shape for the Danish table, CSV, JSON and a later HTML report.
 */
import type { Diagnostic } from '../../errors.js';
import type { Truth } from '../../engine/types.js';
import type { IndsatsKind } from '../../domain/indsats.js';
import type { AnbefalingKind, Vurdering } from '../assess.js';
import type { MetodeTjek } from '../metoder.js';
import type { IndsatsTilstand } from '../state.js';
import type { IndikatorVurdering } from './indikator.js';
import type { BenchmarkParametre } from './parameters.js';

/** Which kind of goal a benchmark section is about: one of the five fælles mål or one of fsb's four strategy mål. */
export type MaalType = 'faelles' | 'strategi';

/** One indicator row of a ranking group. */
export interface BenchmarkRaekke extends IndikatorVurdering {
  /** 1-based competition rank on progress within the group; null when progress is unknown. */
  readonly rang: number | null;
  readonly indsatsId: string;
  readonly indsatsNavn: string;
  readonly afdelinger: readonly string[];
  readonly tilstand: IndsatsTilstand;
  /** The indsats's mål the indicator belongs to. */
  readonly maalId: string;
}

/** The indicators of one mål measured in one unit, ranked: units are never ranked together. */
export interface RangGruppe {
  readonly enhed: string;
  readonly raekker: readonly BenchmarkRaekke[];
}

/** One indsats's contribution to one mål: its indicators on the mål taken together. */
export interface MaalBidrag {
  readonly indsatsId: string;
  readonly navn: string;
  readonly kind: IndsatsKind;
  readonly tilstand: IndsatsTilstand;
  readonly afdelinger: readonly string[];
  /** The ids of the indsats's mål that serve this mål. */
  readonly maal: readonly string[];
  readonly indikatorer: number;
  /** Every indicator on track (three-valued all); null without indicators. */
  readonly paaRetteKurs: Truth;
  /** Some indicator stalled (three-valued any); null without indicators. */
  readonly gaaetIStaa: Truth;
  /** Every indicator at target; null without indicators. */
  readonly naaet: Truth;
  /** Stop parameter 2 ("målene er nået") of the indsats's assessment, for context. */
  readonly stopParameter2: Vurdering;
  readonly anbefaling: AnbefalingKind | null;
  /** The reasoning in Danish: one line per indicator and a summary. */
  readonly evidens: readonly string[];
}

/** The portfolio on one mål: who works on it, who is on track, who stalled, and the ranking per unit. */
export interface MaalBenchmark {
  readonly type: MaalType;
  readonly nr: number;
  readonly navn: string;
  /** How many indsatser work on the mål (have a mål tagged with it). */
  readonly antalIndsatser: number;
  readonly paaRetteKurs: { readonly ja: number; readonly nej: number; readonly ukendt: number };
  /** Ids of the indsatser with an indicator on the mål that has stalled. */
  readonly gaaetIStaa: readonly string[];
  /** Per indsats, sorted by id. */
  readonly bidrag: readonly MaalBidrag[];
  /** Per unit, sorted by unit. */
  readonly grupper: readonly RangGruppe[];
}

/** One indsats in the benchmark. */
export interface IndsatsBenchmarkOversigt {
  readonly id: string;
  readonly navn: string;
  readonly kind: IndsatsKind;
  readonly tilstand: IndsatsTilstand;
  readonly afdelinger: readonly string[];
  readonly faellesMaal: readonly number[];
  readonly strategiMaal: readonly number[];
  readonly metoder: MetodeTjek;
  readonly stopParameter2: { readonly resultat: Vurdering; readonly evidens: readonly string[] };
  readonly anbefaling: AnbefalingKind | null;
}

/** An indsats left out of the benchmark, and why. */
export interface IkkeMed {
  readonly indsatsId: string;
  readonly navn: string;
  readonly tilstand: IndsatsTilstand;
  readonly grund: string;
}

/** The benchmark of a portfolio on one date. */
export interface BenchmarkResult {
  readonly asOf: string;
  /** The benchmark rule set used. */
  readonly ruleSet: { readonly id: string; readonly version: string; readonly file?: string };
  readonly parametre: BenchmarkParametre;
  /** Whether ended indsatser were included. */
  readonly medAfsluttede: boolean;
  /** The five fælles mål, in order, each present even when no indsats works on it. */
  readonly faellesMaal: readonly MaalBenchmark[];
  /** fsb's four strategy mål, in order. */
  readonly strategiMaal: readonly MaalBenchmark[];
  /** The indsatser benchmarked, sorted by id. */
  readonly indsatser: readonly IndsatsBenchmarkOversigt[];
  readonly ikkeMed: readonly IkkeMed[];
  /** Indsatser that could not be assessed, and warnings (e.g. an indicator whose target contradicts its direction). */
  readonly fejl: readonly Diagnostic[];
}
