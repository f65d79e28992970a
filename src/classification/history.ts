/**
 * The history rule of hårdt ghettoområde / omdannelsesområde: on the ghetto or
 * parallelsamfund list "de seneste N år", the current list included, counting
 * published list years without gaps. Pure: the status of each earlier year is given.
 *
 * A list's published status counts the same way for every list, the current one
 * included: it is the area's status on that list, and where the figures of that list
 * give the other answer, the disagreement is reported, never settled silently.
 */
import type { IsoDate } from '../engine/types.js';
import type { HistorikAar } from './input.js';
import type { Afvigelse, HistorikAarStatus } from './types.js';

/**
 * The published ghetto/parallelsamfund status of a list that counts: `true` or `false`
 * when it is given and no criterion is switched off; otherwise `undefined` (switching a
 * criterion off disregards every published status, since the lists were made with it).
 *
 * @example
 * offentliggjortStatus(true, []) // true
 * offentliggjortStatus(true, ['ikke-vestlige']) // undefined
 */
export function offentliggjortStatus(offentliggjort: boolean | null | undefined, disable: readonly string[]): boolean | undefined {
  return disable.length === 0 && typeof offentliggjort === 'boolean' ? offentliggjort : undefined;
}

/** The years of a history where the published status and the figures disagree, in the order given. */
export function historikAfvigelser(aar: readonly HistorikAarStatus[]): Afvigelse[] {
  const out: Afvigelse[] = [];
  for (const a of aar) {
    if (a.beregnet === undefined || typeof a.status !== 'boolean') continue;
    out.push(
      Object.freeze({
        aar: a.aar,
        ...(a.listedato !== undefined ? { listedato: a.listedato } : {}),
        offentliggjort: a.status,
        beregnet: a.beregnet,
        ...(a.ruleSet !== undefined ? { ruleSet: a.ruleSet } : {}),
      }),
    );
  }
  return out;
}

/** The outcome of folding the history. */
export interface HistorikFold {
  /** The earlier years looked at, newest first. */
  readonly aar: readonly HistorikAarStatus[];
  /** Lists in a row up to and including the current one (if the current one meets the criteria); null when unknown. */
  readonly aarIRaekke: number | null;
}

/**
 * Counts the lists in a row: the current one plus the earlier years on the list
 * without a break, newest first.
 *
 * - All of the `minAarIRaekke − 1` earlier years on the list: the count (going further
 *   back while the area stayed on the list).
 * - A year known not to be on the list within the window breaks the chain: the count is
 *   the years certainly on the list before the break (below the requirement), even if an
 *   unknown year lies in between — the break already decides the outcome.
 * - Otherwise an unknown year in the window makes the count unknown (null).
 *
 * @example
 * // 2021 (5 lists required): 2017–2020 on the list
 * foldHistorik(2021, 5, (aar) => ({ aar, status: aar >= 2017, kilde: 'offentliggjort' })).aarIRaekke // 5
 */
export function foldHistorik(currentYear: number, minAarIRaekke: number, statusOf: (aar: number) => HistorikAarStatus): HistorikFold {
  const need = minAarIRaekke - 1;
  const looked: HistorikAarStatus[] = [];
  let certain = 0;
  let unknown = false;
  for (let k = 1; k <= need; k++) {
    const s = statusOf(currentYear - k);
    looked.push(s);
    if (s.status === true) {
      if (!unknown) certain++;
    } else if (s.status === false) {
      return Object.freeze({ aar: Object.freeze(looked), aarIRaekke: certain + 1 });
    } else unknown = true;
  }
  if (unknown) return Object.freeze({ aar: Object.freeze(looked), aarIRaekke: null });
  // the requirement is met; follow the chain further back for the record
  for (let k = need + 1; ; k++) {
    const s = statusOf(currentYear - k);
    if (s.status !== true) break;
    looked.push(s);
    certain++;
  }
  return Object.freeze({ aar: Object.freeze(looked), aarIRaekke: certain + 1 });
}

/**
 * The earlier lists of an area by year: only lists before `listedato`; when a year has
 * several entries, the latest list date of that year counts.
 */
export function historikPrAar(history: readonly HistorikAar[], listedato: IsoDate): ReadonlyMap<number, HistorikAar> {
  const byYear = new Map<number, HistorikAar>();
  const currentYear = aarOf(listedato);
  for (const entry of [...history].sort((a, b) => a.listedato.localeCompare(b.listedato))) {
    const year = aarOf(entry.listedato);
    if (entry.listedato >= listedato || year >= currentYear) continue;
    byYear.set(year, entry);
  }
  return byYear;
}

/** The year of an ISO date. */
export function aarOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
