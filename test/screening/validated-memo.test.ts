/**
 * A validated afdeling carries what screening remembers of it under a symbol only the
 * validating module holds: invisible to keys, copies and JSON; shared by every result
 * about it; and worth nothing on any other object — an entry copied onto unvalidated
 * input, or one made up for it, does not let that input skip validation.
 */
import { describe, expect, it } from 'vitest';
import { screenAfdelinger, validateAfdeling } from '../../src/index.js';
import { afdeling, roligPeriode } from './helpers.js';

const ASOF = '2024-12-01';

function validated(): object {
  const r = validateAfdeling(afdeling([roligPeriode(ASOF, { voldHaendelser: 3 })], { id: 'v1' }));
  if (!r.ok) throw new Error('the helper afdeling does not validate');
  return r.value;
}

describe('the memo of a validated afdeling', () => {
  it('shows in no key list, copy or JSON', () => {
    const v = validated();
    const input = afdeling([roligPeriode(ASOF, { voldHaendelser: 3 })], { id: 'v1' });
    expect(Object.keys(v)).toEqual(Object.keys(input));
    expect(Object.getOwnPropertySymbols({ ...v })).toEqual([]);
    expect(JSON.parse(JSON.stringify(v))).toEqual(JSON.parse(JSON.stringify(input)));
  });

  it('gives every result about the afdeling the same frozen summary', () => {
    const v = validated();
    const [first] = screenAfdelinger([v], { asOf: ASOF }).results;
    const [second] = screenAfdelinger([v], { asOf: '2025-01-01' }).results;
    expect(first?.afdeling).toEqual({ id: 'v1', navn: expect.any(String), boligorganisation: expect.any(String), kommune: expect.any(String) });
    expect(second?.afdeling).toBe(first?.afdeling);
    expect(Object.isFrozen(first?.afdeling)).toBe(true);
  });

  it('counts for nothing when copied onto input that does not validate', () => {
    const v = validated();
    const [symbol] = Object.getOwnPropertySymbols(v);
    if (symbol === undefined) throw new Error('a validated afdeling keeps its memo under a symbol');
    const forged = { id: 'falsk', navn: 'Falsk', perioder: 'ingen' };
    Object.defineProperty(forged, symbol, { value: (v as Record<symbol, unknown>)[symbol] });
    const { results, diagnostics } = screenAfdelinger([forged], { asOf: ASOF });
    expect(results).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === 'error' && d.id === 'falsk')).toBe(true);
  });

  it('counts for nothing when made up to look like one, for the input it is on', () => {
    const [symbol] = Object.getOwnPropertySymbols(validated());
    if (symbol === undefined) throw new Error('a validated afdeling keeps its memo under a symbol');
    const forged = { id: 'falsk', navn: 'Falsk', perioder: 'ingen' };
    const summary = { id: 'falsk', navn: 'Falsk', boligorganisation: 'x', kommune: 'y' };
    Object.defineProperty(forged, symbol, { value: { afdeling: forged, summary, ignoresStatus: false } });
    const { results, diagnostics } = screenAfdelinger([forged], { asOf: ASOF });
    expect(results).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
  });

  it('is not looked for through a proxy that throws: the input is validated, and refused', () => {
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new Error('fælde');
        },
      },
    );
    const { results, diagnostics } = screenAfdelinger([hostile], { asOf: ASOF });
    expect(results).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
  });
});
