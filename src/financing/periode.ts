/**
 * The calendar side of a budget: which calendar years a period touches, how many of
 * its days fall in each, its length in months and in (calendar-weighted) years.
 */
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { endOfYear } from 'date-fns/endOfYear';
import { format } from 'date-fns/format';
import { getDaysInYear } from 'date-fns/getDaysInYear';
import { max } from 'date-fns/max';
import { min } from 'date-fns/min';
import { parseISO } from 'date-fns/parseISO';
import { startOfYear } from 'date-fns/startOfYear';
import { rational, type Rational, sum } from './rational.js';
import { firstDayOfYear } from '../domain/calendar.js';

/** A period from its first day to its last day, both inclusive, as `YYYY-MM-DD`. */
export interface Periode {
  readonly from: string;
  readonly to: string;
}

/** One calendar year's part of a period. */
export interface AarsAndel {
  readonly aar: number;
  /** Days of the period in this year. */
  readonly dage: number;
  /** Days in the whole calendar year (365 or 366). */
  readonly dageIAaret: number;
}

/** The calendar years a period touches, with its days in each; first year first. */
export function yearsOfPeriod(periode: Periode): AarsAndel[] {
  const from = parseISO(periode.from);
  const to = parseISO(periode.to);
  const out: AarsAndel[] = [];
  for (let aar = from.getFullYear(); aar <= to.getFullYear(); aar++) {
    const januar = firstDayOfYear(aar);
    const first = max([from, startOfYear(januar)]);
    const last = min([to, endOfYear(januar)]);
    out.push({ aar, dage: differenceInCalendarDays(last, first) + 1, dageIAaret: getDaysInYear(januar) });
  }
  return out;
}

/** Days in the period, both ends included. */
export function daysOfPeriod(periode: Periode): number {
  return differenceInCalendarDays(parseISO(periode.to), parseISO(periode.from)) + 1;
}

/**
 * The period's length in years, each calendar year weighted by its own length:
 * Σ (days in year ÷ days of that year). 1 March 2024 – 29 February 2028 is exactly 4.
 */
export function lengthInYears(periode: Periode): Rational {
  return sum(yearsOfPeriod(periode).map((y) => rational(BigInt(y.dage), BigInt(y.dageIAaret))));
}

/** True if the period is no longer than `months` months from its first day. */
export function withinMonths(periode: Periode, months: number): boolean {
  const dayAfterEnd = addDays(parseISO(periode.to), 1);
  return differenceInCalendarDays(dayAfterEnd, addMonths(parseISO(periode.from), months)) <= 0;
}

/** The last day a period starting on `from` may have to stay within `months` months. */
export function lastAllowedDay(from: string, months: number): string {
  return format(addDays(addMonths(parseISO(from), months), -1), 'yyyy-MM-dd');
}
