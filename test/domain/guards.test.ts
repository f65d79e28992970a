/**
 * The domain entry points given values of the wrong kind: a BoligsocialError with code
 * input-invalid and a Danish diagnostic, never a TypeError from deep inside.
 */
import { describe, expect, it } from 'vitest';
import { BoligsocialError } from '../../src/errors.js';
import { decideRuleSet } from '../../src/engine/evaluate.js';
import { assessAffordability } from '../../src/financing/affordability.js';
import { tryAllocateFinancing } from '../../src/financing/default-rules.js';
import { bundledRegistry } from '../../src/shipped.js';
import { screenAfdeling, screenAfdelinger } from '../../src/screening/index.js';
import { fixtureIndsatser, lifecycleRegistry } from '../lifecycle/helpers.js';
import { classifyBoligomraade, classifyBoligomraader, forecastBoligomraade, forecastBoligomraader } from '../../src/classification/index.js';
import { assessIndsats, reviewIndsatser } from '../../src/lifecycle/index.js';

function rejection(run: () => unknown): BoligsocialError {
  try {
    run();
  } catch (error) {
    if (error instanceof BoligsocialError) return error;
    throw new Error(`threw ${String(error)}, not a BoligsocialError`);
  }
  throw new Error('did not throw');
}

const BAD = [null, undefined, 'tekst', 42, 10n, Symbol('x'), () => 1] as const;

describe('domain entry points refuse values of the wrong kind with input-invalid', () => {
  const calls: readonly [string, (v: never) => unknown][] = [
    ['classifyBoligomraade(input)', (v) => classifyBoligomraade(v, { listedato: '2019-12-01' })],
    ['classifyBoligomraade(options)', (v) => classifyBoligomraade({ id: 'a' }, v)],
    ['classifyBoligomraader(rows)', (v) => classifyBoligomraader(v)],
    ['forecastBoligomraade(afdelinger)', (v) => forecastBoligomraade(v, { listedato: '2021-12-01' })],
    ['forecastBoligomraader(afdelinger)', (v) => forecastBoligomraader(v, { listedato: '2021-12-01' })],
    ['screenAfdeling(options)', (v) => screenAfdeling({}, v)],
    ['screenAfdelinger(afdelinger)', (v) => screenAfdelinger(v, { asOf: '2024-12-01' })],
    ['assessIndsats(indsats)', (v) => assessIndsats(v, { asOf: '2025-06-01' })],
    ['reviewIndsatser(indsatser)', (v) => reviewIndsatser(v, { asOf: '2025-06-01' })],
    ['tryAllocateFinancing(options)', (v) => tryAllocateFinancing({}, v)],
    ['assessAffordability(input)', (v) => assessAffordability(v)],
  ];
  for (const [name, call] of calls) {
    it(name, () => {
      for (const v of BAD) {
        const e = rejection(() => call(v as never));
        expect(e.code, `${name} with ${String(typeof v)}`).toBe('input-invalid');
        expect(e.diagnostics[0]?.message).toMatch(/skal være|forventede|Ugyldig/);
      }
    });
  }

  it('classifyBoligomraade(null) names no id it does not have', () => {
    const e = rejection(() => classifyBoligomraade(null as never, { listedato: '2019-12-01' }));
    expect(e.message).toContain('(no id)');
    expect(e.diagnostics.length).toBeGreaterThan(0);
  });

  it('reviewIndsatser reports a malformed indsats and still reviews the good ones', () => {
    const good = fixtureIndsatser().slice(0, 2);
    const review = reviewIndsatser([null, good[0], { id: 'halv' }, good[1]] as never, { asOf: '2025-06-01', rules: lifecycleRegistry() });
    expect(review.indsatser.map((r) => r.indsats.id).sort()).toEqual(good.map((i) => i.id).sort());
    expect(review.fejl.filter((d) => d.code === 'input-invalid').length).toBeGreaterThanOrEqual(2);
    expect(review.fejl.some((d) => d.id === 'halv')).toBe(true);
  });
});

describe('one decimal rule for classify and the engine', () => {
  it('classify reads 1e-7 as evaluateRuleSet does: the decimal 0.0000001', () => {
    const k = classifyBoligomraade({ id: 'a', beboere: 1200, udenArbejdePct: 1e-7, kunGrundskolePct: 5e-7 }, { listedato: '2019-12-01' });
    expect(k.facts).toMatchObject({ udenArbejdePct: '0.0000001', kunGrundskolePct: '0.0000005' });
    const rs = bundledRegistry().inForce('classification', '2019-12-01');
    const withNumbers = decideRuleSet(rs, { beboere: 1200, udenArbejdePct: 1e-7, kunGrundskolePct: 5e-7 }).outcomes;
    expect(decideRuleSet(rs, k.facts).outcomes).toEqual(withNumbers);
  });

  it('and still refuses NaN, Infinity and an exponent written as text', () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, '1e-7']) {
      expect(rejection(() => classifyBoligomraade({ id: 'a', udenArbejdePct: v as never }, { listedato: '2019-12-01' })).code).toBe('input-invalid');
    }
  });
});
