/**
 * The public domain functions are thin wrappers: the core (`…With`) is given a registry and
 * uses that one (never `options.rules`, never the disk); the wrapper gives it `options.rules`,
 * or the shipped rules when none are given.
 */
import { describe, expect, it } from 'vitest';
import { classifyBoligomraade, classifyBoligomraadeWith } from '../../src/classification/index.js';
import { allocateFinancing, tryAllocateFinancing, tryAllocateFinancingWith } from '../../src/financing/index.js';
import { screenAfdeling, screenAfdelinger, screenAfdelingWith } from '../../src/screening/index.js';
import { bundledRegistry, deriveRegistry } from '../../src/shipped.js';
import { generateAfdelinger } from '../../fixtures/screening/generator.js';

const input = { id: 'a', beboere: 1200, ikkeVestligePct: '52', udenArbejdePct: '41', kunGrundskolePct: '62', indkomstPctAfRegion: '58' };
const listedato = '2019-12-01';

/** The shipped rules with the threshold for "uden for arbejdsmarkedet" raised above the area's 41 %. */
function raised() {
  const r = deriveRegistry(bundledRegistry(), [{ ruleSet: 'classification', parameter: 'maxUdenArbejdePct', value: '45' }]);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('classifyBoligomraade and its core', () => {
  it('the two registries give different answers for the area (so which one is used shows)', () => {
    // 41 % is over the shipped 40 % but not over 45 %: with one criterion fewer met, udsat is no longer decided
    expect(classifyBoligomraadeWith(bundledRegistry(), input, { listedato }).kategorier.udsat?.outcome).toBe(true);
    expect(classifyBoligomraadeWith(raised(), input, { listedato }).kategorier.udsat?.outcome).toBe(null);
  });

  it('the wrapper uses options.rules when given, the shipped rules when not', () => {
    const rules = raised();
    expect(classifyBoligomraade(input, { listedato, rules })).toEqual(classifyBoligomraadeWith(rules, input, { listedato }));
    expect(classifyBoligomraade(input, { listedato })).toEqual(classifyBoligomraadeWith(bundledRegistry(), input, { listedato }));
  });

  it('the core uses the registry it is given, not options.rules', () => {
    const rules = raised();
    expect(classifyBoligomraadeWith(bundledRegistry(), input, { listedato, rules })).toEqual(classifyBoligomraadeWith(bundledRegistry(), input, { listedato }));
  });
});

describe('screenAfdeling and its core', () => {
  const [afdeling] = generateAfdelinger(1, { seed: 3, profil: () => 'afgraenset' });
  const asOf = '2024-12-01';
  /** The shipped rules with the flyttefrekvens threshold at 0, so every afdeling that has moves flags it. */
  function strict() {
    const r = deriveRegistry(bundledRegistry(), [{ ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', value: '0' }]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  }
  const flagged = (r: { udloeste: readonly string[] }) => r.udloeste.includes('hoej-flyttefrekvens');

  it('the two registries give different answers (so which one is used shows)', () => {
    expect(flagged(screenAfdelingWith(bundledRegistry(), afdeling, { asOf }))).toBe(false);
    expect(flagged(screenAfdelingWith(strict(), afdeling, { asOf }))).toBe(true);
  });

  it('the wrappers use options.rules when given, the shipped rules when not; the core ignores options.rules', () => {
    const rules = strict();
    expect(flagged(screenAfdeling(afdeling, { asOf, rules }))).toBe(true);
    expect(flagged(screenAfdeling(afdeling, { asOf }))).toBe(false);
    expect(screenAfdelinger([afdeling], { asOf, rules }).results.map(flagged)).toEqual([true]);
    expect(flagged(screenAfdelingWith(bundledRegistry(), afdeling, { asOf, rules }))).toBe(false);
  });
});

describe('allocateFinancing and its core', () => {
  const scheme = 'financing-helhedsplan-lbf-2019-2026';
  const budget = { periode: { from: '2024-03-01', to: '2028-02-29' }, total: '12000000.00' };
  const options = { scheme, asOf: '2024-03-01', key: 'lejemaal' as const, afdelinger: [{ id: 'a', lejemaal: 480 }, { id: 'b', lejemaal: 720 }] };
  /** The shipped rules with a local minimum share of one half, which the scheme's 25 % local funders do not reach. */
  function demanding() {
    const r = deriveRegistry(bundledRegistry(), [{ ruleSet: scheme, parameter: 'minLokalAndel', value: '0.5' }]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.value;
  }

  it('the two registries give different answers (so which one is used shows)', () => {
    expect(tryAllocateFinancingWith(bundledRegistry(), budget, options).ok).toBe(true);
    expect(tryAllocateFinancingWith(demanding(), budget, options).ok).toBe(false);
  });

  it('the wrappers use options.rules when given, the shipped rules when not; the core ignores options.rules', () => {
    const rules = demanding();
    expect(tryAllocateFinancing(budget, { ...options, rules }).ok).toBe(false);
    expect(() => allocateFinancing(budget, { ...options, rules })).toThrow();
    expect(tryAllocateFinancing(budget, options)).toEqual(tryAllocateFinancingWith(bundledRegistry(), budget, options));
    // a caller's options may still carry `rules` (the wrappers' options do): the core does not read it
    const withRules: Parameters<typeof tryAllocateFinancingWith>[2] = Object.assign({ ...options }, { rules });
    expect(tryAllocateFinancingWith(bundledRegistry(), budget, withRules).ok).toBe(true);
  });
});
