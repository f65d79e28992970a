/**
 * Exact comparison of decimals given as decimal strings or numbers.
 *
 * Fast path: two decimals of at most 15 significant digits map to distinct doubles in
 * the same order (15 digits round-trip through a double), so comparing the doubles is
 * exact. Anything longer goes through decimal.js.
 */
import { Decimal, isDecimalString } from '../domain/decimal.js';

/** A decimal operand prepared once: its double when that is exact for comparison, else its Decimal. */
export interface PreparedDecimal {
  readonly fast: number | undefined;
  readonly exact: Decimal;
  readonly text: string;
  /** The value times 10^scale, when that is an integer below 10^15 (for exact integer differences). */
  readonly scaled: number | undefined;
  /** Its number of decimals. */
  readonly scale: number;
}

/** What each decimal operator asks of a comparison result (negative, zero, positive). */
export const DECIMAL_TESTS: Readonly<Record<string, (c: number) => boolean>> = {
  decimalEqual: (c) => c === 0,
  decimalNotEqual: (c) => c !== 0,
  decimalLessThan: (c) => c < 0,
  decimalLessThanInclusive: (c) => c <= 0,
  decimalGreaterThan: (c) => c > 0,
  decimalGreaterThanInclusive: (c) => c >= 0,
};

/** Prepares a constant operand (a threshold) for repeated comparison. */
export function prepareDecimal(value: string | number): PreparedDecimal {
  const exact = new Decimal(typeof value === 'number' ? String(value) : value);
  const scaled = scanScaled(value);
  return { fast: fastDouble(value), exact, text: exact.toString(), scaled: scaled === undefined ? undefined : scaled.value, scale: scaled?.scale ?? 0 };
}

/**
 * a − p exactly, as a decimal string, without BigInt or decimal.js where integer
 * arithmetic on doubles is exact: both below 10^15 once scaled to the larger number of
 * decimals, or — for a figure with more decimals than that, such as a share written to
 * 20 decimals — its integer digits plus p's decimals below 15 digits. Undefined
 * otherwise, and for anything that is not a plain decimal string or a finite number
 * (the caller then takes the general path). The sign of the result is the comparison:
 * it starts with "-" when a < p and is "0" when a = p.
 */
export function preparedDifference(a: string | number, p: PreparedDecimal): string | undefined {
  if (p.scaled === undefined) return undefined;
  let value: number;
  let scale: number;
  if (typeof a === 'number' && Number.isInteger(a)) {
    value = a;
    scale = 0;
  } else {
    const scanned = scanScaled(a);
    if (scanned === undefined) return typeof a === 'string' && a.length > 15 ? longDifference(a, p) : undefined;
    value = scanned.value;
    scale = scanned.scale;
  }
  const s = scale > p.scale ? scale : p.scale;
  const x = value * (POW10[s - scale] as number);
  const y = p.scaled * (POW10[s - p.scale] as number);
  // a product of integers below 10^15 is exact, and so is their difference
  if (!(Math.abs(x) < 1e15 && Math.abs(y) < 1e15)) return undefined;
  return formatScaled(x - y, s);
}

/**
 * a − p for a plain decimal string `a` with more decimals than p: its head (integer
 * digits and p's number of decimals) minus p is an exact integer D at p's scale, and the
 * remaining digits t (0 < t < 1 unit of that scale) are written after it — as they are
 * when D and a lie on the same side of zero, else as their complement 1 − t with D
 * moved one unit towards zero.
 */
