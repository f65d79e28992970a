/**
 * An independent reference model of the event rules, written from the text
 * rather than from src/lifecycle/state.ts: which event each state allows and which
 * state it leads to.
 */
import type { IndsatsKind } from '../../src/domain/indsats.js';
import type { EventType, IndsatsEvent } from '../../src/lifecycle/schema.js';
import type { IndsatsTilstand } from '../../src/lifecycle/state.js';

export interface Model {
  tilstand: IndsatsTilstand;
  praek: 'ingen' | 'ansoegt' | 'bevilget' | 'afslaaet';
  succ: boolean;
}

/** The reference model: is `type` allowed in `m` for `kind`? */
export function allowed(m: Model, type: EventType, kind: IndsatsKind): boolean {
  if (m.tilstand === 'afsluttet') return type === 'efterfoelger' && !m.succ;
  switch (type) {
    case 'screening':
    case 'afdelingsmoede':
    case 'finansiering':
    case 'samarbejdsaftale':
    case 'afslutning':
      return true;
    case 'praekvalifikation-ansoegt':
      return kind === 'helhedsplan' && m.tilstand === 'under-forberedelse' && m.praek !== 'ansoegt';
    case 'praekvalifikation-bevilget':
    case 'praekvalifikation-afslaaet':
      return kind === 'helhedsplan' && m.praek === 'ansoegt';
    case 'bevilling':
      return kind === 'helhedsplan' ? m.tilstand === 'praekvalificeret' : m.tilstand === 'under-forberedelse' || m.tilstand === 'praekvalificeret';
    case 'start':
      return m.tilstand === 'godkendt';
    case 'midtvejsevaluering':
    case 'forlaengelse':
    case 'beslutning-om-afslutning':
      return m.tilstand === 'i-gang';
    case 'efterfoelger':
      return (m.tilstand === 'i-gang' || m.tilstand === 'under-afslutning') && !m.succ;
  }
}

export function step(m: Model, type: EventType): Model {
  switch (type) {
    case 'praekvalifikation-ansoegt':
      return { ...m, praek: 'ansoegt' };
    case 'praekvalifikation-bevilget':
      return { ...m, praek: 'bevilget', tilstand: 'praekvalificeret' };
    case 'praekvalifikation-afslaaet':
      return { ...m, praek: 'afslaaet' };
    case 'bevilling':
      return { ...m, tilstand: 'godkendt' };
    case 'start':
      return { ...m, tilstand: 'i-gang' };
    case 'beslutning-om-afslutning':
      return { ...m, tilstand: 'under-afslutning' };
    case 'afslutning':
      return { ...m, tilstand: 'afsluttet' };
    case 'efterfoelger':
      return { ...m, succ: true };
    default:
      return m;
  }
}

export const INITIAL: Model = { tilstand: 'under-forberedelse', praek: 'ingen', succ: false };

/** Replays events in order with the reference model. */
export function replay(events: readonly IndsatsEvent[]): IndsatsTilstand {
  return events.reduce((m, e) => step(m, e.type), INITIAL).tilstand;
}

export function event(type: EventType, date: string): IndsatsEvent {
  switch (type) {
    case 'screening':
      return { type, date, afdeling: 'A', periode: date.slice(0, 4), flag: [], anbefaling: 'helhedsplan' };
    case 'afdelingsmoede':
      return { type, date, afdeling: 'B', beslutning: 'for' };
    case 'finansiering':
      return { type, date, lokalMedfinansieringDaekket: true };
    case 'bevilling':
      return { type, date, varighedMaaneder: 48 };
    case 'samarbejdsaftale':
      return { type, date, partner: 'Kommunen' };
    case 'forlaengelse':
      return { type, date, maaneder: 6 };
    case 'beslutning-om-afslutning':
      return { type, date, begrundelse: ['maal-naaet'] };
    case 'efterfoelger':
      return { type, date, indsatsId: 'efterfoelger' };
    default:
      return { type, date };
  }
}

