import { describe, expect, it } from 'vitest';
import { indsatsState, LifecycleEventError, validateIndsatsEvents } from '../../src/lifecycle/state.js';
import type { IndsatsEvent } from '../../src/lifecycle/schema.js';
import { makeIndsats, startedHelhedsplan } from './helpers.js';

function expectViolation(fn: () => unknown, index: number, type: string, rule: string, code: string) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LifecycleEventError);
    const err = e as LifecycleEventError;
    expect(err.event.index).toBe(index);
    expect(err.event.type).toBe(type);
    expect(err.rule).toBe(rule);
    expect(err.code).toBe(code);
    expect(err.diagnostics[0]?.pointer).toBe(`/events/${index}`);
    expect(err.diagnostics[0]?.message).toContain(`Hændelse nr. ${index + 1} (${type}`);
    return;
  }
  throw new Error('expected a LifecycleEventError');
}

describe('indsatsState', () => {
  const events = startedHelhedsplan();
  const indsats = makeIndsats(events);

  it('walks through the states as the events happen', () => {
    expect(indsatsState(indsats, { asOf: '2019-12-31' }).tilstand).toBe('under-forberedelse');
    expect(indsatsState(indsats, { asOf: '2019-12-31' }).siden).toBeNull();
    expect(indsatsState(indsats, { asOf: '2020-04-30' }).tilstand).toBe('under-forberedelse');
    expect(indsatsState(indsats, { asOf: '2020-05-01' }).tilstand).toBe('praekvalificeret');
    expect(indsatsState(indsats, { asOf: '2020-10-01' }).tilstand).toBe('godkendt');
    const s = indsatsState(indsats, { asOf: '2021-01-01' });
    expect(s.tilstand).toBe('i-gang');
    expect(s.startDato).toBe('2021-01-01');
    expect(s.siden).toBe('2021-01-01');
    expect(s.bevilling).toEqual({ date: '2020-10-01', varighedMaaneder: 48 });
  });

  it('reaches under afslutning and afsluttet, and records the successor after the end', () => {
    const log: IndsatsEvent[] = [
      ...events,
      { type: 'midtvejsevaluering', date: '2023-01-10' },
      { type: 'forlaengelse', date: '2024-06-01', maaneder: 6 },
      { type: 'beslutning-om-afslutning', date: '2025-01-01', begrundelse: ['maal-naaet'], planlagtSlut: '2025-06-30' },
      { type: 'afslutning', date: '2025-06-30' },
      { type: 'efterfoelger', date: '2025-07-01', indsatsId: 'naeste' },
    ];
    const i = makeIndsats(log);
    expect(indsatsState(i, { asOf: '2025-01-01' }).tilstand).toBe('under-afslutning');
    const end = indsatsState(i, { asOf: '2025-12-31' });
    expect(end.tilstand).toBe('afsluttet');
    expect(end.forlaengelseMaaneder).toBe(6);
    expect(end.midtvejsevalueringer).toEqual(['2023-01-10']);
    expect(end.efterfoelger).toBe('naeste');
    expect(end.opgivet).toBe(false);
    expect(Object.isFrozen(end)).toBe(true);
  });

  it('marks a preparation ended before any start as opgivet', () => {
    const i = makeIndsats([{ type: 'afdelingsmoede', date: '2020-01-01', afdeling: 'A', beslutning: 'imod' }, { type: 'afslutning', date: '2020-02-01' }]);
    const s = indsatsState(i, { asOf: '2020-03-01' });
    expect(s.tilstand).toBe('afsluttet');
    expect(s.opgivet).toBe(true);
  });

  it('does not mutate or freeze its input', () => {
    const i = makeIndsats(startedHelhedsplan());
    const before = JSON.stringify(i);
    indsatsState(i, { asOf: '2030-01-01' });
    expect(JSON.stringify(i)).toBe(before);
    expect(Object.isFrozen(i.events)).toBe(false);
  });

  it('rejects a start without bevilling, naming the event and rule', () => {
    const log = events.filter((e) => e.type !== 'bevilling');
    expectViolation(() => indsatsState(makeIndsats(log), { asOf: '2030-01-01' }), log.length - 1, 'start', 'start-kraever-bevilling', 'event-not-allowed');
  });

  it('rejects two ends', () => {
    const log: IndsatsEvent[] = [...events, { type: 'afslutning', date: '2024-12-31' }, { type: 'afslutning', date: '2025-01-31' }];
    expectViolation(() => indsatsState(makeIndsats(log), { asOf: '2030-01-01' }), log.length - 1, 'afslutning', 'kun-en-afslutning', 'event-not-allowed');
  });

  it('rejects an event dated before the previous one with code event-order', () => {
    const log: IndsatsEvent[] = [...events, { type: 'midtvejsevaluering', date: '2020-12-31' }];
    expectViolation(() => indsatsState(makeIndsats(log), { asOf: '2030-01-01' }), log.length - 1, 'midtvejsevaluering', 'dato-raekkefoelge', 'event-order');
  });

  it('rejects an out-of-order event even when asOf lies between the two', () => {
    const log: IndsatsEvent[] = [...events, { type: 'midtvejsevaluering', date: '2023-01-01' }, { type: 'forlaengelse', date: '2022-01-01', maaneder: 3 }];
    expectViolation(() => indsatsState(makeIndsats(log), { asOf: '2022-06-01' }), log.length - 1, 'forlaengelse', 'dato-raekkefoelge', 'event-order');
  });

  it.each([
    ['bevilling of a helhedsplan without prækvalifikation', [{ type: 'bevilling', date: '2020-01-01' }], 'bevilling-kraever-praekvalifikation'],
    ['prækvalifikation granted without application', [{ type: 'praekvalifikation-bevilget', date: '2020-01-01' }], 'praekvalifikation-kraever-ansoegning'],
    ['midtvejsevaluering before start', [{ type: 'midtvejsevaluering', date: '2020-01-01' }], 'midtvejsevaluering-kraever-i-gang'],
    ['forlængelse before start', [{ type: 'forlaengelse', date: '2020-01-01', maaneder: 3 }], 'forlaengelse-kraever-i-gang'],
    ['decision to end before start', [{ type: 'beslutning-om-afslutning', date: '2020-01-01', begrundelse: [] }], 'beslutning-kraever-i-gang'],
    ['successor before start', [{ type: 'efterfoelger', date: '2020-01-01', indsatsId: 'x' }], 'efterfoelger-kraever-start'],
    ['afdelingsmøde of an afdeling not in the indsats', [{ type: 'afdelingsmoede', date: '2020-01-01', afdeling: 'Z', beslutning: 'for' }], 'ukendt-afdeling'],
  ] as [string, IndsatsEvent[], string][])('rejects %s', (_name, log, rule) => {
    expectViolation(() => indsatsState(makeIndsats(log), { asOf: '2030-01-01' }), log.length - 1, log[log.length - 1]!.type, rule, 'event-not-allowed');
  });

  it('rejects prækvalifikation for a kind other than helhedsplan', () => {
    const log: IndsatsEvent[] = [{ type: 'praekvalifikation-ansoegt', date: '2020-01-01' }];
    expectViolation(() => indsatsState(makeIndsats(log, { kind: 'lokalt-udviklingsprojekt' }), { asOf: '2030-01-01' }), 0, 'praekvalifikation-ansoegt', 'praekvalifikation-kun-helhedsplan', 'event-not-allowed');
  });

  it('lets a lokalt udviklingsprojekt be granted without prækvalifikation', () => {
    const i = makeIndsats([{ type: 'bevilling', date: '2020-01-01' }, { type: 'start', date: '2020-02-01' }], { kind: 'lokalt-udviklingsprojekt' });
    expect(indsatsState(i, { asOf: '2020-02-01' }).tilstand).toBe('i-gang');
  });

  it('ignores a broken event after asOf but validateIndsatsEvents reports it', () => {
    const log: IndsatsEvent[] = [...events, { type: 'start', date: '2022-01-01' }];
    const i = makeIndsats(log);
    expect(indsatsState(i, { asOf: '2021-06-01' }).tilstand).toBe('i-gang');
    const v = validateIndsatsEvents(i);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors[0]?.code).toBe('event-not-allowed');
      expect(v.errors[0]?.pointer).toBe(`/events/${log.length - 1}`);
      expect(v.errors[0]?.hint).toContain('kun-en-start');
    }
  });
});
