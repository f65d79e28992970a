/**
 * The affordability verdict "en for høj økonomisk udgift" (stop parameter 5), read from
 * rules/financing/affordability: strictly over 2.000 kr. pr. lejemål pr. år or over 3 % of
 * the yearly rent, compared to the øre and to two decimals; true at one øre over, false at
 * the limit and one øre under, null when a figure it needs is missing. Also the Danish
 * explanation of each verdict, the thresholds shown, what happens when no affordability
 * rules are in force, the boundary guard, and the summary stop parameter 5 reads
 * (stopParameter5Facts). Expected figures are computed by hand from the rule file: the
 * period 1 March 2024 – 29 February 2028 is exactly 4 years (the rule file's note).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessAffordability, type AffordabilityInput, stopParameter5Facts } from '../../src/financing/affordability.js';
import { rational } from '../../src/financing/rational.js';
import type { AfdelingBetalingsevne, AfdelingInput, Betalingsevne, Udgift } from '../../src/financing/types.js';
import { BoligsocialError } from '../../src/errors.js';
import { createRegistry, type RuleRegistry } from '../../src/rules/registry.js';
import { bundledRegistry, loadRuleSetText } from '../../src/shipped.js';

const RULE_FILE = 'rules/financing/affordability/2017-06-01.json';
interface RuleFileParameter {
  value: string;
  unit: string;
  description: string;
  status?: string;
}
const ruleFile = JSON.parse(readFileSync(RULE_FILE, 'utf8')) as { parameters: Record<string, RuleFileParameter> };
const rules = bundledRegistry();
const periode = { from: '2024-03-01', to: '2028-02-29' };

/** The limits as the explanation names them, from the rule file. */
const LIMITS = '2.000,00 kr. pr. lejemål pr. år eller 3 pct. af den årlige husleje';

function assess(afdeling: AfdelingInput, budgetOere: bigint, paidNowOere = 0n, extra: Partial<AffordabilityInput> = {}): AfdelingBetalingsevne {
  const b = assessAffordability({ asOf: '2024-03-01', periode, budgetOere, afdelinger: [afdeling], keyShares: [rational(1n)], paidNowOere: [paidNowOere], rules, ...extra });
  expect(b.afdelinger).toHaveLength(1);
  return b.afdelinger[0] as AfdelingBetalingsevne;
}

describe('the rule file this verdict reads', () => {
  it('sets 2000 kr. pr. lejemål pr. år and 3 pct. of the rent, both fsb policy', () => {
    expect(ruleFile.parameters['maksUdgiftPrLejemaalPrAar']).toMatchObject({ value: '2000', unit: 'kr. pr. lejemål pr. år', status: 'fsb-politik' });
    expect(ruleFile.parameters['maksUdgiftPctAfHusleje']).toMatchObject({ value: '3', unit: 'pct. af den årlige husleje', status: 'fsb-politik' });
  });

  it('the result shows both thresholds as written in the file, with their status', () => {
    const b = assessAffordability({ asOf: '2024-03-01', periode, budgetOere: 0n, afdelinger: [], keyShares: [], paidNowOere: [], rules });
    expect(b.ruleSet?.id).toBe('financing-affordability');
    expect(b.periodeAar).toBe('4.0000');
    expect(b.afdelinger).toEqual([]);
    const expected = Object.entries(ruleFile.parameters).map(([name, p]) => ({ parameter: name, value: p.value, unit: p.unit, description: p.description, status: p.status }));
    expect(b.graenser).toEqual(expected);
    expect(b.graenser.map((g) => g.status)).toEqual(['fsb-politik', 'fsb-politik']);
  });
});

