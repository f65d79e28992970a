/**
 * Danish formatting of numbers, money, percentages, dates and truth values for text
 * people read. Pure; takes decimal strings so nothing passes through a float.
 */
import { format as formatDate } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { da } from 'date-fns/locale/da';
import { Decimal, toDecimal } from '../domain/decimal.js';
import type { Truth } from '../engine/types.js';

/**
 * Formats a decimal with Danish separators: `1234567.891` → `1.234.567,891`.
 * With `decimals`, rounds half-even to that many places and pads with zeros.
 */
export function formatTal(value: string | number | Decimal, decimals?: number): string {
  const d = toDecimal(value);
  const fixed = decimals === undefined ? d.toFixed() : d.toFixed(decimals, Decimal.ROUND_HALF_EVEN);
  const negative = fixed.startsWith('-');
  const [intPart = '0', frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const text = frac === undefined ? grouped : `${grouped},${frac}`;
  return negative && !/^[0.,]+$/.test(text) ? `−${text}` : text;
}

/**
 * A count and its noun in the right number, the count with Danish separators:
 * `antal(1, 'afdeling', 'afdelinger')` → `1 afdeling`, `antal(1200, …)` → `1.200 afdelinger`.
 */
export function antal(n: number, ental: string, flertal: string): string {
  return `${formatTal(n)} ${n === 1 ? ental : flertal}`;
}

/** Formats an amount in kroner to the øre: `1234567.8` → `1.234.567,80 kr.` */
export function formatKroner(value: string | number | Decimal): string {
  return `${formatTal(value, 2)} kr.`;
}

/** Formats a percentage given in percent (not as a fraction): `42.25` → `42,3 %` with one decimal by default. */
export function formatProcent(percent: string | number | Decimal, decimals = 1): string {
  return `${formatTal(percent, decimals)} %`;
}

/** Formats an ISO date the Danish way: `2024-12-01` → `1. december 2024`. */
export function formatDato(isoDate: string): string {
  return formatDate(parseISO(isoDate), 'd. MMMM yyyy', { locale: da });
}

/** Danish word for a three-valued truth: ja, nej or ukendt. */
export function formatSandhed(value: Truth): string {
  return value === null ? 'ukendt' : value ? 'ja' : 'nej';
}
