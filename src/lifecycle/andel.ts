/**
 * An exact share for results: a fraction in lowest terms written as decimal-string
 * numerator and denominator, and its decimal form — exact when the fraction terminates,
 * otherwise rounded half-even and marked so. Computed on exact rationals, never floats.
 */
import { mul, rational, toFixed, type Rational } from '../financing/rational.js';

/** Decimals of a non-terminating share's rounded decimal form. */
export const ANDEL_DECIMALER = 6;

/** An exact share, JSON-ready: `taeller / naevner` in lowest terms, `naevner` > 0. */
export interface Andel {
  readonly taeller: string;
  readonly naevner: string;
  /** The decimal form: exact when `eksakt`, else rounded half-even to {@link ANDEL_DECIMALER} decimals. */
  readonly decimal: string;
  readonly eksakt: boolean;
}

/** The number of decimals `r` needs when it terminates (its denominator has no prime factor but 2 and 5), else undefined. */
function terminatingDecimals(r: Rational): number | undefined {
  let d = r.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : undefined;
}

/** The {@link Andel} of an exact rational. */
export function andelOf(r: Rational): Andel {
  const decimals = terminatingDecimals(r);
  return Object.freeze({
    taeller: r.n.toString(),
    naevner: r.d.toString(),
    decimal: toFixed(r, decimals ?? ANDEL_DECIMALER),
    eksakt: decimals !== undefined,
  });
}

/** The exact rational an {@link Andel} stands for. */
export function rationalOf(a: Andel): Rational {
  return rational(BigInt(a.taeller), BigInt(a.naevner));
}

/** The share in percent, rounded half-even once from the exact fraction to `decimals` places ("37.5"). */
export function procentOf(a: Andel, decimals = 1): string {
  return toFixed(mul(rationalOf(a), rational(100n)), decimals);
}
