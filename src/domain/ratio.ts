/**
 * A share or rate as an exact fraction: `numerator / denominator × scale` of non-negative
 * safe integers (a percentage of a count is `Ratio.of(count, total, 100)`). Rules compare
 * it with a decimal threshold by integer cross-multiplication, so a comparison is exact
 * however the share repeats; its decimal string (truncated after 20 decimals) is only
 * made when an explanation or a report reads it.
 */
import { Decimal, decimalString } from './decimal.js';

/** Fractional digits of a share's decimal string: far finer than any threshold, so no shown figure misleads. */
export const SHARE_DIGITS = 20;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** The largest denominator long division takes: a remainder times 10^5 stays an exact double. */
const MAX_CHUNKED_DENOMINATOR = Math.floor(MAX_SAFE / 1e5);
const MAX_DENOMINATOR_STEP_10 = Math.floor(MAX_SAFE / 1e10);

/** An exact non-negative share `numerator × scale / denominator`. Frozen; 0 / 0 is 0. */
export class Ratio {
  /** The scaled numerator (`count × scale`), a safe integer. */
  readonly scaledNumerator: number;
  /** The denominator, a safe integer (0 only with a numerator of 0). */
  readonly denominator: number;

  private constructor(scaledNumerator: number, denominator: number) {
    this.scaledNumerator = scaledNumerator;
    this.denominator = denominator;
    Object.freeze(this);
  }

  /**
   * The share `numerator / denominator × scale`, or undefined when it is not a fraction of
   * non-negative safe integers that long division can print (negative or non-integer
   * counts, numerator × scale above 2^53, a denominator above about 9 · 10^10).
   */
  static of(numerator: number, denominator: number, scale: number): Ratio | undefined {
    const n = numerator * scale;
    return isShare(n, denominator) ? new Ratio(n, denominator) : undefined;
  }

  /**
   * The sign of this share minus `threshold / 10^decimals` (−1, 0 or 1), by integer
   * cross-multiplication: `n · 10^k` against `t · d`, in BigInt only where a product
   * passes 2^53.
   */
  compareScaled(threshold: number | bigint, decimals: number): number {
    return compareShare(this.scaledNumerator, this.denominator, threshold, decimals);
  }

  /** Whether `other` is the same share, however written (`n₁ · d₂ = n₂ · d₁`, in BigInt where a product passes 2^53). */
  equals(other: Ratio): boolean {
    const left = this.scaledNumerator * other.denominator;
    const right = other.scaledNumerator * this.denominator;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left === right;
    return BigInt(this.scaledNumerator) * BigInt(other.denominator) === BigInt(other.scaledNumerator) * BigInt(this.denominator);
  }

  /**
   * The share as a decimal string: exact when it terminates within 20 decimals, else
   * truncated after 20 (a non-terminating share of counts below 10^9 lies more than
   * 10^-15 from any threshold of up to six decimals, so the shown figure never reads
   * across one). 0 / 0 is "0".
   */
  toDecimalString(): string {
    return longDivision(this.scaledNumerator, this.denominator);
  }

  /** Whether the share has more than 20 decimals, so that {@link toDecimalString} is truncated (below the share). */
  isTruncated(): boolean {
    if (this.denominator === 0) return false;
    return (BigInt(this.scaledNumerator) * 10n ** BigInt(SHARE_DIGITS)) % BigInt(this.denominator) !== 0n;
  }

  /** The decimal string: a Ratio prints, and serialises to JSON, as the figure it is. */
  toString(): string {
    return this.toDecimalString();
  }

  /** JSON of a ratio is its decimal string, as facts were before ratios. */
  toJSON(): string {
    return this.toDecimalString();
  }
}

/** Whether a scaled numerator and a denominator make a share long division can print (as {@link Ratio.of} requires). */
function isShare(scaledNumerator: number, denominator: number): boolean {
  if (!Number.isSafeInteger(scaledNumerator) || scaledNumerator < 0 || !Number.isSafeInteger(denominator) || denominator < 0 || denominator > MAX_CHUNKED_DENOMINATOR) return false;
  return denominator !== 0 || scaledNumerator === 0;
}

/**
 * The sign of the share `scaledNumerator / denominator` minus `threshold / 10^decimals`
 * (−1, 0 or 1), exact: what {@link Ratio.compareScaled} answers for a share of these parts.
 */
export function compareShare(scaledNumerator: number, denominator: number, threshold: number | bigint, decimals: number): number {
  if (denominator === 0) return threshold > 0 ? -1 : threshold < 0 ? 1 : 0;
  if (typeof threshold === 'number') {
    const left = scaledNumerator * 10 ** decimals;
    const right = threshold * denominator;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right) && Number.isSafeInteger(threshold)) return left > right ? 1 : left < right ? -1 : 0;
  }
  const l = BigInt(scaledNumerator) * 10n ** BigInt(decimals);
  const r = BigInt(threshold) * BigInt(denominator);
  return l > r ? 1 : l < r ? -1 : 0;
}

/** A decimal threshold as the integer of its digits and its number of decimals, for {@link Ratio.compareScaled}. */
export interface ScaledThreshold {
  readonly value: number | bigint;
  readonly decimals: number;
}