describe('cost per lejemål per year against 2.000 kr.', () => {
  // 100 lejemål, no rent: the 100 % cost per lejemål per year is budget / (4 · 100) kr.
  const afd: AfdelingInput = { id: 'a', navn: 'Alfa', lejemaal: 100 };
  // øre per lejemål per year × 100 lejemål × 4 years
  const budgetFor = (kroner: bigint, oere: bigint) => (kroner * 100n + oere) * 100n * 4n;

  it.each([
    ['one øre under', budgetFor(1999n, 99n), '1999.99', false],
    ['exactly at the limit', budgetFor(2000n, 0n), '2000.00', false],
    ['one øre over', budgetFor(2000n, 1n), '2000.01', true],
  ])('%s: %s øre is %s kr. per lejemål per year', (_what, budget, perLejemaal, over) => {
    const a = assess(afd, budget);
    expect(a.udenEksternFinansiering.prLejemaalPrAar).toBe(perLejemaal);
    expect(a.udenEksternFinansiering.samlet).toBe((Number(budget) / 100).toFixed(2));
    // the rent is unknown, so a cost under the lejemål limit cannot be cleared by it
    expect(a.udenEksternFinansiering.forHoejUdgift).toBe(over ? true : null);
    expect(a.udenEksternFinansiering).not.toHaveProperty('pctAfHusleje');
  });

  it('compares the cost rounded to the øre: a fraction of an øre over is not over', () => {
    // 80.000.001 øre / 400 / 100 = 2000,0000025 kr. → 2000,00
    const a = assess({ ...afd, aarligHusleje: '100000000.00' }, 80_000_001n);
    expect(a.udenEksternFinansiering.prLejemaalPrAar).toBe('2000.00');
    expect(a.udenEksternFinansiering.forHoejUdgift).toBe(false);
  });

  it('with a rent that is clearly under 3 %, the lejemål limit alone decides', () => {
    // rent 100 mio. kr.: 200.001 kr. per year is 0,2 %
    const rent = { ...afd, aarligHusleje: '100000000.00' };
    expect(assess(rent, budgetFor(2000n, 0n)).udenEksternFinansiering).toMatchObject({ prLejemaalPrAar: '2000.00', pctAfHusleje: '0.20', forHoejUdgift: false });
    expect(assess(rent, budgetFor(2000n, 1n)).udenEksternFinansiering).toMatchObject({ prLejemaalPrAar: '2000.01', pctAfHusleje: '0.20', forHoejUdgift: true });
  });
});

describe('cost as a share of the yearly rent against 3 %', () => {
  // rent 1.000.000 kr., no lejemål: pct = budget / 4 / 1.000.000 · 100
  const afd: AfdelingInput = { id: 'h', navn: 'Hotel', aarligHusleje: '1000000.00' };

  it.each([
    ['2,99 %', 11_960_000n, '2.99', null],
    ['exactly 3 %', 12_000_000n, '3.00', null],
    ['3,01 %', 12_040_000n, '3.01', true],
  ])('%s of the rent', (_what, budget, pct, over) => {
    const u = assess(afd, budget).udenEksternFinansiering;
    expect(u.pctAfHusleje).toBe(pct);
    expect(u).not.toHaveProperty('prLejemaalPrAar');
    // without lejemål the per-lejemål condition is unknown: not over 3 % is not a "no"
    expect(u.forHoejUdgift).toBe(over);
  });

  it('with lejemål well under 2.000 kr., 3 % decides: at 3 % it is not too costly, at 3,01 % it is', () => {
    const both = { ...afd, lejemaal: 1000 };
    // 12.000.000 øre = 30.000 kr. per year = 30 kr. per lejemål per year
    expect(assess(both, 12_000_000n).udenEksternFinansiering).toMatchObject({ prLejemaalPrAar: '30.00', pctAfHusleje: '3.00', forHoejUdgift: false });
    expect(assess(both, 12_040_000n).udenEksternFinansiering).toMatchObject({ prLejemaalPrAar: '30.10', pctAfHusleje: '3.01', forHoejUdgift: true });
    expect(assess(both, 11_960_000n).udenEksternFinansiering).toMatchObject({ prLejemaalPrAar: '29.90', pctAfHusleje: '2.99', forHoejUdgift: false });
  });

  it('a rent of 0 gives no percentage (and does not divide by zero)', () => {
    const u = assess({ id: 'z', lejemaal: 10, aarligHusleje: '0.00' }, 400_000n).udenEksternFinansiering;
    expect(u).not.toHaveProperty('pctAfHusleje');
    expect(u.prLejemaalPrAar).toBe('100.00');
    expect(u.forHoejUdgift).toBeNull();
  });

  it('0 lejemål gives no cost per lejemål', () => {
    const u = assess({ id: 'z', lejemaal: 0, aarligHusleje: '1000000.00' }, 12_000_000n).udenEksternFinansiering;
    expect(u).not.toHaveProperty('prLejemaalPrAar');
    expect(u.pctAfHusleje).toBe('3.00');
  });
});

