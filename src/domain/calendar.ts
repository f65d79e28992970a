/**
 * Calendar dates as the package passes them: `YYYY-MM-DD` strings, checked to exist
 * in the calendar (2024-02-30 does not), with date-fns for the arithmetic. No hidden
 * "today": every function that needs a date takes it.
 */
import { addDays, format, isValid, parseISO } from 'date-fns';
import { z } from 'zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = parseISO(s);
  return isValid(d) && format(d, 'yyyy-MM-dd') === s;
}

/** The zod schema of a `YYYY-MM-DD` date that exists in the calendar, with a Danish message. */
export const isoDateSchema = z.iso.date('skal være en gyldig dato på formen ÅÅÅÅ-MM-DD');

/** The date `days` days after (or, negative, before) an ISO date, as an ISO date. */
export function addDaysIso(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}
