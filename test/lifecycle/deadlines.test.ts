import { describe, expect, it } from 'vitest';
import { decisionsDue, indsatsDeadlines } from '../../src/lifecycle/deadlines.js';
import { lifecycleParameters } from '../../src/lifecycle/parameters.js';
import type { IndsatsEvent } from '../../src/lifecycle/schema.js';
import { indsatsState } from '../../src/lifecycle/state.js';
import { lifecycleRegistry, makeIndsats, startedHelhedsplan } from './helpers.js';

const params = lifecycleParameters(lifecycleRegistry().inForce('lifecycle', '2025-06-01'));

describe('lifecycle parameters', () => {
  it('reads the named parameters from the rule file', () => {
    expect(params).toEqual({ standardVarighedMaaneder: 48, forberedelseMaaneder: 18, midtvejsevalueringEfterMaaneder: 24, perioderStabilUdvikling: 2 });
  });
});

describe('indsatsDeadlines', () => {
  const indsats = makeIndsats(startedHelhedsplan());

  it('computes the end date, midtvejsevaluering and successor preparation from the start', () => {
    const d = indsatsDeadlines(indsats, indsatsState(indsats, { asOf: '2022-01-01' }), params);
    expect(d).toEqual({
      startDato: '2021-01-01',
      planlagt: false,
      varighedMaaneder: 48,
      forlaengelseMaaneder: 0,
      slutDato: '2024-12-31',
      midtvejsevalueringForfalder: '2023-01-01',
      forberedEfterfoelgerFra: '2023-06-30',
    });
  });

  it('adds extensions and honours an earlier decided end', () => {
    const ext = makeIndsats([...startedHelhedsplan(), { type: 'forlaengelse', date: '2024-01-01', maaneder: 12 }]);
    expect(indsatsDeadlines(ext, indsatsState(ext, { asOf: '2024-06-01' }), params).slutDato).toBe('2025-12-31');
    const cut = makeIndsats([...startedHelhedsplan(), { type: 'beslutning-om-afslutning', date: '2023-01-01', begrundelse: ['ingen-opbakning'], planlagtSlut: '2023-06-30' }]);
    expect(indsatsDeadlines(cut, indsatsState(cut, { asOf: '2023-02-01' }), params).slutDato).toBe('2023-06-30');
  });

  it('clamps month ends (start 31 January)', () => {
    const log = startedHelhedsplan().map((e): IndsatsEvent => (e.type === 'start' ? { type: 'start', date: '2021-01-31' } : e));
    const i = makeIndsats(log);
    const d = indsatsDeadlines(i, indsatsState(i, { asOf: '2021-02-01' }), params);
    expect(d.slutDato).toBe('2025-01-30');
    expect(d.midtvejsevalueringForfalder).toBe('2023-01-31');
  });

  it('uses the planned start before the start and has no successor date for other kinds', () => {
    const i = makeIndsats([], { kind: 'lokalt-udviklingsprojekt', planlagtStart: '2026-03-01', planlagtVarighedMaaneder: 24 });
    const d = indsatsDeadlines(i, indsatsState(i, { asOf: '2025-06-01' }), params);
    expect(d.planlagt).toBe(true);
    expect(d.slutDato).toBe('2028-02-29');
    expect(d.forberedEfterfoelgerFra).toBeNull();
  });
});

describe('decisionsDue', () => {
  const indsats = makeIndsats(startedHelhedsplan());
  const status = indsatsState(indsats, { asOf: '2023-03-01' });
  const d = indsatsDeadlines(indsats, status, params);

  it('lists overdue and upcoming decisions within the horizon, earliest first', () => {
    const due = decisionsDue(indsats, status, d, { asOf: '2023-03-01', horizonMonths: 12 });
    expect(due.map((x) => [x.kind, x.dato, x.forfalden])).toEqual([
      ['midtvejsevaluering', '2023-01-01', true],
      ['forbered-efterfoelger', '2023-06-30', false],
    ]);
    expect(due[0]?.dageTil).toBe(-59);
  });

  it('includes the end once the horizon reaches it', () => {
    const due = decisionsDue(indsats, status, d, { asOf: '2023-03-01', horizonMonths: 22 });
    expect(due.map((x) => x.kind)).toContain('afslutning');
  });

  it('drops the midtvejsevaluering once done and the successor once linked', () => {
    const i = makeIndsats([...startedHelhedsplan(), { type: 'midtvejsevaluering', date: '2023-01-15' }, { type: 'efterfoelger', date: '2023-02-01', indsatsId: 'ny' }]);
    const s = indsatsState(i, { asOf: '2023-03-01' });
    expect(decisionsDue(i, s, indsatsDeadlines(i, s, params), { asOf: '2023-03-01', horizonMonths: 12 })).toEqual([]);
  });
});
