import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afdelingSchema, type Afdeling } from '../../src/domain/afdeling.js';
import { Decimal } from '../../src/domain/decimal.js';
import { compareDecimals } from '../../src/engine/decimal-compare.js';
import { periodFacts, share } from '../../src/screening/facts.js';
import { normaliseStatus } from '../../src/screening/status.js';
import { afdeling, roligPeriode } from './helpers.js';
import { runs } from '../support/runs.js';

const parse = (a: unknown) => afdelingSchema.parse(a) as Afdeling;

describe('share', () => {
  it('is exact when the share terminates', () => {
    expect(share(1, 8, 100)).toBe('12.5');
    expect(share(30, 100, 100)).toBe('30');
    expect(share(3, 1000, 1000)).toBe('3');
    expect(share(0, 0, 100)).toBe('0');
    expect(share('1150', '1000', 1)).toBe('1.15');
  });

  it('truncates a repeating share without changing any comparison with a threshold of up to 4 decimals', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 10_000_000 }), (n, d, t4) => {
        const exact = new Decimal(n).times(100).dividedBy(d);
        const threshold = new Decimal(t4).dividedBy(10_000);
        const s = new Decimal(share(n, d, 100));
        expect(s.comparedTo(threshold)).toBe(exact.comparedTo(threshold));
        // and it never exceeds the exact value by a hair
        expect(s.lessThanOrEqualTo(exact)).toBe(true);
      }),
    );
  });

  it('is the exact share truncated to 20 decimals, for counts of every size', () => {
    const count = fc.oneof(fc.nat(1_000), fc.nat(10_000_000), fc.maxSafeNat());
    fc.assert(
      fc.property(count, count, fc.constantFrom(1, 100, 1000), (n, d, scale) => {
        const expected = d === 0 ? '0' : new Decimal(n).times(scale).dividedBy(d).toDecimalPlaces(20, Decimal.ROUND_DOWN).toString();
        expect(share(n, d, scale)).toBe(expected);
      }),
      { numRuns: runs(20_000) },
    );
  });

  it('agrees with Decimal for decimal amounts', () => {
    expect(share('1234.5', '1000', 1)).toBe('1.2345');
    expect(share('1000', '3000', 1)).toBe('0.33333333333333333333');
  });
});

describe('periodFacts', () => {
  it('computes every share from counts', () => {
    const a = parse(afdeling([roligPeriode('2024-12-01', { fraflytninger: 31, tryghedUtrygge: 11 })]));
    const { facts, missing } = periodFacts(a, a.perioder[0]!);
    expect(facts.flyttefrekvensPct).toBe('15.5');
    expect(facts.utrygPct).toBe('22');
    expect(facts.voldPr1000Beboere).toBe('2.5');
    expect(facts.haervaerkPr100Lejemaal).toBe('1');
    expect(facts.huslejeIndeks).toBe('1');
    expect(facts.saarbareIsoleredeHusstande).toBe(4);
    expect(facts.boligomraadeStatus).toEqual([]);
    expect(missing).toEqual({});
  });

  it('leaves a fact missing, naming the figures behind it, when a count is missing', () => {
    const a = parse(afdeling([roligPeriode('2024-12-01', { voksne18til64: null, voldHaendelser: undefined })]));
    const { facts, missing } = periodFacts(a, a.perioder[0]!);
    expect(facts.overfoerselsindkomstPct).toBeUndefined();
    expect(facts.kontanthjaelpPct).toBeUndefined();
    expect(facts.voldPr1000Beboere).toBeUndefined();
    expect(missing.overfoerselsindkomstPct).toEqual(['beboere 18–64 år']);
    expect(missing.voldPr1000Beboere).toEqual(['registrerede voldshændelser i perioden']);
  });

  it('makes utryghed unknown when the tryghedsundersøgelse has too few answers', () => {
    const a = parse(afdeling([roligPeriode('2024-12-01', { tryghedRespondenter: 19, tryghedUtrygge: 10 })]));
    const few = periodFacts(a, a.perioder[0]!, { minTryghedRespondenter: 20 });
    expect(few.facts.utrygPct).toBeUndefined();
    expect(few.missing.utrygPct?.[0]).toMatch(/kun 19 besvarelser \(mindst 20 kræves\)/);
    const enough = periodFacts(a, a.perioder[0]!, { minTryghedRespondenter: 19 });
    expect(enough.facts.utrygPct).toBe('52.63157894736842105263');
  });

  it('knows the status of an afdeling in no boligområde, and not of one in an unclassified boligområde', () => {
    const none = parse(afdeling([roligPeriode('2024-12-01')]));
    expect(periodFacts(none, none.perioder[0]!).facts.boligomraadeStatus).toEqual([]);
    const inArea = parse(afdeling([roligPeriode('2024-12-01')], { boligomraade: 'Nordparken' }));
    const pf = periodFacts(inArea, inArea.perioder[0]!);
    expect(pf.facts.boligomraadeStatus).toBeUndefined();
    expect(pf.missing.boligomraadeStatus?.[0]).toMatch(/Nordparken/);
    const given = periodFacts(inArea, inArea.perioder[0]!, { boligomraadeStatus: ['Hårdt ghettoområde'] });
    expect(given.facts.boligomraadeStatus).toEqual(['haardt-ghettoomraade']);
  });

  it('normalises a frozen status list once, and a list that can change afresh each time', () => {
    const inArea = parse(afdeling([roligPeriode('2024-12-01')], { boligomraade: 'Nordparken' }));
    const frozen = Object.freeze(['Hårdt ghettoområde', 'Udsat boligområde']);
    const first = periodFacts(inArea, inArea.perioder[0]!, { boligomraadeStatus: frozen }).facts.boligomraadeStatus;
    expect(first).toEqual(['haardt-ghettoomraade', 'udsat-boligomraade']);
    expect(Object.isFrozen(first)).toBe(true);
    expect(periodFacts(inArea, inArea.perioder[0]!, { boligomraadeStatus: frozen }).facts.boligomraadeStatus).toBe(first);
    const open = ['Udsat boligområde'];
    expect(periodFacts(inArea, inArea.perioder[0]!, { boligomraadeStatus: open }).facts.boligomraadeStatus).toEqual(['udsat-boligomraade']);
    open[0] = 'Parallelsamfund';
    expect(periodFacts(inArea, inArea.perioder[0]!, { boligomraadeStatus: open }).facts.boligomraadeStatus).toEqual(['parallelsamfund']);
  });

  it('does not mutate the afdeling', () => {
    const a = parse(afdeling([roligPeriode('2024-12-01')]));
    const before = JSON.stringify(a);
    periodFacts(a, a.perioder[0]!, { boligomraadeStatus: ['udsat'] });
    expect(JSON.stringify(a)).toBe(before);
  });
});

