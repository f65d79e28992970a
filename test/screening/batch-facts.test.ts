/**
 * A batch screening writes each afdeling's facts into one object and one array of exact
 * shares that it reuses. What the decider reads there must be, fact for fact, what
 * `exactPeriodFacts` makes for the same period — however many afdelinger were written
 * before it, whichever figures are missing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateAfdelinger, type Profil } from '../../fixtures/screening/generator.js';
import { type Afdeling, PERIODE_FELTER } from '../../src/domain/afdeling.js';
import { Ratio } from '../../src/domain/ratio.js';
import { trustedDecider } from '../../src/engine/evaluate.js';
import { FROM_FACTS } from '../../src/engine/program.js';
import { batchFacts } from '../../src/screening/batch-facts.js';
import { exactPeriodFacts, type FactOptions, SHARE_FACTS } from '../../src/screening/facts.js';
import { validateAfdeling, type ValidatedAfdeling, validatedAfdeling } from '../../src/screening/validate.js';
import { bundledRegistry } from '../../src/shipped.js';
import { runs } from '../support/runs.js';
import { afdeling, roligPeriode } from './helpers.js';

const PROFILER: readonly Profil[] = ['rolig', 'afgraenset', 'kompleks', 'liste', 'saarbare', 'mangler', 'forvaerring', 'forbedring', 'anden-kommune'];
const ruleSet = bundledRegistry().inForce('screening', '2024-12-01');
const felter = PERIODE_FELTER.map((f) => f.key);
const decider = trustedDecider(ruleSet);

function validated(input: unknown): Afdeling {
  const r = validateAfdeling(input);
  if (!r.ok) throw new Error(`does not validate: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}

/** The index of the latest period of an afdeling. */
function latest(a: Afdeling): number {
  let at = 0;
  a.perioder.forEach((p, i) => {
    if (p.periode > (a.perioder[at] as Afdeling['perioder'][number]).periode) at = i;
  });
  return at;
}

/** What validation remembered of a validated afdeling. */
function memo(a: Afdeling): ValidatedAfdeling {
  const entry = validatedAfdeling(a);
  if (entry === undefined) throw new Error(`afdeling ${a.id} was not validated`);
  return entry;
}

/**
 * Writes each afdeling into one batch, in turn, and checks what was written against
 * `exactPeriodFacts` before the next write.
 */
function checkBatch(afdelinger: readonly Afdeling[], options: FactOptions): void {
  const batch = batchFacts(ruleSet);
  for (const a of afdelinger) {
    const index = latest(a);
    const exact = exactPeriodFacts(a, a.perioder[index] as Afdeling['perioder'][number], options);
    const written = batch.write(a, index, memo(a), options);
    expect(Object.keys(written.facts).sort()).toEqual(Object.keys(exact.facts).sort());
    for (const [name, value] of Object.entries(exact.facts)) {
      const got = written.facts[name];
      if (value instanceof Ratio) {
        expect(got).toBeInstanceOf(Ratio);
        expect([(got as Ratio).scaledNumerator, (got as Ratio).denominator]).toEqual([value.scaledNumerator, value.denominator]);
      } else expect(got).toEqual(value);
      // a share's slot holds its exact parts, or NaN where the fact holds no Ratio
      const slot = ruleSet.facts.indexOf(name);
      if (slot >= 0 && SHARE_FACTS.some((s) => s.fact === name)) {
        const parts = [batch.shares[2 * slot], batch.shares[2 * slot + 1]];
        expect(parts).toEqual(value instanceof Ratio ? [value.scaledNumerator, value.denominator] : [Number.NaN, Number.NaN]);
        // a share's value is read from the facts
        expect(batch.values[slot]).toBe(FROM_FACTS);
      } else if (slot >= 0) expect(batch.values[slot]).toEqual(value);
    }
    expect(batch.values).toHaveLength(ruleSet.facts.length);
    // the reasons, fact by fact and in the order they were noted
    expect(Object.keys(written.missing)).toEqual(Object.keys(exact.missing));
    expect(written.missing).toEqual(exact.missing);
    // reasons are noted only for a fact that is missing (a result's missing figures rely on it, not reading the fact)
    for (const name of Object.keys(exact.missing)) expect(exact.facts[name] ?? null).toBeNull();
    // and the decisions: from the shares as from the exact facts
    expect(decider.decide(written.facts, batch.shares)).toEqual(decider.decide(exact.facts));
    expect(decider.decide(written.facts, batch.shares, undefined, batch.values)).toEqual(decider.decide(exact.facts));
  }
}

describe('the facts of a batch screening', () => {
  it('are, for every afdeling written in turn, the exact facts of its period', () => {
    const caseArb = fc.record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      profiler: fc.array(fc.constantFrom(...PROFILER), { minLength: 2, maxLength: 5 }),
      blank: fc.array(fc.tuple(fc.nat(4), fc.constantFrom(...felter)), { maxLength: 8 }),
      minTryghedRespondenter: fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }),
      status: fc.option(fc.constantFrom(['udsat-boligomraade'], [], ['Parallelsamfund']), { nil: undefined }),
    });
    fc.assert(
      fc.property(caseArb, (c) => {
        const generated = generateAfdelinger(c.profiler.length, { seed: c.seed, profil: (i) => c.profiler[i] ?? 'rolig' }) as unknown as { perioder: Record<string, unknown>[] }[];
        for (const [a, felt] of c.blank) {
          const perioder = generated[a % generated.length]?.perioder;
          const periode = perioder?.[perioder.length - 1];
          if (periode !== undefined) periode[felt] = null;
        }
        const options: FactOptions = { minTryghedRespondenter: c.minTryghedRespondenter, ...(c.status !== undefined ? { boligomraadeStatus: c.status } : {}) };
        checkBatch(generated.map(validated), options);
      }),
      { numRuns: runs(200) },
    );
  });

  it('forgets what the afdeling before had: a share, a status and the stand', () => {
    const full = validated(afdeling([roligPeriode('2024-12-01', { huslejeKrPrM2: '1200.5', standBygninger: 5 })], { id: 'A', boligomraade: 'B1', boligomraadeStatus: ['udsat-boligomraade'] }));
    const blank = validated(
      afdeling([roligPeriode('2024-12-01', { fraflytninger: null, huslejeKrPrM2: null, standBygninger: null, tryghedUtrygge: null, saarbareIsoleredeHusstande: null, restancer: null })], { id: 'B', boligomraade: 'B2' }),
    );
    const noBeboere = validated(afdeling([roligPeriode('2024-12-01', { voldHaendelser: 0, tryghedRespondenter: 3, tryghedUtrygge: 1 })], { id: 'C', beboere: 0 }));
    checkBatch([full, blank, full, noBeboere, blank], { minTryghedRespondenter: 10 });
  });
});