function longDifference(a: string, p: PreparedDecimal): string | undefined {
  if (!isDecimalString(a) || p.scaled === undefined) return undefined;
  const negative = a.charCodeAt(0) === 45; /* - */
  const point = a.indexOf('.');
  const s = p.scale;
  const tailStart = point + 1 + s;
  if (point < 0 || tailStart >= a.length || tailStart - (negative ? 2 : 1) > 15) return undefined;
  const head = scanScaled(a.slice(0, s === 0 ? point : tailStart));
  if (head === undefined || !(Math.abs(p.scaled) < 1e15)) return undefined;
  let last = a.length - 1;
  while (a.charCodeAt(last) === 48 /* 0 */) last--;
  if (last < tailStart) return formatScaled(head.value - p.scaled, s);
  const d = head.value - p.scaled;
  const sameSide = negative ? d <= 0 : d >= 0;
  const magnitude = sameSide ? Math.abs(d) : Math.abs(d) - 1;
  let tail = '';
  if (sameSide) tail = a.slice(tailStart, last + 1);
  else {
    for (let i = tailStart; i < last; i++) tail += String.fromCharCode(57 - (a.charCodeAt(i) - 48)); // 9 − digit
    tail += String.fromCharCode(58 - (a.charCodeAt(last) - 48)); // 10 − digit
  }
  const resultNegative = sameSide ? negative : !negative;
  let digits = String(magnitude);
  if (s > 0) {
    if (digits.length <= s) digits = '0'.repeat(s - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - s)}.${digits.slice(digits.length - s)}${tail}`;
  } else digits = `${digits}.${tail}`;
  return resultNegative ? `-${digits}` : digits;
}

/**
 * A plain decimal string (the grammar of {@link isDecimalLike}) or a finite number as
 * an integer times 10^-scale, when it has at most 15 digits; undefined otherwise.
 */
function scanScaled(v: string | number): { value: number; scale: number } | undefined {
  return scan(typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v) ? { value: scannedValue, scale: scannedScale } : undefined;
}

/** What the last successful {@link scan} read: the digits as an integer (with the sign), and the number of decimals. */
let scannedValue = 0;
let scannedScale = 0;

/**
 * Whether `s` is a plain decimal string of at most 15 digits; if so, its digits as an
 * integer and its number of decimals are left in {@link scannedValue} and
 * {@link scannedScale}. One pass over the characters, no regular expression and no
 * allocation (it runs on every decimal fact against every prepared threshold).
 */
function scan(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const start = i;
  let value = 0;
  let digits = 0;
  let point = -1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      // one point, with digits on both sides
      if (point >= 0 || i === start || i === n - 1) return false;
      point = i;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return false;
    value = value * 10 + d;
    digits++;
  }
  // no empty string, no leading zero before another integer digit ("007"), at most 15 digits
  if (digits === 0 || digits > 15 || (s.charCodeAt(start) === 48 && start + 1 < n && s.charCodeAt(start + 1) !== 46)) return false;
  scannedValue = start === 1 ? -value : value;
  scannedScale = point < 0 ? 0 : n - point - 1;
  return true;
}

/**
 * The sign of a − p for a plain decimal string `a` of at most 15 digits and a threshold
 * p = `scaled` · 10^-`scale`, by integer arithmetic on doubles (exact below 2^53), without
 * allocation or parsing to a double. NaN when `a` is not such a string or a scaled product
 * would pass 10^15 (the caller then compares otherwise).
 */
function scaledSign(a: string, scaled: number, scale: number): number {
  if (!scan(a)) return Number.NaN;
  return scaledSignOf(scannedValue, scannedScale, scaled, scale);
}

/**
 * The sign of a − p for a = `value` · 10^-`aScale` and p = `scaled` · 10^-`scale`, both
 * integers below 10^15, by integer arithmetic on doubles; NaN when a scaled product would
 * pass 10^15 (the caller then compares otherwise).
 */
export function scaledSignOf(value: number, aScale: number, scaled: number, scale: number): number {
  const x = value * (POW10[scale > aScale ? scale - aScale : 0] as number);
  const y = scaled * (POW10[aScale > scale ? aScale - scale : 0] as number);
  if (!(Math.abs(x) < 1e15 && Math.abs(y) < 1e15)) return Number.NaN;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Whether `s` is a plain decimal string of at most 15 digits; if so, its digits as an
 * integer go to `out[at]` and its number of decimals to `out[at + 1]`. For the boundary
 * check, which scans each decimal fact once so that no leaf has to scan it again.
 */
export function scanInto(s: string, out: number[], at: number): boolean {
  if (!scan(s)) return false;
  out[at] = scannedValue;
  out[at + 1] = scannedScale;
  return true;
}

/** The double of `value` if comparing doubles is exact for it (≤ 15 significant digits), else undefined. */
export function fastDouble(value: string | number): number | undefined {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 1e15) return value;
    const s = String(value);
    return s.length <= 15 && !s.includes('e') ? value : undefined;
  }
  return value.length <= 15 ? Number(value) : undefined;
}

/** Compares a decimal with a prepared one: negative, zero or positive. */
export function compareDecimal(a: string | number, b: PreparedDecimal): number {
  if (typeof a === 'string' && b.scaled !== undefined) {
    const sign = scaledSign(a, b.scaled, b.scale);
    if (sign === sign) return sign; // not NaN
  }
  if (b.fast !== undefined) {
    const fa = fastDouble(a);
    if (fa !== undefined) return fa < b.fast ? -1 : fa > b.fast ? 1 : 0;
    const far = farApart(Number(a), b.fast);
    if (far !== 0) return far;
  }
  return new Decimal(typeof a === 'number' ? String(a) : a).cmp(b.exact);
}

/** Compares two decimals: negative, zero or positive. */
export function compareDecimals(a: string | number, b: string | number): number {
  const fa = fastDouble(a);
  const fb = fastDouble(b);
  if (fa !== undefined && fb !== undefined) return fa < fb ? -1 : fa > fb ? 1 : 0;
  const far = farApart(Number(a), Number(b));
  if (far !== 0) return far;
  return new Decimal(typeof a === 'number' ? String(a) : a).cmp(new Decimal(typeof b === 'number' ? String(b) : b));
}

/**
 * The order of two decimals from their nearest doubles `x` and `y`, when that is
 * certain; 0 when they are too close to tell (the caller then compares exactly).
 * Each double is within 2^-53 (relative) of its decimal, so when the doubles differ by
 * more than 2^-50 · (|x| + |y|) the decimals lie in the same order.
 */
function farApart(x: number, y: number): number {
  const d = x - y;
  const bound = 8.881784197001252e-16 * (Math.abs(x) + Math.abs(y)); // 2^-50
  return d > bound ? 1 : d < -bound ? -1 : 0;
}

/**
 * a − b exactly, as a decimal string.
 *
 * Fast path: when both operands' integer digits plus the larger number of decimals s fit
 * in 15 digits, each operand times 10^s rounds to its exact scaled integer, and the
 * difference of those integers is exact. Longer plain decimals: scaled BigInts.
 * Anything else (exponent notation): decimal.js.
 */
export function decimalDifference(a: string | number, b: string | number): string {
  const sa = typeof a === 'number' ? String(a) : a;
  const sb = typeof b === 'number' ? String(b) : b;
  return fastDifference(sa, sb) ?? bigDifference(sa, sb) ?? new Decimal(sa).minus(new Decimal(sb)).toString();
}

/** a − b on scaled BigInts, for plain decimal strings of any length; undefined for anything else. */
function bigDifference(a: string, b: string): string | undefined {
  if (!PLAIN.test(a) || !PLAIN.test(b)) return undefined;
  const pa = a.indexOf('.');
  const pb = b.indexOf('.');
  const fa = pa < 0 ? 0 : a.length - pa - 1;
  const fb = pb < 0 ? 0 : b.length - pb - 1;
  const scale = fa > fb ? fa : fb;
  const ia = BigInt((pa < 0 ? a : a.slice(0, pa) + a.slice(pa + 1)) + '0'.repeat(scale - fa));
  const ib = BigInt((pb < 0 ? b : b.slice(0, pb) + b.slice(pb + 1)) + '0'.repeat(scale - fb));
  const diff = ia - ib;
  const negative = diff < 0n;
  let digits = (negative ? -diff : diff).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    let end = digits.length;
    while (end > digits.length - scale && digits.charCodeAt(end - 1) === 48 /* 0 */) end--;
    digits = end === digits.length - scale ? digits.slice(0, end) : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale, end)}`;
  }
  return negative ? `-${digits}` : digits;
}

