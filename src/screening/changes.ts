/**
 * What changed since the previous screening period: indicators newly flagged, no longer
 * flagged, flagged both times with a figure risen, or known before and unknown now — each
 * with the figures that moved.
 */
import type { Facts, FactValue } from '../domain/fact-types.js';
import { Ratio } from '../domain/ratio.js';
import { compareDecimals } from '../engine/decimal-compare.js';
import type { IsoDate, Truth } from '../engine/types.js';
import { screeningRules } from './rule-domain.js';
import type { IndikatorMeta } from './rule-meta.js';
import type { Aendringer, IndikatorAendring } from './types.js';

const EMPTY: readonly never[] = Object.freeze([]);

/** The changes of a screening without a previous period. */
export const NO_CHANGES: Aendringer = Object.freeze({ nyeFlag: EMPTY, ophoerte: EMPTY, forvaerrede: EMPTY, nuUkendte: EMPTY });

/** How an indicator moved between two periods, or undefined when the change is not reported. */
type Movement = 'ny' | 'ophoert' | 'begge' | 'ukendt';

function movementOf(foer: Truth, nu: Truth): Movement | undefined {
  if (nu === true) return foer === true ? 'begge' : 'ny';
  if (foer === true && nu === false) return 'ophoert';
  if (foer !== null && nu === null) return 'ukendt';
  return undefined;
}

/** The indicators' changes between the previous period's outcomes (by rule index) and facts and the current ones. */
export function changesSince(
  indikatorer: readonly IndikatorMeta[],
  forrigePeriode: IsoDate,
  before: readonly Truth[],
  beforeFacts: Facts,
  now: readonly Truth[],
  nowFacts: Facts,
): Aendringer {
  const lists: Record<Movement, IndikatorAendring[]> = { ny: [], ophoert: [], begge: [], ukendt: [] };
  const catalogue = screeningRules.facts;
  for (const m of indikatorer) {
    const foer = before[m.ruleIndex] ?? null;
    const nu = now[m.ruleIndex] ?? null;
    const movement = movementOf(foer, nu);
    if (movement === undefined) continue;
    // the figures that moved, both values known
    let rose = false;
    const moved: { fact: string; description: string; foer: FactValue; nu: FactValue }[] = [];
    for (const fact of m.facts) {
      const change = figureChange(beforeFacts[fact], nowFacts[fact]);
      if (change === undefined) continue;
      if (change.sign > 0) rose = true;
      moved.push(Object.freeze({ fact, description: catalogue.get(fact)?.description ?? fact, foer: change.foer, nu: change.nu }));
    }
    if (movement === 'begge' && !rose) continue;
    lists[movement].push(Object.freeze({ indikator: m.id, titel: m.titel, foer, nu, figurer: Object.freeze(moved) }));
  }
  return Object.freeze({
    forrigePeriode,
    nyeFlag: Object.freeze(lists.ny),
    ophoerte: Object.freeze(lists.ophoert),
    forvaerrede: Object.freeze(lists.begge),
    nuUkendte: Object.freeze(lists.ukendt),
  });
}

/** What the change column names of an indicator: its id and title. */
export interface MovedIndicator {
  readonly indikator: string;
  readonly titel: string;
}

/** The indicators that moved between two periods, in the four lists of {@link Aendringer}. */
export interface MovedIndicators {
  readonly nyeFlag: readonly MovedIndicator[];
  readonly ophoerte: readonly MovedIndicator[];
  readonly forvaerrede: readonly MovedIndicator[];
  readonly nuUkendte: readonly MovedIndicator[];
}

/**
 * The indicators {@link changesSince} lists, in the same lists and order, without the
 * figures that moved: what the change column names. A figure is compared only for an
 * indicator flagged both times, to see whether one rose, and only until one has.
 */
export function movedIndicators(indikatorer: readonly IndikatorMeta[], before: readonly Truth[], beforeFacts: Facts, now: readonly Truth[], nowFacts: Facts): MovedIndicators {
  const lists: Record<Movement, MovedIndicator[]> = { ny: [], ophoert: [], begge: [], ukendt: [] };
  for (const m of indikatorer) {
    const movement = movementOf(before[m.ruleIndex] ?? null, now[m.ruleIndex] ?? null);
    if (movement === undefined) continue;
    if (movement === 'begge' && !m.facts.some((fact) => (figureChange(beforeFacts[fact], nowFacts[fact])?.sign ?? 0) > 0)) continue;
    lists[movement].push({ indikator: m.id, titel: m.titel });
  }
  return { nyeFlag: lists.ny, ophoerte: lists.ophoert, forvaerrede: lists.begge, nuUkendte: lists.ukendt };
}

/**
 * How a figure moved between two periods, both values known and as a report shows them,
 * or undefined when it did not move (or one is not a figure). Two equal shares print as
 * the same string: not moved, and no string made.
 */
function figureChange(before: Facts[string], now: Facts[string]): { readonly foer: number | string; readonly nu: number | string; readonly sign: number } | undefined {
  if (before instanceof Ratio && now instanceof Ratio && before.equals(now)) return undefined;
  const a = figureOf(before);
  const b = figureOf(now);
  if (!isScalarNumber(a) || !isScalarNumber(b)) return undefined;
  const sign = compareDecimals(b, a);
  return sign === 0 ? undefined : { foer: a, nu: b, sign };
}

/** A fact as a report shows it: a share as its decimal string. */
function figureOf(v: Facts[string]): Facts[string] {
  return v instanceof Ratio ? v.toDecimalString() : v;
}

function isScalarNumber(v: unknown): v is number | string {
  return (typeof v === 'number' && Number.isFinite(v) && v >= 0) || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v));
}
