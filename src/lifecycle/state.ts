/**
 * The state of an indsats on a date: a pure fold of its events up to that date.
 *
 * Every event is checked against the state the earlier events left; an event the
 * state does not allow (a start without bevilling, two ends, an event dated before
 * the previous one) throws a {@link LifecycleEventError} naming the event and the
 * rule broken. Nothing is skipped silently.
 */
import { formatDato } from '../format/danish.js';
import { BoligsocialError, diagnostic, fail, ok, type Diagnostic, type Result } from '../errors.js';
import { INDSATS_KIND_NAVN } from '../domain/indsats.js';
import type { Indsats, IndsatsEvent, EventType } from './schema.js';
import { isIsoDate } from '../domain/calendar.js';
import { deepFreeze, type Mutable } from '../domain/freeze.js';

/** The states of an indsats, in lifecycle order. */
export const INDSATS_TILSTANDE = ['under-forberedelse', 'praekvalificeret', 'godkendt', 'i-gang', 'under-afslutning', 'afsluttet'] as const;
/** A state of an indsats. */
export type IndsatsTilstand = (typeof INDSATS_TILSTANDE)[number];

/** Danish names of the states. */
export const TILSTAND_NAVN: Readonly<Record<IndsatsTilstand, string>> = Object.freeze({
  'under-forberedelse': 'under forberedelse',
  praekvalificeret: 'prækvalificeret',
  godkendt: 'godkendt',
  'i-gang': 'i gang',
  'under-afslutning': 'under afslutning',
  afsluttet: 'afsluttet',
});

/** The rules an event must obey, by id, with their Danish wording. */
export const EVENT_RULES = Object.freeze({
  'dato-raekkefoelge': 'Hændelserne skal stå i datoorden: en hændelse må ikke være dateret før den foregående',
  'afsluttet-er-endelig': 'Efter afslutningen kan der kun registreres en efterfølger',
  'kun-en-afslutning': 'En indsats kan kun afsluttes én gang',
  'ukendt-afdeling': 'Screeninger og afdelingsmøder skal angå en af indsatsens afdelinger',
  'praekvalifikation-kun-helhedsplan': 'Prækvalifikation hos Landsbyggefonden gælder kun boligsociale helhedsplaner',
  'praekvalifikation-ansoegning': 'Der kan kun søges prækvalifikation under forberedelsen, og ikke mens en ansøgning er under behandling eller efter prækvalifikation',
  'praekvalifikation-kraever-ansoegning': 'Prækvalifikation kan kun bevilges eller afslås, når der er søgt',
  'bevilling-kraever-praekvalifikation': 'En boligsocial helhedsplan kan kun bevilges efter prækvalifikation',
  'kun-en-bevilling': 'En indsats bevilges én gang; forlængelse registreres som forlængelse',
  'start-kraever-bevilling': 'En indsats kan ikke starte uden bevilling',
  'kun-en-start': 'En indsats kan kun starte én gang',
  'midtvejsevaluering-kraever-i-gang': 'Midtvejsevaluering kræver at indsatsen er i gang',
  'forlaengelse-kraever-i-gang': 'Forlængelse kræver at indsatsen er i gang',
  'beslutning-kraever-i-gang': 'Beslutning om afslutning kræver at indsatsen er i gang (en forberedelse der opgives, registreres som afslutning)',
  'efterfoelger-kraever-start': 'En efterfølger kan kun knyttes til en indsats der er startet',
  'kun-en-efterfoelger': 'En indsats har højst én efterfølger',
  'efterfoelger-ikke-sig-selv': 'En indsats kan ikke være sin egen efterfølger',
} as const);
/** The id of an event rule. */
export type EventRuleId = keyof typeof EVENT_RULES;

/** The status of the LBF prækvalifikation. */
export type PraekvalifikationStatus = 'ingen' | 'ansoegt' | 'bevilget' | 'afslaaet';

/** What the fold knows after the events up to a date. */
export interface IndsatsStatus {
  readonly indsatsId: string;
  readonly asOf: string;
  readonly tilstand: IndsatsTilstand;
  /** The date of the event that brought the indsats into its state; null while nothing has happened. */
  readonly siden: string | null;
  /** How many events were folded (those dated on or before asOf). */
  readonly events: number;
  readonly praekvalifikation: PraekvalifikationStatus;
  readonly bevilling: { readonly date: string; readonly varighedMaaneder?: number } | null;
  readonly startDato: string | null;
  readonly midtvejsevalueringer: readonly string[];
  readonly forlaengelseMaaneder: number;
  readonly beslutningOmAfslutning: Extract<IndsatsEvent, { type: 'beslutning-om-afslutning' }> | null;
  readonly afslutningDato: string | null;
  readonly efterfoelger: string | null;
  /** Whether the indsats ended before it started (a preparation given up). */
  readonly opgivet: boolean;
}

