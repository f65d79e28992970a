/**
 * The exact arithmetic under the budget tables and its controlled rounding, at their
 * edges: rationals keep a positive denominator and lowest terms whatever the signs, parse
 * plain decimals (strings and Decimals, negative too) and refuse anything else; floor,
 * ceil, compare and half-even toFixed are right for negative, zero and whole values; the
 * field laws hold over random fractions (checked by cross-multiplication, independent of
 * the implementation). `roundCirculation` starts from nearest-øre rounding (half up),
 * moves øre along the first shortest chain, and tells its two kinds of unbalanced input
 * apart. Every expected value is worked out by hand in the comments.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/decimal.js';
import {
  add,
  ceil,
  compare,
  div,
  fixedFromScaled,
  floor,
  isInteger,
  mul,
  oereToKroner,
  type Rational,
  rational,
  rationalFromDecimal,
  sub,
  sum,
  toFixed,
} from '../../src/financing/rational.js';
import { type FlowEdge, roundCirculation } from '../../src/financing/rounding.js';
import { runs } from '../support/runs.js';

const r = (n: bigint, d = 1n): { n: bigint; d: bigint } => ({ n, d });
function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
/** `q` is the fraction `n/d` (d ≠ 0), in lowest terms with a positive denominator. */
function expectIs(q: Rational, n: bigint, d: bigint): void {
  expect(q.d > 0n).toBe(true);
  expect(gcd(q.n, q.d)).toBe(1n);
  expect(q.n * d).toBe(n * q.d);
}

describe('rational: signs, zero and lowest terms', () => {
  it('moves a negative denominator’s sign to the numerator', () => {
    expect(rational(4n, -2n)).toEqual(r(-2n));
    expect(rational(1n, -2n)).toEqual(r(-1n, 2n));
    expect(rational(-6n, -4n)).toEqual(r(3n, 2n));
    expect(rational(-3n, 6n)).toEqual(r(-1n, 2n));
    expect(rational(0n, -5n)).toEqual(r(0n));
  });
  it('reduces and defaults the denominator to 1', () => {
    expect(rational(6n, 4n)).toEqual(r(3n, 2n));
    expect(rational(0n, 7n)).toEqual(r(0n));
    expect(rational(5n)).toEqual(r(5n));
    expect(Object.isFrozen(rational(1n, 3n))).toBe(true);
  });
  it('refuses a zero denominator, in rational and in div', () => {
    expect(() => rational(1n, 0n)).toThrow(new RangeError('rational: division by zero'));
    expect(() => div(rational(1n), rational(0n))).toThrow(RangeError);
  });
});

describe('rationalFromDecimal', () => {
  it('reads negative decimals with their sign', () => {
    expect(rationalFromDecimal('-1.5')).toEqual(r(-3n, 2n));
    expect(rationalFromDecimal('-0.05')).toEqual(r(-1n, 20n));
    expect(rationalFromDecimal('-7')).toEqual(r(-7n));
    expect(rationalFromDecimal('12000000.00')).toEqual(r(12000000n));
  });
  it('reads a Decimal by its plain digits, also where its string form is exponential', () => {
    expect(rationalFromDecimal(new Decimal('0.125'))).toEqual(r(1n, 8n));
    expect(rationalFromDecimal(new Decimal('1e-7'))).toEqual(r(1n, 10_000_000n));
    expect(rationalFromDecimal(new Decimal('-2.5'))).toEqual(r(-5n, 2n));
  });
  it('refuses anything but a plain decimal, with a RangeError naming it', () => {
    for (const text of ['1e5', 'x1.5', '1.5x', '', '.5', '1.', '+1', '1,5']) {
      expect(() => rationalFromDecimal(text)).toThrow(new RangeError(`not a plain decimal: ${text}`));
    }
  });
});