/**
 * A decimal threshold (any length, any sign, in plain notation once normalised by the
 * caller: "33.33333333333333333333", "-1.5", "40") as digits and decimals; a safe number
 * where the digits fit, else a BigInt.
 */
export function scaledThreshold(plain: string): ScaledThreshold {
  const negative = plain.startsWith('-');
  const body = negative ? plain.slice(1) : plain;
  const dot = body.indexOf('.');
  const digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  const decimals = dot < 0 ? 0 : body.length - dot - 1;
  const n = Number(digits);
  const value: number | bigint = Number.isSafeInteger(n) ? (negative ? -n : n) : negative ? -BigInt(digits) : BigInt(digits);
  return { value, decimals };
}

/**
 * The share `numerator / denominator × scale` as a {@link Ratio} when the counts allow,
 * else as its decimal string (decimal-string counts, or counts too large for safe integers:
 * computed with Decimal, truncated after 20 decimals). 0 / 0 is 0.
 */
export function shareOf(numerator: number | string, denominator: number | string, scale: number): Ratio | string {
  const parts = PARTS;
  if (shareInto(numerator, denominator, scale, parts, 0)) return Ratio.of(parts[0] as number, parts[1] as number, 1) as Ratio;
  return decimalShare(numerator, denominator, scale);
}

/** Scratch for {@link shareOf}: read at once after {@link shareInto} wrote it. */
const PARTS = new Float64Array(2);

/**
 * Writes the share `numerator / denominator × scale` as {@link shareOf}'s {@link Ratio}
 * would hold it — its scaled numerator at `out[at]`, its denominator at `out[at + 1]` —
 * and returns true; returns false, writing nothing, where `shareOf` gives a decimal
 * string instead. Makes no object for counts: the bulk path of a screening.
 */
export function shareInto(numerator: number | string, denominator: number | string, scale: number, out: { [i: number]: number }, at: number): boolean {
  // counts, the common case: no scaling of decimals, no intermediate objects
  if (typeof numerator === 'number' && typeof denominator === 'number' && Number.isSafeInteger(numerator) && numerator >= 0) {
    if (writeShare(numerator * scale, denominator, out, at)) return true;
  }
  const n = scaledInteger(numerator);
  const d = scaledInteger(denominator);
  // n/10^a ÷ d/10^b = n·10^b / (d·10^a)
  return n !== undefined && d !== undefined && writeShare(n.value * 10 ** d.decimals * scale, d.value * 10 ** n.decimals, out, at);
}

function writeShare(scaledNumerator: number, denominator: number, out: { [i: number]: number }, at: number): boolean {
  if (!isShare(scaledNumerator, denominator)) return false;
  out[at] = scaledNumerator;
  out[at + 1] = denominator;
  return true;
}

/** A non-negative count or plain decimal string as an integer and its decimals ("850.5" → 8505, 1), while exact in a double. */
function scaledInteger(v: number | string): { value: number; decimals: number } | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? { value: v, decimals: 0 } : undefined;
  if (v.length > 15 || !PLAIN_DECIMAL.test(v)) return undefined;
  const dot = v.indexOf('.');
  if (dot < 0) return { value: Number(v), decimals: 0 };
  return { value: Number(v.slice(0, dot) + v.slice(dot + 1)), decimals: v.length - dot - 1 };
}

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/** The share as a decimal string through Decimal, truncated after 20 decimals; 0 / 0 is "0". */
export function decimalShare(numerator: number | string, denominator: number | string, scale: number): string {
  const d = new Decimal(denominator);
  if (d.isZero()) return '0';
  const exact = new Decimal(numerator).times(scale).dividedBy(d);
  return decimalString(exact.toDecimalPlaces(SHARE_DIGITS, Decimal.ROUND_DOWN));
}

/**
 * Long division of two non-negative safe integers to at most {@link SHARE_DIGITS}
 * decimals (truncated), ten decimals a step — five for denominators above 900,719 —
 * so the remainder (below the denominator) times 10^step stays an exact integer.
 */
function longDivision(n: number, d: number): string {
  if (d === 0) return '0';
  const whole = floorDivide(n, d);
  let r = n - whole * d;
  if (r === 0) return String(whole);
  const step = d <= MAX_DENOMINATOR_STEP_10 ? 10 : 5;
  const stepScale = 10 ** step;
  let frac = '';
  for (let i = 0; i < SHARE_DIGITS && r !== 0; i += step) {
    r *= stepScale;
    const q = floorDivide(r, d);
    r -= q * d;
    const digits = String(q);
    frac += digits.length === step ? digits : '0'.repeat(step - digits.length) + digits;
  }
  let end = Math.min(frac.length, SHARE_DIGITS);
  while (frac.charCodeAt(end - 1) === 48 /* 0 */) end--;
  return `${whole}.${frac.slice(0, end)}`;
}

/** ⌊n / d⌋ for non-negative safe integers: the double quotient may round across an integer, so it is corrected by the remainder. */
function floorDivide(n: number, d: number): number {
  const q = Math.floor(n / d);
  if (q * d > n) return q - 1;
  if ((q + 1) * d <= n) return q + 1;
  return q;
}
