/**
 * Property tests of the state fold against an independent reference model of the
 * event rules: over random valid event sequences, the state on any date equals the
 * state from replaying the events in order up to that date; random invalid
 * sequences are rejected with the event and the rule named.
 */
import fc from 'fast-check';
import { addDays, formatISO, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { INDSATS_KINDS, type IndsatsKind } from '../../src/domain/indsats.js';
import { EVENT_TYPES, type EventType, type IndsatsEvent } from '../../src/lifecycle/schema.js';
import { EVENT_RULES, indsatsState, LifecycleEventError } from '../../src/lifecycle/state.js';
import { makeIndsats } from './helpers.js';
import { allowed, event, INITIAL, replay, step, type Model } from './reference-model.js';
import { runs } from '../support/runs.js';

const iso = (d: Date) => formatISO(d, { representation: 'date' });

const WEIGHT_ONE: ReadonlySet<EventType> = new Set(['screening', 'afdelingsmoede', 'finansiering', 'samarbejdsaftale', 'afslutning']);

/** A random valid log: a random walk over the allowed event types with non-decreasing dates. */
const validLog = fc
  .record({
    kind: fc.constantFrom(...INDSATS_KINDS),
    steps: fc.array(fc.record({ choice: fc.nat(), gap: fc.integer({ min: 0, max: 400 }) }), { maxLength: 30 }),
  })
  .map(({ kind, steps }) => {
    let m = INITIAL;
    let date = parseISO('2016-01-01');
    const events: IndsatsEvent[] = [];
    const models: Model[] = [];
    for (const s of steps) {
      // Lifecycle-advancing events weigh more, so walks reach every state.
      const options = EVENT_TYPES.filter((t) => allowed(m, t, kind)).flatMap((t) => (WEIGHT_ONE.has(t) ? [t] : [t, t, t, t]));
      if (options.length === 0) break;
      const type = options[s.choice % options.length] as EventType;
      date = addDays(date, s.gap);
      models.push(m);
      events.push(event(type, iso(date)));
      m = step(m, type);
    }
    return { kind, events, models };
  });

/** The LifecycleEventError that folding `log` raises (the test fails if it raises none). */
function rejection(log: IndsatsEvent[], kind: IndsatsKind): LifecycleEventError {
  let caught: unknown;
  try {
    indsatsState(makeIndsats(log, { kind }), { asOf: '2100-01-01' });
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(LifecycleEventError);
  return caught as LifecycleEventError;
}

describe('indsatsState over random valid logs', () => {
  it('the state on any date equals replaying the events up to that date in order', () => {
    fc.assert(
      fc.property(validLog, fc.integer({ min: -30, max: 12000 }), ({ kind, events }, offset) => {
        const indsats = makeIndsats(events, { kind });
        const dates = [...new Set(events.map((e) => e.date))];
        const probes = [iso(addDays(parseISO('2016-01-01'), offset)), ...dates, ...dates.map((d) => iso(addDays(parseISO(d), -1)))];
        for (const asOf of probes) {
          const upTo = events.filter((e) => e.date <= asOf);
          const state = indsatsState(indsats, { asOf });
          expect(state.tilstand).toBe(replay(upTo));
          expect(state.events).toBe(upTo.length);
          // The fold of the whole log up to asOf equals the fold of the log cut at asOf.
          expect(indsatsState(makeIndsats(upTo, { kind }), { asOf })).toEqual(state);
        }
      }),
    );
  });
});

describe('indsatsState over random invalid logs', () => {
  it('rejects an inserted disallowed event, naming its index, type, date and rule', () => {
    fc.assert(
      fc.property(validLog, fc.nat(), fc.nat(), ({ kind, events, models }, at, pick) => {
        const k = events.length === 0 ? 0 : at % (events.length + 1);
        const m = k < events.length ? (models[k] as Model) : events.reduce((s, e) => step(s, e.type), INITIAL);
        const bad = EVENT_TYPES.filter((t) => !allowed(m, t, kind));
        fc.pre(bad.length > 0);
        const type = bad[pick % bad.length] as EventType;
        const date = k === 0 ? '2015-12-31' : (events[k - 1] as IndsatsEvent).date;
        const log = [...events.slice(0, k), event(type, date), ...events.slice(k)];
        const err = rejection(log, kind);
        expect(err.code).toBe('event-not-allowed');
        expect(err.event).toEqual({ index: k, type, date });
        expect(Object.keys(EVENT_RULES)).toContain(err.rule);
        expect(err.rule).not.toBe('dato-raekkefoelge');
        expect(err.diagnostics[0]?.pointer).toBe(`/events/${k}`);
        expect(err.diagnostics[0]?.message).toContain(type);
      }),
      { numRuns: runs(400) },
    );
  });

  it('rejects an event dated before its predecessor with event-order', () => {
    fc.assert(
      fc.property(validLog, fc.nat(), fc.integer({ min: 1, max: 500 }), ({ kind, events }, at, back) => {
        fc.pre(events.length >= 2);
        const k = 1 + (at % (events.length - 1));
        const prev = (events[k - 1] as IndsatsEvent).date;
        const moved = { ...(events[k] as IndsatsEvent), date: iso(addDays(parseISO(prev), -back)) } as IndsatsEvent;
        const log = [...events.slice(0, k), moved, ...events.slice(k + 1)];
        const err = rejection(log, kind);
        expect(err.code).toBe('event-order');
        expect(err.rule).toBe('dato-raekkefoelge');
        expect(err.event).toEqual({ index: k, type: moved.type, date: moved.date });
      }),
    );
  });
});
