/**
 * The compact screening result reads equal to the eager one it replaced: for random
 * afdelinger (every profile of the fixture generator, figures blanked at random, rules
 * switched off, explained or decision-only, with and without a status map) every key —
 * the indicators and their figures, the recommendations, the changes, the sentence and
 * the explanation tree — equals what the frozen copy of the eager screening returns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateAfdelinger, type Profil } from '../../fixtures/screening/generator.js';
import { PERIODE_FELTER } from '../../src/domain/afdeling.js';
import { plainScreeningResult, screenAfdeling, screenAfdelinger } from '../../src/screening/index.js';
import type { ScreeningResult } from '../../src/screening/index.js';
import { bundledRegistry } from '../../src/shipped.js';
import { decidedOutcomesOf, movedIndicatorsOf } from '../../src/screening/result.js';
import { formatAendringer, formatMovedIndicators } from '../../src/screening/format.js';
import { screenAfdelinger as eagerScreenAfdelinger } from '../support/eager-screening.js';
import { runs } from '../support/runs.js';
import { PACKAGE_VERSION } from '../../src/version.js';

const PROFILER: readonly Profil[] = ['rolig', 'afgraenset', 'kompleks', 'liste', 'saarbare', 'mangler', 'forvaerring', 'forbedring', 'anden-kommune'];
const ruleSet = bundledRegistry().inForce('screening', '2024-12-01');
const conditionNames = Object.keys(ruleSet.conditions);
const felter = PERIODE_FELTER.map((f) => f.key);

/** A few generated afdelinger with some figures blanked, and the options to screen them with. */
const caseArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  profiler: fc.array(fc.constantFrom(...PROFILER), { minLength: 1, maxLength: 4 }),
  blank: fc.array(fc.tuple(fc.nat(3), fc.nat(2), fc.constantFrom(...felter)), { maxLength: 6 }),
  asOf: fc.constantFrom('2022-12-01', '2023-06-01', '2023-12-01', '2024-12-01'),
  disable: fc.subarray(conditionNames, { maxLength: 3 }),
  explain: fc.boolean(),
  status: fc.option(fc.constantFrom(['udsat-boligomraade'], [], ['parallelsamfund', 'omdannelsesomraade']), { nil: undefined }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function afdelingerOf(c: Case): unknown[] {
  const generated = generateAfdelinger(c.profiler.length, { seed: c.seed, profil: (i) => c.profiler[i] ?? 'rolig' }) as unknown as { boligomraade?: string; perioder: Record<string, unknown>[] }[];
  for (const [a, p, felt] of c.blank) {
    const periode = generated[a % generated.length]?.perioder[p];
    if (periode !== undefined) periode[felt] = null;
  }
  return generated;
}

/** A plain result without the envelope keys the eager screening did not have. */
function withoutEnvelopeKeys(r: ScreeningResult): Omit<ScreeningResult, 'ruleSets' | 'packageVersion' | 'outcomes' | 'evaluations'> {
  const { ruleSets, packageVersion, outcomes, evaluations, ...rest } = r;
  return rest;
}

describe('compact screening results', () => {
  it('read equal, key for key, to the eager screening they replaced', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const input = afdelingerOf(c);
        const areas = [...new Set(input.map((a) => (a as { boligomraade?: string }).boligomraade).filter((b): b is string => b !== undefined))];
        const options = {
          asOf: c.asOf,
          ruleSet,
          explain: c.explain,
          ...(c.disable.length > 0 ? { disable: c.disable } : {}),
          ...(c.status !== undefined ? { boligomraadeStatus: Object.fromEntries(areas.map((b) => [b, c.status as readonly string[]])) } : {}),
        };
        const compact = screenAfdelinger(structuredClone(input), options);
        // read before any part is built: from the masks (or the list), not from a built part
        const decided = compact.results.map(decidedOutcomesOf);
        const moved = compact.results.map(movedIndicatorsOf);
        const eager = eagerScreenAfdelinger(structuredClone(input), options);
        // the keys the eager screening had, in its order, then the envelope's
        const withoutEnvelope = { ...compact, results: compact.results.map((r) => withoutEnvelopeKeys(plainScreeningResult(r))) };
        // mangler is sorted now, as in every envelope
        const eagerSorted = { ...eager, results: eager.results.map((r) => ({ ...r, mangler: [...r.mangler].sort() })) };
        expect(JSON.stringify(withoutEnvelope)).toBe(JSON.stringify(eagerSorted));
        expect(withoutEnvelope).toEqual(eagerSorted);
        compact.results.forEach((r, i) => {
          const before = eager.results[i];
          expect(r.ruleSets).toEqual([ruleSet.info]);
          expect(r.packageVersion).toBe(PACKAGE_VERSION);
          const named = [...r.indikatorer, ...r.anbefalinger].map((x) => [x.ruleId, x.outcome]);
          expect(r.outcomes.map((o) => [o.ruleId, o.outcome])).toEqual(ruleSet.rules.map((rule) => named.find(([id]) => id === rule.id)));
          expect(r.outcomes.every((o) => o.ruleSet === 'screening')).toBe(true);
          expect(decided[i]).toEqual(r.outcomes.map((o) => o.outcome));
          expect(decidedOutcomesOf(r)).toEqual(decided[i]);
          // the change column's indicators, in aendringer's lists and order
          const names = (list: readonly { indikator: string; titel: string }[]) => list.map(({ indikator, titel }) => ({ indikator, titel }));
          const a = r.aendringer;
          expect(moved[i]).toEqual(a.forrigePeriode === undefined ? undefined : { nyeFlag: names(a.nyeFlag), ophoerte: names(a.ophoerte), forvaerrede: names(a.forvaerrede), nuUkendte: names(a.nuUkendte) });
          expect(formatMovedIndicators(movedIndicatorsOf(r))).toBe(formatAendringer(r));
          expect(r.evaluations).toEqual(c.explain ? [before?.evaluation] : []);
        });
      }),
      { numRuns: runs(150) },
    );
  });

  it('build the same parts whichever is read first, and stay frozen', () => {
    const [a] = generateAfdelinger(1, { seed: 77, profil: () => 'forvaerring' });
    const options = { asOf: '2024-12-01', ruleSet };
    const treeFirst = screenAfdeling(structuredClone(a), options);
    const tree = treeFirst.evaluation;
    const listsFirst = screenAfdeling(structuredClone(a), options);
    const indikatorer = listsFirst.indikatorer;
    expect(listsFirst.evaluation).toEqual(tree);
    expect(treeFirst.indikatorer).toEqual(indikatorer);
    expect(treeFirst.aendringer.forvaerrede.length + treeFirst.aendringer.nyeFlag.length).toBeGreaterThan(0);
    // a part, once built, is the same object on every read
    expect(treeFirst.indikatorer).toBe(treeFirst.indikatorer);
    expect(Object.isFrozen(treeFirst)).toBe(true);
    expect(Object.isFrozen(treeFirst.indikatorer[0])).toBe(true);
    expect(() => {
      (treeFirst as { konklusion: string }).konklusion = 'x';
    }).toThrow(TypeError);
    // the plain result and JSON have every key, in the order results have always had
    const keys = [
      ...['afdeling', 'asOf', 'periode', 'ruleSet', 'boligomraadeStatus', 'indikatorer', 'udloeste', 'anbefalinger', 'konklusion', 'konklusionTekst', 'aendringer', 'mangler', 'evaluation'],
      ...['ruleSets', 'packageVersion', 'outcomes'],
    ];
    expect(Object.keys(plainScreeningResult(treeFirst))).toEqual(keys);
    expect(Object.keys(JSON.parse(JSON.stringify(treeFirst)))).toEqual(keys);
    expect(plainScreeningResult(treeFirst)).toEqual(JSON.parse(JSON.stringify(treeFirst)));
    expect(Object.isFrozen(plainScreeningResult(treeFirst))).toBe(true);
    // own fields are what was decided; the parts built on read are not copied by a spread
    expect(Object.keys(treeFirst)).toEqual(['afdeling', 'asOf', 'periode', 'ruleSet', 'boligomraadeStatus', 'udloeste', 'konklusion', 'mangler', 'ruleSets', 'packageVersion']);
    // the envelope's evaluations are there to read, not repeated in JSON beside evaluation
    expect(treeFirst.evaluations).toEqual([tree]);
    expect(JSON.parse(JSON.stringify(treeFirst))).not.toHaveProperty('evaluations');
  });

  it('build on read what was decided, though the caller changes its options afterwards', () => {
    const [a] = generateAfdelinger(1, { seed: 11, profil: () => 'kompleks' });
    const disable: string[] = ['utryghed'];
    const r = screenAfdeling(a, { asOf: '2024-12-01', ruleSet, disable });
    disable.push('vold', 'haervaerk');
    expect(r.evaluation?.disabled).toEqual(['utryghed']);
    expect(r.indikatorer.find((i) => i.id === 'vold')?.outcome).toBe(screenAfdeling(a, { asOf: '2024-12-01', ruleSet, disable: ['utryghed'] }).indikatorer.find((i) => i.id === 'vold')?.outcome);
  });

  it('carry no explanation key when decision-only', () => {
    const [a] = generateAfdelinger(1, { seed: 5 });
    const r = screenAfdeling(a, { asOf: '2024-12-01', ruleSet, explain: false });
    expect('evaluation' in r).toBe(false);
    expect(r.evaluation).toBeUndefined();
    expect(plainScreeningResult(r)).not.toHaveProperty('evaluation');
    expect(JSON.parse(JSON.stringify(r))).not.toHaveProperty('evaluation');
    expect(r.indikatorer.every((i) => i.figurer.length === 0)).toBe(true);
  });
});
