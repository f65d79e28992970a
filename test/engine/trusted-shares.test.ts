/**
 * A domain's trusted decider may be given exact shares beside the facts (two numbers per
 * fact of the rule set: scaled numerator, denominator), as screening does to make no Ratio
 * per share. A leaf comparing a decimal fact with a constant threshold then decides from
 * them, unread, exactly as it decides the fact's Ratio; every other leaf, and every fact
 * without a share, reads the facts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { trustedDecider } from '../../src/engine/evaluate.js';
import type { Facts } from '../../src/domain/fact-types.js';
import { Ratio } from '../../src/domain/ratio.js';
import type { CompiledRuleSet } from '../../src/engine/types.js';
import { loadTestRuleSetText } from '../support/test-domain.js';
import { runs } from '../support/runs.js';

/** A rule set of the `test` domain with one rule per leaf given, `r0`, `r1`, … */
function ruleSet(...leaves: readonly unknown[]): CompiledRuleSet {
  const rules = leaves.map((leaf, i) => ({ id: `r${i}`, title: `R${i}`, conditions: { all: [leaf] }, event: { type: `r${i}` } }));
  const loaded = loadTestRuleSetText(
    JSON.stringify({ id: 'shares', domain: 'test', title: 'Andele', effective: { from: '2020-01-01' }, source: { reference: 'Testkilde' }, rules }),
    '2020-01-01.json',
  );
  if (!loaded.ok) throw new Error(`does not load: ${JSON.stringify(loaded.errors)}`);
  return loaded.value;
}

/** Shares for `rs` with `parts` at the slot of each named fact, NaN elsewhere. */
function sharesFor(rs: CompiledRuleSet, parts: Readonly<Record<string, readonly [number, number]>>): Float64Array {
  const out = new Float64Array(2 * rs.facts.length).fill(Number.NaN);
  for (const [fact, [n, d]] of Object.entries(parts)) {
    const slot = rs.facts.indexOf(fact);
    if (slot < 0) throw new Error(`the rule set reads no ${fact}`);
    out[2 * slot] = n;
    out[2 * slot + 1] = d;
  }
  return out;
}

/** Facts whose `name` counts its reads. */
function counted(name: string, value: unknown, rest: Record<string, unknown> = {}): { facts: Facts; reads: () => number } {
  let reads = 0;
  const facts = { ...rest };
  Object.defineProperty(facts, name, {
    enumerable: true,
    get: () => {
      reads++;
      return value;
    },
  });
  return { facts: facts as Facts, reads: () => reads };
}

describe('a trusted decider given shares', () => {
  const rs = ruleSet(
    { fact: 'ledighedPct', operator: 'decimalGreaterThan', value: '40' },
    { fact: 'grundskolePct', operator: 'decimalGreaterThan', value: { fact: 'indkomstPct' } },
  );
  const decider = trustedDecider(rs);

  it('decides a leaf with a constant threshold from the share, without reading the fact', () => {
    // the share says 41 %, the fact (never read) says 10 %
    const ledighed = counted('ledighedPct', '10', { grundskolePct: '1', indkomstPct: '2' });
    expect(decider.decide(ledighed.facts, sharesFor(rs, { ledighedPct: [4100, 100] }))[0]).toBe(true);
    expect(ledighed.reads()).toBe(0);
    expect(decider.decide(ledighed.facts, sharesFor(rs, { ledighedPct: [4000, 100] }))[0]).toBe(false);
    expect(ledighed.reads()).toBe(0);
  });

  it('reads the fact where the share is NaN, and where no shares are given', () => {
    const ledighed = counted('ledighedPct', '45', { grundskolePct: '1', indkomstPct: '2' });
    expect(decider.decide(ledighed.facts, sharesFor(rs, {}))[0]).toBe(true);
    expect(ledighed.reads()).toBe(1);
    expect(decider.decide(ledighed.facts)[0]).toBe(true);
    expect(ledighed.reads()).toBe(2);
    // a missing fact with no share is unknown
    expect(decider.decide({ grundskolePct: '1', indkomstPct: '2' }, sharesFor(rs, {}))[0]).toBeNull();
  });

  it('reads the facts for a threshold that is another fact, whatever the shares say', () => {
    const grundskole = counted('grundskolePct', '3', { ledighedPct: '1', indkomstPct: '2' });
    expect(decider.decide(grundskole.facts, sharesFor(rs, { grundskolePct: [100, 100], indkomstPct: [300, 100] }))[1]).toBe(true);
    expect(grundskole.reads()).toBe(1);
  });

  it('decides 0 / 0 as 0', () => {
    const facts = { grundskolePct: '1', indkomstPct: '2' };
    expect(decider.decide(facts, sharesFor(rs, { ledighedPct: [0, 0] }))[0]).toBe(false);
    const negative = ruleSet({ fact: 'ledighedPct', operator: 'decimalGreaterThan', value: '-0.5' });
    expect(trustedDecider(negative).decide({}, sharesFor(negative, { ledighedPct: [0, 0] }))[0]).toBe(true);
  });

  it('decides every share as its Ratio does, and as Decimal, for every ordered operator and any threshold', () => {
    const operators = ['decimalGreaterThan', 'decimalGreaterThanInclusive', 'decimalLessThan', 'decimalLessThanInclusive'] as const;
    const holds: Record<(typeof operators)[number], (c: number) => boolean> = {
      decimalGreaterThan: (c) => c > 0,
      decimalGreaterThanInclusive: (c) => c >= 0,
      decimalLessThan: (c) => c < 0,
      decimalLessThanInclusive: (c) => c <= 0,
    };
    const threshold = fc.tuple(fc.integer({ min: -5_000_000, max: 50_000_000 }), fc.nat(8));
    const count = fc.oneof(fc.nat(1_000), fc.nat(100_000_000));
    fc.assert(
      fc.property(count, count, fc.constantFrom(1, 100, 1000), fc.constantFrom(...operators), threshold, (a, b, scale, operator, [digits, decimals]) => {
        const [n, d] = a <= b ? [a, b] : [b, a];
        const ratio = Ratio.of(n, d, scale);
        fc.pre(ratio !== undefined);
        const one = ruleSet({ fact: 'ledighedPct', operator, value: new Decimal(digits).div(10 ** decimals).toFixed() });
        const deciderOne = trustedDecider(one);
        const fromShares = deciderOne.decide({}, sharesFor(one, { ledighedPct: [(ratio as Ratio).scaledNumerator, (ratio as Ratio).denominator] }))[0];
        expect(fromShares).toBe(deciderOne.decide({ ledighedPct: ratio })[0]);
        // n·scale / d against digits / 10^decimals, in integers (0 / 0 is 0)
        const left = BigInt(n * scale) * 10n ** BigInt(decimals);
        const right = BigInt(digits) * BigInt(d);
        const c = d === 0 ? -Math.sign(digits) : left > right ? 1 : left < right ? -1 : 0;
        expect(fromShares).toBe(holds[operator](c));
      }),
      { numRuns: runs(150) },
    );
  });
});