describe('the cost now', () => {
  it('is judged by the same rule on what the afdeling pays now', () => {
    // pays now 2000,01 kr. per lejemål per year; at 100 % far more
    const a = assess({ id: 'a', lejemaal: 100, aarligHusleje: '100000000.00' }, 800_000_000n, 80_000_400n);
    expect(a.nu).toEqual({ samlet: '800004.00', prAar: '200001.00', prLejemaalPrAar: '2000.01', pctAfHusleje: '0.20', forHoejUdgift: true });
    const b = assess({ id: 'a', lejemaal: 100, aarligHusleje: '100000000.00' }, 800_000_000n, 80_000_000n);
    expect(b.nu.forHoejUdgift).toBe(false);
    expect(b.udenEksternFinansiering).toEqual({ samlet: '8000000.00', prAar: '2000000.00', prLejemaalPrAar: '20000.00', pctAfHusleje: '2.00', forHoejUdgift: true });
  });
});

describe('the afdeling as reported', () => {
  it('carries lejemål and rent when given, and nothing in their place when not', () => {
    const full = assess({ id: 'a', navn: 'Alfa', lejemaal: 100, aarligHusleje: '7000000.00' }, 0n);
    expect(full).toMatchObject({ id: 'a', navn: 'Alfa', lejemaal: 100, aarligHusleje: '7000000.00' });
    const bare = assess({ id: 'b' }, 0n);
    expect(bare.navn).toBe('b');
    expect(Object.keys(bare).sort()).toEqual(['evaluation', 'forklaring', 'id', 'navn', 'nu', 'udenEksternFinansiering']);
    expect(Object.keys(bare.nu).sort()).toEqual(['forHoejUdgift', 'prAar', 'samlet']);
    expect(Object.keys(bare.udenEksternFinansiering).sort()).toEqual(['forHoejUdgift', 'prAar', 'samlet']);
  });

  it('keeps the evaluation of the 100 % case, naming the rule set', () => {
    const a = assess({ id: 'a', lejemaal: 100 }, 80_000_400n);
    expect(a.evaluation?.ruleSet.id).toBe('financing-affordability');
    expect(a.evaluation?.outcomes['for-hoej-udgift']).toBe(true);
  });

  it('an afdeling without a key share pays nothing at 100 %', () => {
    const b = assessAffordability({ asOf: '2024-03-01', periode, budgetOere: 100n, afdelinger: [{ id: 'a', lejemaal: 1 }], keyShares: [], paidNowOere: [], rules });
    expect(b.afdelinger[0]?.udenEksternFinansiering.samlet).toBe('0.00');
    expect(b.afdelinger[0]?.nu.samlet).toBe('0.00');
  });

  it('splits the whole budget by the key, to the øre, adding up to it', () => {
    const b = assessAffordability({
      asOf: '2024-03-01',
      periode,
      budgetOere: 100_000_000n,
      afdelinger: [{ id: 'a', lejemaal: 100 }, { id: 'b', lejemaal: 300 }],
      keyShares: [rational(1n, 4n), rational(3n, 4n)],
      paidNowOere: [0n, 0n],
      rules,
    });
    expect(b.afdelinger.map((a) => a.udenEksternFinansiering.samlet)).toEqual(['250000.00', '750000.00']);
    // 250.000 kr. / 4 years / 100 lejemål = 750.000 kr. / 4 years / 300 lejemål = 625 kr.
    expect(b.afdelinger.map((a) => a.udenEksternFinansiering.prLejemaalPrAar)).toEqual(['625.00', '625.00']);
  });
});