describe('normaliseStatus', () => {
  it('maps Danish spellings to rule ids', () => {
    expect(normaliseStatus('Udsat boligområde')).toBe('udsat-boligomraade');
    expect(normaliseStatus('udsat')).toBe('udsat-boligomraade');
    expect(normaliseStatus('Omdannelsesområde')).toBe('omdannelsesomraade');
    expect(normaliseStatus('parallelsamfund')).toBe('parallelsamfund');
    expect(normaliseStatus('forebyggelses_område')).toBe('forebyggelses-omraade');
  });
});

describe('afdelingSchema', () => {
  const issues = (a: unknown) => {
    const r = afdelingSchema.safeParse(a);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('accepts several periods and unknown figures', () => {
    expect(issues(afdeling([roligPeriode('2023-12-01'), roligPeriode('2024-12-01', { kontanthjaelp: null })]))).toEqual([]);
  });
  it('rejects a numerator above its denominator', () => {
    expect(issues(afdeling([roligPeriode('2024-12-01', { overfoerselsindkomst: 251 })]))).toEqual([
      'perioder.0.overfoerselsindkomst: 251 overstiger voksne18til64 (250): tælleren kan ikke være større end nævneren',
    ]);
    expect(issues(afdeling([roligPeriode('2024-12-01', { restancer: 201 })]))[0]).toMatch(/^perioder\.0\.restancer: 201 overstiger antal lejemål \(200\)/);
  });
  it('rejects negative and fractional counts, grades outside 1–5, impossible dates and repeated periods', () => {
    expect(issues(afdeling([roligPeriode('2024-12-01', { fraflytninger: -1 })]))).toEqual(['perioder.0.fraflytninger: må ikke være negativ']);
    expect(issues(afdeling([roligPeriode('2024-12-01', { fraflytninger: 1.5 })]))).toEqual(['perioder.0.fraflytninger: skal være et helt tal']);
    expect(issues(afdeling([roligPeriode('2024-12-01', { standBygninger: 6 })]))).toEqual(['perioder.0.standBygninger: skal være en karakter fra 1 til 5']);
    expect(issues(afdeling([roligPeriode('2024-02-30')]))[0]).toMatch(/^perioder\.0\.periode: /);
    expect(issues(afdeling([roligPeriode('2024-12-01'), roligPeriode('2024-12-01')]))).toEqual(['perioder.1.periode: perioden 2024-12-01 forekommer to gange']);
    expect(issues(afdeling([roligPeriode('2024-12-01', { huslejeReferenceKrPrM2: '0' })]))).toEqual(['perioder.0.huslejeReferenceKrPrM2: referencehuslejen skal være større end 0']);
  });
});

describe('compareDecimals, as screening uses it between periods', () => {
  it('orders non-negative decimal strings and numbers exactly like Decimal', () => {
    const dec = fc.tuple(fc.nat(100_000), fc.nat(99_999), fc.nat(5)).map(([i, f, pad]) => (f === 0 ? String(i) : `${i}.${String(f).padStart(5, '0')}${'0'.repeat(pad)}`));
    fc.assert(
      fc.property(fc.oneof(dec, fc.nat(1000)), fc.oneof(dec, fc.nat(1000)), (a, b) => {
        expect(compareDecimals(a, b)).toBe(new Decimal(a).comparedTo(new Decimal(b)));
      }),
    );
    expect(compareDecimals('10', '9.99')).toBe(1);
    expect(compareDecimals('6.50', '6.5')).toBe(0);
    expect(compareDecimals(7, '7.01')).toBe(-1);
    expect(compareDecimals('007.5', '7.50')).toBe(0);
    expect(compareDecimals('0.05', '0.5')).toBe(-1);
  });
});