/** Where an event sits in the log. */
export interface EventRef {
  /** 0-based index in `events`. */
  readonly index: number;
  readonly type: EventType;
  readonly date: string;
}

/** Thrown when an event breaks an event rule: names the indsats, the event and the rule. */
export class LifecycleEventError extends BoligsocialError {
  readonly indsatsId: string;
  readonly event: EventRef;
  readonly rule: EventRuleId;

  constructor(indsatsId: string, event: EventRef, rule: EventRuleId, d: Diagnostic) {
    super(d.code, `indsats ${indsatsId}: event ${event.index} (${event.type}, ${event.date}) breaks rule ${rule}`, [d]);
    this.indsatsId = indsatsId;
    this.event = event;
    this.rule = rule;
  }
}

function initial(indsats: Indsats, asOf: string): Mutable<IndsatsStatus> {
  return {
    indsatsId: indsats.id,
    asOf,
    tilstand: 'under-forberedelse',
    siden: null,
    events: 0,
    praekvalifikation: 'ingen',
    bevilling: null,
    startDato: null,
    midtvejsevalueringer: [],
    forlaengelseMaaneder: 0,
    beslutningOmAfslutning: null,
    afslutningDato: null,
    efterfoelger: null,
    opgivet: false,
  };
}

/** Which rule `event` breaks in state `s`, or null if it is allowed. */
function brokenRule(s: IndsatsStatus, event: IndsatsEvent, lastDate: string | null, indsats: Indsats, afdelinger: ReadonlySet<string>): EventRuleId | null {
  if (lastDate !== null && event.date < lastDate) return 'dato-raekkefoelge';
  if (s.tilstand === 'afsluttet' && event.type !== 'efterfoelger') {
    return event.type === 'afslutning' ? 'kun-en-afslutning' : 'afsluttet-er-endelig';
  }
  const preStart = s.tilstand === 'under-forberedelse' || s.tilstand === 'praekvalificeret' || s.tilstand === 'godkendt';
  switch (event.type) {
    case 'screening':
    case 'afdelingsmoede':
      return afdelinger.has(event.afdeling) ? null : 'ukendt-afdeling';
    case 'praekvalifikation-ansoegt':
      if (indsats.kind !== 'helhedsplan') return 'praekvalifikation-kun-helhedsplan';
      return s.tilstand === 'under-forberedelse' && s.praekvalifikation !== 'ansoegt' ? null : 'praekvalifikation-ansoegning';
    case 'praekvalifikation-bevilget':
    case 'praekvalifikation-afslaaet':
      if (indsats.kind !== 'helhedsplan') return 'praekvalifikation-kun-helhedsplan';
      return s.praekvalifikation === 'ansoegt' ? null : 'praekvalifikation-kraever-ansoegning';
    case 'bevilling':
      if (!(s.tilstand === 'under-forberedelse' || s.tilstand === 'praekvalificeret')) return 'kun-en-bevilling';
      return indsats.kind === 'helhedsplan' && s.tilstand !== 'praekvalificeret' ? 'bevilling-kraever-praekvalifikation' : null;
    case 'start':
      if (s.tilstand === 'godkendt') return null;
      return preStart ? 'start-kraever-bevilling' : 'kun-en-start';
    case 'midtvejsevaluering':
      return s.tilstand === 'i-gang' ? null : 'midtvejsevaluering-kraever-i-gang';
    case 'forlaengelse':
      return s.tilstand === 'i-gang' ? null : 'forlaengelse-kraever-i-gang';
    case 'beslutning-om-afslutning':
      return s.tilstand === 'i-gang' ? null : 'beslutning-kraever-i-gang';
    case 'efterfoelger':
      if (preStart) return 'efterfoelger-kraever-start';
      if (s.efterfoelger !== null) return 'kun-en-efterfoelger';
      return event.indsatsId === indsats.id ? 'efterfoelger-ikke-sig-selv' : null;
    case 'finansiering':
    case 'samarbejdsaftale':
    case 'afslutning':
      return null;
  }
}