describe('switching conditions off', () => {
  const over = { id: 'a', lejemaal: 100, aarligHusleje: '100000000.00' };
  it('a disabled condition counts as not met, now and at 100 %', () => {
    const a = assess(over, 80_000_400n, 80_000_400n, { disable: ['udgift-pr-lejemaal-over-graensen'] });
    expect(a.udenEksternFinansiering.forHoejUdgift).toBe(false);
    expect(a.nu.forHoejUdgift).toBe(false);
    expect(a.evaluation?.disabled).toEqual(['udgift-pr-lejemaal-over-graensen']);
  });
  it('an empty list or none switches nothing off', () => {
    expect(assess(over, 80_000_400n, 0n, { disable: [] }).udenEksternFinansiering.forHoejUdgift).toBe(true);
    expect(assess(over, 80_000_400n).udenEksternFinansiering.forHoejUdgift).toBe(true);
  });
  it('disabling the other condition leaves the lejemål limit deciding', () => {
    expect(assess(over, 80_000_400n, 0n, { disable: ['udgift-andel-af-husleje-over-graensen'] }).udenEksternFinansiering.forHoejUdgift).toBe(true);
  });
});

describe('the explanation (forklaring)', () => {
  // rent 7 mio. kr. for 100 lejemål; pays now 100.000 kr. over 4 years = 250 kr. per lejemål per year, 0,357… %
  const alfa: AfdelingInput = { id: 'a', navn: 'Alfa', lejemaal: 100, aarligHusleje: '7000000.00' };
  const now = 'Alfa betaler nu 250,00 kr. pr. lejemål pr. år, 0,36 % af den årlige husleje; betaler afdelingerne 100 %, bliver det';

  it('too costly: over the limit, naming both limits and stop parameter 5', () => {
    // 800.004 kr. over 4 years: 2000,01 kr. per lejemål per year, 200.001 / 7.000.000 = 2,857… %
    const a = assess(alfa, 80_000_400n, 10_000_000n);
    expect(a.forklaring).toBe(
      `${now} 2.000,01 kr. pr. lejemål pr. år, 2,86 % af den årlige husleje. Det er over fsb's grænse (${LIMITS}): en for høj økonomisk udgift, hvis den eksterne finansiering ophører (stopparameter 5).`,
    );
  });

  it('not too costly: at the limit, the afdeling can carry the indsats itself', () => {
    const a = assess(alfa, 80_000_000n, 10_000_000n);
    expect(a.forklaring).toBe(
      `${now} 2.000,00 kr. pr. lejemål pr. år, 2,86 % af den årlige husleje. Det er ikke over fsb's grænse (${LIMITS}), så afdelingen kan efter reglerne bære indsatsen selv.`,
    );
  });

  it('unknown: without lejemål and rent it says which figure is missing and that it cannot be judged', () => {
    // 100.000 kr. now = 25.000 kr. per year; 800.000 kr. at 100 % = 200.000 kr. per year
    const a = assess({ id: 'b' }, 80_000_000n, 10_000_000n);
    expect(a.udenEksternFinansiering.forHoejUdgift).toBeNull();
    expect(a.forklaring).toBe(
      `b betaler nu 25.000,00 kr. pr. år (antal lejemål mangler); betaler afdelingerne 100 %, bliver det 200.000,00 kr. pr. år (antal lejemål mangler). Det kan ikke vurderes mod fsb's grænse (${LIMITS}), fordi tal mangler.`,
    );
  });

  it('unknown: under the lejemål limit with the rent missing', () => {
    const a = assess({ id: 'c', navn: 'Charlie', lejemaal: 100 }, 80_000_000n, 0n);
    expect(a.forklaring).toBe(
      `Charlie betaler nu 0,00 kr. pr. lejemål pr. år; betaler afdelingerne 100 %, bliver det 2.000,00 kr. pr. lejemål pr. år. Det kan ikke vurderes mod fsb's grænse (${LIMITS}), fordi tal mangler.`,
    );
  });

  it('the percentage alone when lejemål are missing', () => {
    const a = assess({ id: 'h', navn: 'Hotel', aarligHusleje: '1000000.00' }, 12_040_000n, 0n);
    expect(a.forklaring).toBe(
      `Hotel betaler nu 0,00 kr. pr. år (antal lejemål mangler), 0,00 % af den årlige husleje; betaler afdelingerne 100 %, bliver det 30.100,00 kr. pr. år (antal lejemål mangler), 3,01 % af den årlige husleje. Det er over fsb's grænse (${LIMITS}): en for høj økonomisk udgift, hvis den eksterne finansiering ophører (stopparameter 5).`,
    );
  });

  it('limits are written from the rule file: kroner units as amounts, other units as numbers', () => {
    const j = JSON.parse(readFileSync(RULE_FILE, 'utf8')) as { parameters: Record<string, RuleFileParameter> };
    const perLejemaal = j.parameters['maksUdgiftPrLejemaalPrAar'] as RuleFileParameter;
    const pct = j.parameters['maksUdgiftPctAfHusleje'] as RuleFileParameter;
    perLejemaal.value = '2500.5';
    perLejemaal.unit = 'kr./lejemål/år';
    pct.value = '12.5';
    delete pct.status;
    const loaded = loadRuleSetText(JSON.stringify(j), 'variant/affordability/2017-06-01.json');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const reg = createRegistry([loaded.value]);
    if (!reg.ok) throw new Error(JSON.stringify(reg.errors));
    const b = assessAffordability({ asOf: '2024-03-01', periode, budgetOere: 0n, afdelinger: [{ id: 'x' }], keyShares: [rational(1n)], paidNowOere: [0n], rules: reg.value });
    expect(b.afdelinger[0]?.forklaring).toBe(
      "x betaler nu 0,00 kr. pr. år (antal lejemål mangler); betaler afdelingerne 100 %, bliver det 0,00 kr. pr. år (antal lejemål mangler). Det kan ikke vurderes mod fsb's grænse (2.500,50 kr. /lejemål/år eller 12,5 pct. af den årlige husleje), fordi tal mangler.",
    );
    // a threshold without a status is shown without one
    expect(b.graenser[0]?.status).toBe('fsb-politik');
    expect(b.graenser[1]).toEqual({ parameter: 'maksUdgiftPctAfHusleje', value: '12.5', unit: 'pct. af den årlige husleje', description: pct.description });
    expect('status' in (b.graenser[1] ?? {})).toBe(false);
  });
});