const PLAIN = /^-?\d+(\.\d+)?$/;

function fastDifference(a: string, b: string): string | undefined {
  if (a.length > 15 || b.length > 15 || a.includes('e') || b.includes('e')) return undefined;
  const pa = a.indexOf('.');
  const pb = b.indexOf('.');
  const fa = pa < 0 ? 0 : a.length - pa - 1;
  const fb = pb < 0 ? 0 : b.length - pb - 1;
  const scale = fa > fb ? fa : fb;
  const ia = (pa < 0 ? a.length : pa) - (a.charCodeAt(0) === 45 /* - */ ? 1 : 0);
  const ib = (pb < 0 ? b.length : pb) - (b.charCodeAt(0) === 45 ? 1 : 0);
  if ((ia > ib ? ia : ib) + scale > 15) return undefined;
  // |x · 10^s| < 10^15 and its double is within 2^-52 of it (relative), so rounding gives
  // the exact scaled integer: the difference is an exact whole number of 10^-s
  const pow = POW10[scale] as number;
  return formatScaled(Math.round(Number(a) * pow) - Math.round(Number(b) * pow), scale);
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** The decimal string of `n · 10^-scale` for a safe integer `n`, without trailing zeros. */
function formatScaled(n: number, scale: number): string {
  if (n === 0) return '0';
  const negative = n < 0;
  let digits = String(negative ? -n : n);
  if (scale > 0) {
    if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
    const point = digits.length - scale;
    let end = digits.length;
    while (end > point && digits.charCodeAt(end - 1) === 48 /* 0 */) end--;
    digits = end === point ? digits.slice(0, point) : `${digits.slice(0, point)}.${digits.slice(point, end)}`;
  }
  return negative ? `-${digits}` : digits;
}
