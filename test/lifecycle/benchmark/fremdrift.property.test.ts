/**
 * The laws of progress, for every baseline, target and value, in both directions:
 * 0 at the baseline, 1 at the target, and monotone in between and beyond — a value that
 * is better in the indicator's direction never has less progress.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, fixedFromScaled, rationalFromDecimal } from '../../../src/financing/rational.js';
import { rationalOf } from '../../../src/lifecycle/andel.js';
import { indikatorFremdrift } from '../../../src/lifecycle/benchmark/indikator.js';
import { runs } from '../../support/runs.js';

/** A decimal string with 0–4 decimals between −10 000 and 10 000. */
const decimal = fc.tuple(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, k]) => fixedFromScaled(BigInt(n), k));
const positive = fc.tuple(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, k]) => fixedFromScaled(BigInt(n), k));
const retning = fc.constantFrom('op' as const, 'ned' as const);

/** An indicator whose target lies on the better side of its baseline. */
const indicator = fc.tuple(decimal, positive, retning).map(([baseline, span, r]) => {
  const b = rationalFromDecimal(baseline);
  const s = rationalFromDecimal(span);
  // target = baseline ± span, written as a plain decimal with enough places
  const scale = 10n ** 4n;
  const t = r === 'op' ? b.n * scale * s.d + s.n * scale * b.d : b.n * scale * s.d - s.n * scale * b.d;
  const maal = fixedFromScaled(t / (b.d * s.d), 4);
  return { baseline, maal, retning: r };
});

const progress = (ind: { baseline: string; maal: string; retning: 'op' | 'ned' }, v: string) => {
  const p = indikatorFremdrift(ind, v);
  if (p.fremdrift === null || p.fremdriftUcappet === null) throw new Error(`unknown progress for ${JSON.stringify(ind)} at ${v}`);
  return { capped: rationalOf(p.fremdrift), raw: rationalOf(p.fremdriftUcappet), naaet: p.naaet };
};

describe('progress laws (fast-check)', () => {
  it('is exactly 0 at the baseline and exactly 1 at the target, in both directions', () => {
    fc.assert(
      fc.property(indicator, (ind) => {
        const atBaseline = progress(ind, ind.baseline);
        expect(atBaseline.raw).toEqual({ n: 0n, d: 1n });
        expect(atBaseline.naaet).toBe(false);
        const atTarget = progress(ind, ind.maal);
        expect(atTarget.raw).toEqual({ n: 1n, d: 1n });
        expect(atTarget.capped).toEqual({ n: 1n, d: 1n });
        expect(atTarget.naaet).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });

  it('is monotone in the indicator direction: a better value never has less progress, a strictly better one more (uncapped)', () => {
    fc.assert(
      fc.property(indicator, decimal, decimal, (ind, x, y) => {
        const c = compare(rationalFromDecimal(x), rationalFromDecimal(y));
        // > 0: x is better than y (`0 - c`, not `-c`: equal values compare as +0, never as -0)
        const better = ind.retning === 'op' ? c : 0 - c;
        const px = progress(ind, x);
        const py = progress(ind, y);
        const raw = compare(px.raw, py.raw);
        expect(Math.sign(raw)).toBe(Math.sign(better));
        if (better >= 0) expect(compare(px.capped, py.capped)).toBeGreaterThanOrEqual(0);
        else expect(compare(px.capped, py.capped)).toBeLessThanOrEqual(0);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('lies between 0 and 1 for a value between baseline and target, and is capped at 1 past the target', () => {
    fc.assert(
      fc.property(indicator, decimal, (ind, v) => {
        const p = progress(ind, v);
        const lo = rationalFromDecimal(ind.retning === 'op' ? ind.baseline : ind.maal);
        const hi = rationalFromDecimal(ind.retning === 'op' ? ind.maal : ind.baseline);
        const value = rationalFromDecimal(v);
        const between = compare(lo, value) <= 0 && compare(value, hi) <= 0;
        if (between) {
          expect(compare(p.raw, { n: 0n, d: 1n })).toBeGreaterThanOrEqual(0);
          expect(compare(p.raw, { n: 1n, d: 1n })).toBeLessThanOrEqual(0);
        }
        expect(compare(p.capped, { n: 1n, d: 1n })).toBeLessThanOrEqual(0);
        expect(p.naaet).toBe(compare(p.raw, { n: 1n, d: 1n }) >= 0);
      }),
      { numRuns: runs(500) },
    );
  });
});