describe('no affordability rules in force', () => {
  const afd: AfdelingInput = { id: 'a', navn: 'Alfa', lejemaal: 100 };
  function noRules(r: RuleRegistry, asOf: string) {
    return assessAffordability({ asOf, periode, budgetOere: 80_000_400n, afdelinger: [afd], keyShares: [rational(1n)], paidNowOere: [0n], rules: r });
  }

  it.each([
    ['a registry without the rule set', () => {
      const r = createRegistry([]);
      if (!r.ok) throw new Error('empty registry');
      return r.value;
    }, '2024-03-01'],
    ['the day before the rule file takes effect (2017-06-01)', () => rules, '2017-05-31'],
  ])('%s: no verdict, no thresholds, and the explanation says so', (_what, registry, asOf) => {
    const b = noRules(registry(), asOf);
    expect(b).not.toHaveProperty('ruleSet');
    expect(b.graenser).toEqual([]);
    const a = b.afdelinger[0] as AfdelingBetalingsevne;
    expect(a.nu.forHoejUdgift).toBeNull();
    expect(a.udenEksternFinansiering.forHoejUdgift).toBeNull();
    expect(a).not.toHaveProperty('evaluation');
    expect(a.forklaring).toBe(
      'Alfa betaler nu 0,00 kr. pr. lejemål pr. år; betaler afdelingerne 100 %, bliver det 2.000,01 kr. pr. lejemål pr. år. Der er ingen betalingsevneregler i kraft, så udgiften er ikke vurderet.',
    );
  });

  it('the day the rule file takes effect, it judges', () => {
    expect(noRules(rules, '2017-06-01').afdelinger[0]?.udenEksternFinansiering.forHoejUdgift).toBe(true);
  });

  it('any other failure to find the rules is not swallowed (an invalid date)', () => {
    expect(() => noRules(rules, '2024-13-45')).toThrow(expect.objectContaining({ code: 'input-invalid' }));
  });
});

