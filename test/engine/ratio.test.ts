/**
 * Exact shares: a Ratio compares with a decimal threshold exactly (against decimal.js,
 * small counts and counts past 2^53 in the product), prints as the share truncated after
 * 20 decimals, and a rule decides and explains a Ratio fact as it does the same share
 * given as its decimal string — except where truncation would hide that the share is
 * above the threshold, where only the Ratio is right.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/decimal.js';
import { decimalShare, Ratio, shareOf } from '../../src/domain/ratio.js';
import { decideRuleSet, evaluateRuleSet } from '../../src/engine/evaluate.js';
import { bundledRegistry } from '../../src/shipped.js';
import { deriveRegistry } from '../../src/rules/derive.js';
import { SHIPPED_DOMAINS } from '../../src/index.js';
import { runs } from '../support/runs.js';

const count = fc.oneof(fc.nat(1_000), fc.nat(10_000_000), fc.nat(2 ** 40));
const scale = fc.constantFrom(1, 100, 1000);
/** A threshold as an integer and its decimals (up to 6). */
const threshold = fc.tuple(fc.oneof(fc.nat(1_000), fc.nat(2 ** 50)), fc.nat(6));

describe('Ratio', () => {
  it('compares with a threshold exactly, by cross-multiplication', () => {
    fc.assert(
      fc.property(count, count, scale, threshold, (n, d, k, [t, decimals]) => {
        const r = Ratio.of(n, d, k);
        fc.pre(r !== undefined);
        const exact = d === 0 ? new Decimal(0) : new Decimal(n).times(k).dividedBy(d);
        expect(r.compareScaled(t, decimals)).toBe(exact.comparedTo(new Decimal(t).dividedBy(new Decimal(10).pow(decimals))));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('prints as the share truncated after 20 decimals, and serialises as that string', () => {
    fc.assert(
      fc.property(count, count, scale, (n, d, k) => {
        const r = Ratio.of(n, d, k);
        fc.pre(r !== undefined);
        expect(r.toDecimalString()).toBe(decimalShare(n, d, k));
        expect(String(r)).toBe(r.toDecimalString());
        expect(JSON.stringify({ r })).toBe(JSON.stringify({ r: r.toDecimalString() }));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('equals another share exactly when decimal.js finds the two equal, however written (products past 2^53 too)', () => {
    fc.assert(
      fc.property(count, count, scale, count, count, scale, fc.nat(1_000), (n1, d1, k1, n2, d2, k2, m) => {
        const a = Ratio.of(n1, d1, k1);
        // the same share in other terms as often as another one
        const b = m % 2 === 0 ? Ratio.of(n1 * (m + 1), d1 * (m + 1), k1) : Ratio.of(n2, d2, k2);
        fc.pre(a !== undefined && b !== undefined);
        const value = (r: Ratio) => (r.denominator === 0 ? new Decimal(0) : new Decimal(r.scaledNumerator).dividedBy(r.denominator));
        expect(a.equals(b)).toBe(value(a).equals(value(b)));
        expect(b.equals(a)).toBe(a.equals(b));
      }),
      { numRuns: runs(2000) },
    );
    // 2^51 · 6 and 2^52 · 3 pass 2^53
    const big = Ratio.of(2 ** 51, 3, 1) as Ratio;
    expect(big.equals(Ratio.of(2 ** 52, 6, 1) as Ratio)).toBe(true);
    expect(big.equals(Ratio.of(2 ** 52 + 2, 6, 1) as Ratio)).toBe(false);
  });

  it('is made from decimal-string amounts too, with the same figure as decimal.js', () => {
    const amount = fc.tuple(fc.nat(1_000_000), fc.nat(99)).map(([whole, cents]) => (cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`));
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const s = shareOf(a, b, 1);
        expect(String(s)).toBe(decimalShare(a, b, 1));
        if (new Decimal(b).gt(0)) expect(s).toBeInstanceOf(Ratio);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('is refused where it cannot be exact: negative, fractional, or beyond safe integers', () => {
    expect(Ratio.of(-1, 10, 100)).toBeUndefined();
    expect(Ratio.of(1.005, 10, 100)).toBeUndefined();
    expect(Ratio.of(2 ** 52, 10, 100)).toBeUndefined();
    expect(Ratio.of(1, 0, 100)).toBeUndefined();
    expect(shareOf(2 ** 52, 3, 100)).toBe(decimalShare(2 ** 52, 3, 100));
    expect(Object.isFrozen(Ratio.of(1, 3, 100))).toBe(true);
  });
});

describe('a rule on a Ratio fact', () => {
  const ruleSet = bundledRegistry().inForce('screening', '2024-12-01');
  const facts = (flyttefrekvensPct: unknown) => ({ flyttefrekvensPct }) as Parameters<typeof evaluateRuleSet>[1];

  it('decides and explains as the same share given as its decimal string', () => {
    fc.assert(
      fc.property(fc.nat(2_000), fc.integer({ min: 1, max: 2_000 }), (n, d) => {
        const r = Ratio.of(n, d, 100) as Ratio;
        const text = r.toDecimalString();
        expect(decideRuleSet(ruleSet, facts(r)).outcomes).toEqual(decideRuleSet(ruleSet, facts(text)).outcomes);
        expect(evaluateRuleSet(ruleSet, facts(r))).toEqual(evaluateRuleSet(ruleSet, facts(text)));
      }),
      { numRuns: runs(300) },
    );
  });

  it('is above a threshold that only its 20-decimal figure reaches, in the decision and in the explanation', () => {
    // 100/3 printed to 20 decimals is a hair below the exact share: a threshold equal to the print is exceeded
    const r = Ratio.of(1, 3, 100) as Ratio;
    const printed = r.toDecimalString();
    expect(printed).toBe('33.33333333333333333333');
    const derived = deriveRegistry(bundledRegistry(), [{ ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', value: printed }], { domains: SHIPPED_DOMAINS });
    if (!derived.ok) throw new Error(derived.errors.map((e) => e.message).join('; '));
    const strict = derived.value.inForce('screening', '2024-12-01');
    expect(decideRuleSet(strict, facts(r)).outcomes['indikator-hoej-flyttefrekvens']).toBe(true);
    expect(decideRuleSet(strict, facts(printed)).outcomes['indikator-hoej-flyttefrekvens']).toBe(false);
    expect(evaluateRuleSet(strict, facts(r)).outcomes['indikator-hoej-flyttefrekvens']).toBe(true);
    // one more digit in the threshold, and the exact share is below it
    const above = deriveRegistry(bundledRegistry(), [{ ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', value: `${printed}4` }], { domains: SHIPPED_DOMAINS });
    if (!above.ok) throw new Error(above.errors.map((e) => e.message).join('; '));
    expect(decideRuleSet(above.value.inForce('screening', '2024-12-01'), facts(r)).outcomes['indikator-hoej-flyttefrekvens']).toBe(false);
  });

  it('is rejected for a number fact, as a string would be', () => {
    expect(() => decideRuleSet(ruleSet, { standBygninger: Ratio.of(4, 1, 1) } as Parameters<typeof decideRuleSet>[1])).toThrow(expect.objectContaining({ code: 'fact-type' }));
  });
});