describe('arithmetic, floor, ceil, compare', () => {
  it('computes exactly', () => {
    expect(div(rational(1n, 2n), rational(1n, 3n))).toEqual(r(3n, 2n));
    expect(div(rational(3n), rational(-4n))).toEqual(r(-3n, 4n));
    expect(sub(rational(1n, 3n), rational(1n, 2n))).toEqual(r(-1n, 6n));
    expect(add(rational(1n, 6n), rational(1n, 3n))).toEqual(r(1n, 2n));
    expect(mul(rational(-2n, 3n), rational(3n, 4n))).toEqual(r(-1n, 2n));
    expect(sum([])).toEqual(r(0n));
    expect(sum([rational(1n, 2n), rational(1n, 3n), rational(1n, 6n)])).toEqual(r(1n));
  });
  it('floors and ceils negative, whole and zero values', () => {
    expect(floor(rational(-4n))).toBe(-4n);
    expect(floor(rational(-7n, 2n))).toBe(-4n);
    expect(floor(rational(-1n, 3n))).toBe(-1n);
    expect(floor(rational(0n))).toBe(0n);
    expect(floor(rational(7n, 2n))).toBe(3n);
    expect(ceil(rational(-7n, 2n))).toBe(-3n);
    expect(ceil(rational(-4n))).toBe(-4n);
    expect(ceil(rational(4n))).toBe(4n);
    expect(ceil(rational(1n, 3n))).toBe(1n);
    expect(ceil(rational(0n))).toBe(0n);
  });
  it('knows whole numbers', () => {
    expect(isInteger(rational(4n, 2n))).toBe(true);
    expect(isInteger(rational(0n))).toBe(true);
    expect(isInteger(rational(-3n))).toBe(true);
    expect(isInteger(rational(1n, 2n))).toBe(false);
  });
  it('compares both ways and equal', () => {
    expect(compare(rational(2n), rational(1n))).toBe(1);
    expect(compare(rational(1n), rational(2n))).toBe(-1);
    expect(compare(rational(1n, 2n), rational(2n, 4n))).toBe(0);
    expect(compare(rational(-1n, 2n), rational(-1n, 3n))).toBe(-1);
  });
});

describe('toFixed and fixedFromScaled', () => {
  it('rounds half to even, also above zero decimals and below zero', () => {
    expect(toFixed(rational(25n, 1000n), 2)).toBe('0.02'); // 0.025 → 0.02 (2 is even)
    expect(toFixed(rational(35n, 1000n), 2)).toBe('0.04'); // 0.035 → 0.04
    expect(toFixed(rational(-25n, 1000n), 2)).toBe('-0.02');
    expect(toFixed(rational(-1n, 3n), 2)).toBe('-0.33');
    expect(toFixed(rational(-2n, 3n), 2)).toBe('-0.67');
    expect(toFixed(rational(5n, 2n), 0)).toBe('2');
    expect(toFixed(rational(7n, 2n), 0)).toBe('4');
    expect(toFixed(rational(1n, 8n), 6)).toBe('0.125000');
  });
  it('writes units with the sign in front and the decimals padded', () => {
    expect(fixedFromScaled(-5n, 2)).toBe('-0.05');
    expect(fixedFromScaled(123n, 0)).toBe('123');
    expect(fixedFromScaled(-123n, 0)).toBe('-123');
    expect(fixedFromScaled(5n, 3)).toBe('0.005');
    expect(fixedFromScaled(0n, 2)).toBe('0.00');
    expect(oereToKroner(-123456n)).toBe('-1234.56');
    expect(oereToKroner(7n)).toBe('0.07');
  });
});

const ratArb = fc.record({ n: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), d: fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }).filter((d) => d !== 0n) });