describe('the boundary guard', () => {
  it('refuses input that is not an object, naming it in Danish', () => {
    let caught: unknown;
    try {
      assessAffordability(null as unknown as AffordabilityInput);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BoligsocialError);
    const err = caught as BoligsocialError;
    expect(err.code).toBe('input-invalid');
    expect(err.message).toBe('input must be an object, got null');
    expect(err.diagnostics[0]?.message).toBe('inputtet til betalingsevnen skal være et objekt, ikke null');
  });

  it('refuses a field of the wrong kind, naming the field', () => {
    const bad = { asOf: '2024-03-01', periode, budgetOere: 100, afdelinger: [], keyShares: [], paidNowOere: [], rules } as unknown as AffordabilityInput;
    let caught: unknown;
    try {
      assessAffordability(bad);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BoligsocialError);
    expect((caught as BoligsocialError).message).toBe('input.budgetOere must be a bigint, got number');
    expect((caught as BoligsocialError).diagnostics[0]?.message).toBe('feltet "budgetOere" i inputtet til betalingsevnen skal være et heltal (BigInt), ikke en værdi af typen number');
  });
});

describe('stopParameter5Facts: what stop parameter 5 reads', () => {
  const udgift = (forHoejUdgift: Udgift['forHoejUdgift'], prLejemaalPrAar?: string): Udgift => ({
    samlet: '0.00',
    prAar: '0.00',
    ...(prLejemaalPrAar !== undefined ? { prLejemaalPrAar } : {}),
    forHoejUdgift,
  });
  const evne = (...uden: Udgift[]): Betalingsevne => ({
    graenser: [],
    periodeAar: '4.0000',
    afdelinger: uden.map((u, i) => ({ id: `a${i}`, navn: `A${i}`, nu: udgift(null), udenEksternFinansiering: u, forklaring: '' })),
  });

  it.each([
    [[true, false], true],
    [[false, true], true],
    [[null, true], true],
    [[true, null], true],
    [[false, false], false],
    [[false], false],
    [[false, null], null],
    [[null, false], null],
    [[null], null],
    [[], null],
  ] as const)('any of %j is %s', (outcomes, expected) => {
    expect(stopParameter5Facts(evne(...outcomes.map((o) => udgift(o)))).forHoejUdgift).toBe(expected);
  });

  it('the highest cost per lejemål per year, wherever it is in the list', () => {
    const values = ['1999.99', '2000.01', '250.5', '2000.00'];
    for (let k = 0; k < values.length; k++) {
      const rotated = [...values.slice(k), ...values.slice(0, k)];
      expect(stopParameter5Facts(evne(...rotated.map((v) => udgift(false, v)))).udgiftPrLejemaalPrAar).toBe('2000.01');
    }
    expect(stopParameter5Facts(evne(udgift(false, '9.5'), udgift(false, '10.25'), udgift(false, '10.2'))).udgiftPrLejemaalPrAar).toBe('10.25');
    expect(stopParameter5Facts(evne(udgift(false, '10.25'), udgift(false, '9.5'))).udgiftPrLejemaalPrAar).toBe('10.25');
  });

  it('skips afdelinger without lejemål, and leaves the figure out when none has any', () => {
    expect(stopParameter5Facts(evne(udgift(null), udgift(false, '100.00'), udgift(null)))).toEqual({ udgiftPrLejemaalPrAar: '100.00', forHoejUdgift: null });
    const none = stopParameter5Facts(evne(udgift(false), udgift(false)));
    expect(none).toEqual({ forHoejUdgift: false });
    expect(Object.keys(none)).toEqual(['forHoejUdgift']);
  });

  it('from an assessment: one afdeling over the limit makes the whole too costly', () => {
    const b = assessAffordability({
      asOf: '2024-03-01',
      periode,
      budgetOere: 160_000_400n,
      afdelinger: [{ id: 'a', lejemaal: 100, aarligHusleje: '100000000.00' }, { id: 'b', lejemaal: 100, aarligHusleje: '100000000.00' }],
      // a pays 80.000.400 øre at 100 % (2000,01 kr.), b 80.000.000 (2000,00 kr.)
      keyShares: [rational(80_000_400n, 160_000_400n), rational(80_000_000n, 160_000_400n)],
      paidNowOere: [0n, 0n],
      rules,
    });
    expect(b.afdelinger.map((a) => a.udenEksternFinansiering.forHoejUdgift)).toEqual([true, false]);
    expect(stopParameter5Facts(b)).toEqual({ udgiftPrLejemaalPrAar: '2000.01', forHoejUdgift: true });
  });
});
