/**
 * Calendar dates as the package passes them: `YYYY-MM-DD` strings, checked to exist
 * in the calendar (2024-02-30 does not), with date-fns for the arithmetic. No hidden
 * "today": every function that needs a date takes it.
 */
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar (month 1–12), by the leap-year rule. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The first date the package accepts (year 0 is not a calendar year in ISO 8601's basic range). */
export const FIRST_ISO_DATE = '0001-01-01';
/** The last date the package accepts. */
export const LAST_ISO_DATE = '9999-12-31';

/** The Danish rule every date field states when a date is refused. */
export const ISO_DATE_RULE = `skal være en gyldig dato på formen ÅÅÅÅ-MM-DD mellem ${FIRST_ISO_DATE} og ${LAST_ISO_DATE}`;

/**
 * True for a real calendar date written `YYYY-MM-DD` from 0001-01-01 to 9999-12-31: the
 * one date check of the package (zod schemas, CSV readers and options all use it), so a
 * date one of them accepts works in every command.
 */
export function isIsoDate(s: string): boolean {
  // arithmetic, not a Date round trip: this check runs for every date of every row
  const m = ISO_DATE.exec(s);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The zod schema of a date {@link isIsoDate} accepts, with a Danish message (and `format: date` in JSON Schema). */
export const isoDateSchema = z.iso.date({ message: ISO_DATE_RULE, abort: true }).refine(isIsoDate, ISO_DATE_RULE);

/** 1 January of a calendar year (any year from 1 to 9999; `new Date(50, 0, 1)` would be 1950). */
export function firstDayOfYear(aar: number): Date {
  return parseISO(`${String(aar).padStart(4, '0')}-01-01`);
}

/** The date `days` days after (or, negative, before) an ISO date, as an ISO date. */
export function addDaysIso(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}