describe('field laws over random fractions (either sign in numerator and denominator)', () => {
  it('rational, add, sub, mul, div and compare agree with cross-multiplication', () => {
    fc.assert(
      fc.property(ratArb, ratArb, (x, y) => {
        const a = rational(x.n, x.d);
        const b = rational(y.n, y.d);
        expectIs(a, x.n, x.d);
        expectIs(add(a, b), x.n * y.d + y.n * x.d, x.d * y.d);
        expectIs(sub(a, b), x.n * y.d - y.n * x.d, x.d * y.d);
        expectIs(mul(a, b), x.n * y.n, x.d * y.d);
        if (y.n !== 0n) expectIs(div(a, b), x.n * y.d, x.d * y.n);
        expect(sub(add(a, b), b)).toEqual(a);
        const lhs = x.n * y.d * (x.d * y.d > 0n ? 1n : -1n);
        const rhs = y.n * x.d * (x.d * y.d > 0n ? 1n : -1n);
        expect(compare(a, b)).toBe(lhs < rhs ? -1 : lhs > rhs ? 1 : 0);
        expect(compare(b, a) + compare(a, b)).toBe(0);
        expect(compare(a, rational(-x.n, -x.d))).toBe(0);
      }),
      { numRuns: runs(500) },
    );
  });
  it('floor ≤ a < floor + 1, ceil is floor or floor + 1, and toFixed is within half a unit', () => {
    fc.assert(
      fc.property(ratArb, fc.integer({ min: 0, max: 6 }), (x, decimals) => {
        const a = rational(x.n, x.d);
        const f = floor(a);
        expect(f * a.d <= a.n && a.n < (f + 1n) * a.d).toBe(true);
        expect(ceil(a)).toBe(isInteger(a) ? f : f + 1n);
        const text = toFixed(a, decimals);
        const shown = rationalFromDecimal(text);
        const diff = sub(shown, a);
        const half = rational(1n, 2n * 10n ** BigInt(decimals));
        expect(compare(diff, half) <= 0 && compare(diff, rational(-half.n, half.d)) >= 0).toBe(true);
        expect(text.split('.')[1]?.length ?? 0).toBe(decimals);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('roundCirculation', () => {
  it('starts from the nearest øre, half up, and keeps a rounding that already balances', () => {
    // a two-edge cycle of ½ øre each: both round up to 1 and balance, so nothing moves
    expect(roundCirculation(2, [{ from: 0, to: 1, value: rational(1n, 2n) }, { from: 1, to: 0, value: rational(1n, 2n) }])).toEqual([1n, 1n]);
    expect(roundCirculation(2, [{ from: 0, to: 1, value: rational(5n, 2n) }, { from: 1, to: 0, value: rational(5n, 2n) }])).toEqual([3n, 3n]);
    expect(roundCirculation(2, [{ from: 0, to: 1, value: rational(2n, 5n) }, { from: 1, to: 0, value: rational(2n, 5n) }])).toEqual([0n, 0n]);
  });
  it('moves the missing øre along the first shortest chain, in edge order', () => {
    // 1 øre split in three: every third rounds to 0, node 0 has 1 øre too much and node 1
    // 1 too little; breadth-first from 0 reaches node 2 first (edge 1), then node 1 (edge 4)
    const third = rational(1n, 3n);
    const edges: FlowEdge[] = [
      { from: 1, to: 0, value: rational(1n) },
      { from: 0, to: 2, value: third },
      { from: 0, to: 3, value: third },
      { from: 0, to: 4, value: third },
      { from: 2, to: 1, value: third },
      { from: 3, to: 1, value: third },
      { from: 4, to: 1, value: third },
    ];
    expect(roundCirculation(5, edges)).toEqual([1n, 1n, 0n, 0n, 1n, 0n, 0n]);
  });
  it('refuses a negative value', () => {
    expect(() => roundCirculation(2, [{ from: 0, to: 1, value: rational(-1n) }, { from: 1, to: 0, value: rational(-1n) }])).toThrow(new Error('roundCirculation: negative edge value'));
  });
  it('an imbalance larger than the number of edges is refused at once, at a node with too much or too little', () => {
    const message = /^roundCirculation: exact values do not balance$/;
    // three edges of 2 øre into node 3: +6 there, −2 at each tail
    const into: FlowEdge[] = [0, 1, 2].map((i) => ({ from: i, to: 3, value: rational(2n) }));
    expect(() => roundCirculation(4, into)).toThrow(message);
    const out: FlowEdge[] = [0, 1, 2].map((i) => ({ from: 3, to: i, value: rational(2n) }));
    expect(() => roundCirculation(4, out)).toThrow(message);
  });
  it('a small imbalance is looked for a chain for, and refused when none exists', () => {
    // one whole edge of 1 øre: imbalance ±1, no larger than the edge count, but no room to move
    expect(() => roundCirculation(2, [{ from: 0, to: 1, value: rational(1n) }])).toThrow(
      /^roundCirculation: no integral rounding found \(exact values do not balance\)$/,
    );
  });
});
