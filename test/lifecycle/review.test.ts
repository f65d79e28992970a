import { describe, expect, it } from 'vitest';
import { addDays, formatISO, parseISO } from 'date-fns';
import { indsatsState } from '../../src/lifecycle/state.js';
import { replay } from './reference-model.js';
import type { IndsatsEvent } from '../../src/lifecycle/schema.js';
import { fixtureIndsatser, lifecycleRegistry, makeIndsats } from './helpers.js';
import { reviewIndsatser } from '../../src/lifecycle/index.js';

const rules = lifecycleRegistry();
const iso = (d: Date) => formatISO(d, { representation: 'date' });
const all = fixtureIndsatser();

describe('reviewIndsatser', () => {
  const review = reviewIndsatser(all, { asOf: '2025-06-01', rules });

  it('reviews every indsats and sorts by urgency: overdue first, ended last', () => {
    expect(review.indsatser).toHaveLength(all.length);
    expect(review.fejl).toEqual([]);
    const ids = review.indsatser.map((r) => r.indsats.id);
    expect(ids.slice(0, 3)).toEqual(['nordvest-hp-2022', 'tingbjerg-hp-2021', 'sydhavn-ejf-2021']);
    const states = review.indsatser.map((r) => r.assessment.status.tilstand);
    const firstEnded = states.indexOf('afsluttet');
    expect(states.slice(firstEnded).every((s) => s === 'afsluttet')).toBe(true);
    const days = review.indsatser.slice(0, firstEnded).map((r) => r.dageTilNaesteFrist ?? Number.POSITIVE_INFINITY);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
  });

  it('lists the stop parameters pointing to ending', () => {
    const sydhavn = review.indsatser.find((r) => r.indsats.id === 'sydhavn-ejf-2021');
    expect(sydhavn?.stopPegerMod).toEqual(['behov-ophoert', 'maal-naaet']);
    expect(sydhavn?.assessment.frister[0]?.kind).toBe('vurder-afslutning');
  });

  it('narrows decisions to the horizon', () => {
    const short = reviewIndsatser(all, { asOf: '2025-06-01', horizonMonths: 1, rules });
    const amager = short.indsatser.find((r) => r.indsats.id === 'amager-hp-2026');
    expect(amager?.assessment.frister).toEqual([]);
    const long = review.indsatser.find((r) => r.indsats.id === 'amager-hp-2026');
    expect(long?.assessment.frister.map((f) => f.kind)).toEqual(['opstart']);
  });

  it('reports an indsats with a broken log and a duplicate id, and still reviews the rest', () => {
    const broken = makeIndsats([{ type: 'start', date: '2020-01-01' } as IndsatsEvent], { id: 'broken' });
    const first = all[0]!;
    const r = reviewIndsatser([broken, ...all, first], { asOf: '2025-06-01', rules });
    expect(r.indsatser).toHaveLength(all.length);
    expect(r.fejl.map((d) => [d.code, d.id])).toEqual([
      ['event-not-allowed', 'broken'],
      ['input-invalid', first.id],
    ]);
  });
});

describe('successor links', () => {
  it('warns when a successor is missing from the portfolio or does not name its predecessor', () => {
    const first = all.find((i) => i.id === 'tingbjerg-hp-2017')!;
    const next = all.find((i) => i.id === 'tingbjerg-hp-2021')!;
    const alone = reviewIndsatser([first], { asOf: '2025-06-01', rules });
    expect(alone.fejl.map((d) => [d.severity, d.id])).toEqual([['warning', 'tingbjerg-hp-2017']]);
    expect(alone.fejl[0]?.message).toContain('tingbjerg-hp-2021');
    const { forgaenger: _dropped, ...orphan } = next;
    const unlinked = reviewIndsatser([first, orphan], { asOf: '2025-06-01', rules });
    expect(unlinked.fejl.map((d) => [d.severity, d.id])).toEqual([['warning', 'tingbjerg-hp-2021']]);
    expect(reviewIndsatser([first, next], { asOf: '2025-06-01', rules }).fejl).toEqual([]);
  });

  it('rejects an asOf that is not a calendar date', () => {
    expect(() => reviewIndsatser(all, { asOf: '2025-02-30', rules })).toThrow(/YYYY-MM-DD/);
  });
});

describe('the fixture portfolio', () => {
  it('holds at least 15 indsatser of every kind and every state on 2025-06-01', () => {
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(new Set(all.map((i) => i.kind))).toEqual(new Set(['helhedsplan', 'lokalt-udviklingsprojekt', 'boligsocial-ejendomsfunktionaer']));
    const review = reviewIndsatser(all, { asOf: '2025-06-01', rules });
    expect(new Set(review.indsatser.map((r) => r.assessment.status.tilstand))).toEqual(
      new Set(['under-forberedelse', 'praekvalificeret', 'godkendt', 'i-gang', 'under-afslutning', 'afsluttet']),
    );
  });

  it('links a helhedsplan to its successor both ways', () => {
    const first = all.find((i) => i.id === 'tingbjerg-hp-2017')!;
    const next = all.find((i) => i.id === 'tingbjerg-hp-2021')!;
    expect(first.events.find((e) => e.type === 'efterfoelger')).toMatchObject({ indsatsId: next.id });
    expect(next.forgaenger).toBe(first.id);
    expect(next.kind).toBe('helhedsplan');
  });

  it('includes ends for lack of support, lack of financing and forankring', () => {
    const reasons = (id: string) => all.find((i) => i.id === id)!.events.find((e) => e.type === 'beslutning-om-afslutning');
    expect(reasons('sundby-lup-2020')).toMatchObject({ begrundelse: ['ingen-opbakning'] });
    expect(reasons('bispebjerg-hp-2019')).toMatchObject({ begrundelse: ['finansiering-ophoert'] });
    expect(reasons('valby-ejf-2019')).toMatchObject({ begrundelse: expect.arrayContaining(['aktiviteter-forankret']) });
  });

  it('the state of every fixture on every event date (and the day before) equals replaying its events in order', () => {
    for (const i of all) {
      for (const e of i.events) {
        for (const asOf of [e.date, iso(addDays(parseISO(e.date), -1))]) {
          const upTo = i.events.filter((x) => x.date <= asOf);
          expect(indsatsState(i, { asOf }).tilstand, `${i.id} ${asOf}`).toBe(replay(upTo));
        }
      }
    }
  });
});
