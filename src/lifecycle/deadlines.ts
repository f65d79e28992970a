/**
 * Deadlines of an indsats, computed with date-fns from its events and the lifecycle
 * parameters: the end date, when preparing a successor helhedsplan must begin, when
 * the midtvejsevaluering is due; and the decisions due within a horizon.
 */
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatISO } from 'date-fns/formatISO';
import { parseISO } from 'date-fns/parseISO';
import { subMonths } from 'date-fns/subMonths';
import type { Indsats } from './schema.js';
import type { IndsatsStatus } from './state.js';
import type { LifecycleParameters } from './parameters.js';

/** The deadlines of one indsats. Dates are ISO strings; null where they do not apply yet. */
export interface IndsatsDeadlines {
  /** The actual start, or the planned start while it has not started. */
  readonly startDato: string | null;
  /** True when `startDato` is the planned, not the actual start. */
  readonly planlagt: boolean;
  /** Months granted (or planned, else the default), before extensions. */
  readonly varighedMaaneder: number;
  readonly forlaengelseMaaneder: number;
  /** The last day of the indsats: start + duration + extensions − 1 day, or an earlier decided end. */
  readonly slutDato: string | null;
  readonly midtvejsevalueringForfalder: string | null;
  /** For a helhedsplan: when preparing its successor must begin (slutDato − forberedelseMaaneder). */
  readonly forberedEfterfoelgerFra: string | null;
}

/** Formats a Date as `YYYY-MM-DD`. */
export function isoDate(d: Date): string {
  return formatISO(d, { representation: 'date' });
}

/** Adds whole months to an ISO date (end of month clamps: 31 January + 1 month = 28/29 February). */
export function addMonthsIso(date: string, months: number): string {
  return isoDate(addMonths(parseISO(date), months));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/**
 * The deadlines of an indsats in the state `status`.
 * @example
 * indsatsDeadlines(indsats, indsatsState(indsats, { asOf }), params).slutDato // '2024-12-31'
 */
export function indsatsDeadlines(indsats: Indsats, status: IndsatsStatus, params: LifecycleParameters): IndsatsDeadlines {
  const planlagt = status.startDato === null;
  const startDato = status.startDato ?? indsats.planlagtStart ?? null;
  const varighedMaaneder = status.bevilling?.varighedMaaneder ?? indsats.planlagtVarighedMaaneder ?? params.standardVarighedMaaneder;
  let slutDato: string | null = null;
  if (status.afslutningDato !== null) slutDato = status.afslutningDato;
  else if (startDato !== null) {
    slutDato = isoDate(addDays(addMonths(parseISO(startDato), varighedMaaneder + status.forlaengelseMaaneder), -1));
    const decided = status.beslutningOmAfslutning?.planlagtSlut;
    if (decided !== undefined && decided < slutDato) slutDato = decided;
  }
  const midtvejsevalueringForfalder = startDato === null ? null : addMonthsIso(startDato, params.midtvejsevalueringEfterMaaneder);
  const forberedEfterfoelgerFra =
    indsats.kind === 'helhedsplan' && slutDato !== null ? isoDate(subMonths(parseISO(slutDato), params.forberedelseMaaneder)) : null;
  return Object.freeze({
    startDato,
    planlagt,
    varighedMaaneder,
    forlaengelseMaaneder: status.forlaengelseMaaneder,
    slutDato,
    midtvejsevalueringForfalder,
    forberedEfterfoelgerFra,
  });
}

/** The kinds of decision the portfolio view tracks. */
export type DecisionKind = 'opstart' | 'midtvejsevaluering' | 'forbered-efterfoelger' | 'afslutning' | 'vurder-afslutning';

/** Danish names of the decisions. */
export const DECISION_NAVN: Readonly<Record<DecisionKind, string>> = Object.freeze({
  opstart: 'beslutning om opstart',
  midtvejsevaluering: 'midtvejsevaluering',
  'forbered-efterfoelger': 'tag stilling til ny helhedsplan',
  afslutning: 'afslutning eller forlængelse',
  'vurder-afslutning': 'vurdér afslutning (stopparametre peger mod afslutning)',
});

/** A decision due on a date. */
export interface DueDecision {
  readonly kind: DecisionKind;
  readonly titel: string;
  readonly dato: string;
  /** Days from asOf to the due date; negative when overdue. */
  readonly dageTil: number;
  readonly forfalden: boolean;
}

/**
 * Every decision of the indsats that is due on or before `asOf` + `horizonMonths`
 * (overdue ones included), earliest first.
 */
export function decisionsDue(
  indsats: Indsats,
  status: IndsatsStatus,
  deadlines: IndsatsDeadlines,
  options: { readonly asOf: string; readonly horizonMonths: number },
): readonly DueDecision[] {
  const horizon = addMonthsIso(options.asOf, options.horizonMonths);
  const out: DueDecision[] = [];
  const add = (kind: DecisionKind, dato: string | null) => {
    if (dato === null || dato > horizon) return;
    const dageTil = daysBetween(options.asOf, dato);
    out.push(Object.freeze({ kind, titel: DECISION_NAVN[kind], dato, dageTil, forfalden: dageTil < 0 }));
  };
  const t = status.tilstand;
  if (t === 'under-forberedelse' || t === 'praekvalificeret' || t === 'godkendt') add('opstart', deadlines.startDato);
  if (t === 'i-gang' && status.midtvejsevalueringer.length === 0) add('midtvejsevaluering', deadlines.midtvejsevalueringForfalder);
  if (t === 'i-gang' && status.efterfoelger === null) add('forbered-efterfoelger', deadlines.forberedEfterfoelgerFra);
  if (t === 'i-gang' || t === 'under-afslutning') add('afslutning', deadlines.slutDato);
  out.sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0));
  return Object.freeze(out);
}