/** Applies an allowed event to the state (mutating the accumulator the fold owns). */
function apply(s: Mutable<IndsatsStatus>, event: IndsatsEvent): void {
  const enter = (t: IndsatsTilstand) => {
    s.tilstand = t;
    s.siden = event.date;
  };
  switch (event.type) {
    case 'praekvalifikation-ansoegt':
      s.praekvalifikation = 'ansoegt';
      break;
    case 'praekvalifikation-bevilget':
      s.praekvalifikation = 'bevilget';
      enter('praekvalificeret');
      break;
    case 'praekvalifikation-afslaaet':
      s.praekvalifikation = 'afslaaet';
      break;
    case 'bevilling':
      s.bevilling = event.varighedMaaneder === undefined ? { date: event.date } : { date: event.date, varighedMaaneder: event.varighedMaaneder };
      enter('godkendt');
      break;
    case 'start':
      s.startDato = event.date;
      enter('i-gang');
      break;
    case 'midtvejsevaluering':
      // the fold owns this array (initial() made it): appending keeps the fold linear
      (s.midtvejsevalueringer as string[]).push(event.date);
      break;
    case 'forlaengelse':
      s.forlaengelseMaaneder += event.maaneder;
      break;
    case 'beslutning-om-afslutning':
      s.beslutningOmAfslutning = structuredClone(event);
      enter('under-afslutning');
      break;
    case 'afslutning':
      s.opgivet = s.startDato === null;
      s.afslutningDato = event.date;
      enter('afsluttet');
      break;
    case 'efterfoelger':
      s.efterfoelger = event.indsatsId;
      break;
    default:
      if (s.siden === null) s.siden = event.date;
  }
  s.events += 1;
}

function violation(indsats: Indsats, s: IndsatsStatus, event: IndsatsEvent, index: number, rule: EventRuleId, previous: string | null): LifecycleEventError {
  const where = `Hændelse nr. ${index + 1} (${event.type}, ${formatDato(event.date)})`;
  const message =
    rule === 'dato-raekkefoelge'
      ? `${where} er dateret før den foregående hændelse (${previous === null ? '' : formatDato(previous)}).`
      : `${where} er ikke tilladt, når indsatsen er ${TILSTAND_NAVN[s.tilstand]}: ${EVENT_RULES[rule].toLowerCase()}.`;
  const hint =
    rule === 'dato-raekkefoelge'
      ? 'Regel "dato-raekkefoelge". Sorter hændelserne efter dato, eller ret datoen.'
      : `Regel "${rule}". Ret eller fjern hændelsen, eller registrér den manglende forudgående hændelse (${INDSATS_KIND_NAVN[indsats.kind]}).`;
  const d = diagnostic({
    code: rule === 'dato-raekkefoelge' ? 'event-order' : 'event-not-allowed',
    severity: 'error',
    message,
    hint,
    pointer: `/events/${index}`,
    id: indsats.id,
  });
  return new LifecycleEventError(indsats.id, { index, type: event.type, date: event.date }, rule, d);
}

function fold(indsats: Indsats, asOf: string): IndsatsStatus {
  const s = initial(indsats, asOf);
  const afdelinger = new Set(indsats.afdelinger);
  let lastDate: string | null = null;
  for (const [index, event] of indsats.events.entries()) {
    if (event.date > asOf) {
      // Later events are not folded, but one dated before its predecessor is still an error.
      if (lastDate !== null && event.date < lastDate) break;
      lastDate = event.date;
      continue;
    }
    const rule = brokenRule(s, event, lastDate, indsats, afdelinger);
    if (rule !== null) throw violation(indsats, s, event, index, rule, lastDate);
    apply(s, event);
    lastDate = event.date;
  }
  return deepFreeze(s);
}

/**
 * The state of an indsats on `asOf`: the fold of its events dated on or before `asOf`.
 *
 * @throws {LifecycleEventError} when an event up to `asOf` breaks an event rule.
 * @example
 * indsatsState(indsats, { asOf: '2025-06-01' }).tilstand // 'i-gang'
 */
export function indsatsState(indsats: Indsats, options: { readonly asOf: string }): IndsatsStatus {
  if (!isIsoDate(options.asOf)) throw new BoligsocialError('input-invalid', `asOf must be a YYYY-MM-DD date, got ${JSON.stringify(options.asOf)}`);
  return fold(indsats, options.asOf);
}

/**
 * Checks the whole event log: ok with the state after the last event, or the
 * diagnostic of the first event that breaks a rule (code `event-order` or `event-not-allowed`).
 */
export function validateIndsatsEvents(indsats: Indsats): Result<IndsatsStatus> {
  const last = indsats.events.reduce((m, e) => (e.date > m ? e.date : m), '0000-01-01');
  try {
    return ok(fold(indsats, last));
  } catch (e) {
    if (e instanceof LifecycleEventError) return fail(e.diagnostics);
    throw e;
  }
}


