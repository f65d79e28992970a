/**
 * An indsats as an event log: what it is (kind, afdelinger, financing scheme, mål,
 * activities) and what happened to it, as dated events. Validated with zod at the
 * boundary; the state on any date is a fold of the events (see `state.ts`).
 *
 * Results of the screening and financing modules enter as events (`screening`,
 * `finansiering`), so this module never imports their code.
 */
import { z } from 'zod';
import { DECIMAL_STRING } from '../domain/decimal.js';
import { INDSATS_KINDS } from '../domain/indsats.js';
import { isoDateSchema as isoDate } from '../domain/calendar.js';

const decimalString = z.string().regex(DECIMAL_STRING, 'skal være et decimaltal skrevet som tekst, fx "0.125"');
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'skal være kebab-case: små bogstaver, tal og bindestreger');
const note = z.string().optional();

/** Where a forankret activity lives on after the indsats. */
export const FORANKRING_STEDER = ['fsb-kernedrift', 'kommune', 'ngo', 'lokale-aktoerer'] as const;
/** Where a forankret activity lives on after the indsats. */
export type ForankringSted = (typeof FORANKRING_STEDER)[number];

/** The event types, in roughly the order an indsats meets them. */
export const EVENT_TYPES = [
  'screening',
  'afdelingsmoede',
  'praekvalifikation-ansoegt',
  'praekvalifikation-bevilget',
  'praekvalifikation-afslaaet',
  'finansiering',
  'bevilling',
  'samarbejdsaftale',
  'start',
  'midtvejsevaluering',
  'forlaengelse',
  'beslutning-om-afslutning',
  'afslutning',
  'efterfoelger',
] as const;
/** An event type. */
export type EventType = (typeof EVENT_TYPES)[number];

/** The ids of the five stop parameters (strategy section 6, "Afslutning"). */
export const STOP_PARAMETER_IDS = [
  'behov-ophoert',
  'maal-naaet',
  'aktiviteter-forankret',
  'ingen-opbakning',
  'finansiering-ophoert',
] as const;
/** One of the five stop parameters. */
export type StopParameterId = (typeof STOP_PARAMETER_IDS)[number];

/** A screening result from the screening module for one afdeling and period. */
export const screeningEventSchema = z
  .object({
    type: z.literal('screening'),
    date: isoDate,
    afdeling: z.string().min(1),
    periode: z.string().min(1).describe('Screeningsperioden, fx "2024" eller "2024-2"'),
    flag: z.array(z.string().min(1)).describe('De problemindikatorer screeningen flagede'),
    anbefaling: z.enum([...INDSATS_KINDS, 'ingen']).describe('Den type indsats screeningen anbefaler'),
    note,
  })
  .strict();

/** An afdelingsmøde's decision for or against the indsats. */
export const afdelingsmoedeEventSchema = z
  .object({ type: z.literal('afdelingsmoede'), date: isoDate, afdeling: z.string().min(1), beslutning: z.enum(['for', 'imod']), note })
  .strict();

const simple = <T extends EventType>(type: T) => z.object({ type: z.literal(type), date: isoDate, note }).strict();

/** A result of the financing module: coverage and affordability. Every field is optional; the latest known value counts. */
export const finansieringEventSchema = z
  .object({
    type: z.literal('finansiering'),
    date: isoDate,
    lokalMedfinansieringDaekket: z.boolean().optional(),
    eksternFinansieringDaekket: z.boolean().optional(),
    eksternFinansieringFortsat: z.boolean().optional().describe('Kan der opnås ekstern støtte til at fortsætte?'),
    udgiftPrLejemaalPrAar: decimalString.optional().describe('Afdelingens udgift pr. lejemål pr. år ved 100 pct. egenfinansiering'),
    forHoejUdgift: z.boolean().optional(),
    note,
  })
  .strict();

/** The formal approval and funding of the indsats. */
export const bevillingEventSchema = z
  .object({
    type: z.literal('bevilling'),
    date: isoDate,
    varighedMaaneder: z.int().positive().optional(),
    beloeb: decimalString.optional().describe('Samlet ramme i kr.'),
    note,
  })
  .strict();

/** A signed samarbejdsaftale with one partner. */
export const samarbejdsaftaleEventSchema = z
  .object({ type: z.literal('samarbejdsaftale'), date: isoDate, partner: z.string().min(1), note })
  .strict();

/** An extension of the period by a number of months. */
export const forlaengelseEventSchema = z
  .object({ type: z.literal('forlaengelse'), date: isoDate, maaneder: z.int().positive(), note })
  .strict();

/** A person's decision to end the indsats, with the stop parameters it rests on. */
export const beslutningOmAfslutningEventSchema = z
  .object({
    type: z.literal('beslutning-om-afslutning'),
    date: isoDate,
    begrundelse: z.array(z.enum(STOP_PARAMETER_IDS)).describe('De stopparametre beslutningen hviler på'),
    planlagtSlut: isoDate.optional(),
    note,
  })
  .strict();

/** The link to the indsats that succeeds this one. */
export const efterfoelgerEventSchema = z
  .object({ type: z.literal('efterfoelger'), date: isoDate, indsatsId: id, note })
  .strict();

/** One dated event of an indsats. */
export const indsatsEventSchema = z.discriminatedUnion('type', [
  screeningEventSchema,
  afdelingsmoedeEventSchema,
  simple('praekvalifikation-ansoegt'),
  simple('praekvalifikation-bevilget'),
  simple('praekvalifikation-afslaaet'),
  finansieringEventSchema,
  bevillingEventSchema,
  samarbejdsaftaleEventSchema,
  simple('start'),
  simple('midtvejsevaluering'),
  forlaengelseEventSchema,
  beslutningOmAfslutningEventSchema,
  simple('afslutning'),
  efterfoelgerEventSchema,
]);
/** One dated event of an indsats. */
export type IndsatsEvent = z.infer<typeof indsatsEventSchema>;

/** One measurement of an indicator. */
export const maalingSchema = z
  .object({ periode: z.string().min(1), dato: isoDate.describe('Hvornår målingen forelå'), vaerdi: decimalString })
  .strict();

/** An indicator of a mål: baseline, target, which way is better, and measurements per period. */
export const indikatorSchema = z
  .object({
    id,
    navn: z.string().min(1),
    enhed: z.string().min(1),
    baseline: decimalString,
    maal: decimalString,
    retning: z.enum(['op', 'ned']).describe('op: højere er bedre; ned: lavere er bedre'),
    maalinger: z.array(maalingSchema),
  })
  .strict();
/** An indicator of a mål. */
export type Indikator = z.infer<typeof indikatorSchema>;

/** A mål of the indsats: which of fsb's four mål and of the five fælles mål with KK it serves. */
export const maalSchema = z
  .object({
    id,
    titel: z.string().min(1),
    strategiMaal: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])).describe('fsb\'s mål 1–4'),
    faellesMaal: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)])).optional().describe('Fælles mål 1–5 med Københavns Kommune'),
    indikatorer: z.array(indikatorSchema),
  })
  .strict();
/** A mål of the indsats. */
export type Maal = z.infer<typeof maalSchema>;

/** An activity and, once it happened, where it was forankret. */
export const aktivitetSchema = z
  .object({
    id,
    navn: z.string().min(1),
    relevantForForankring: z.boolean().optional().describe('false: aktiviteten skal ikke videreføres; tæller ikke med. Standard: true'),
    metode: id.optional().describe('Id på den dokumenterede metode aktiviteten bygger på, fra metodekataloget (rules/metoder/<dato>.json)'),
    forankring: z
      .object({ hos: z.enum(FORANKRING_STEDER), ejer: z.string().min(1), dato: isoDate })
      .strict()
      .optional(),
  })
  .strict();
/** An activity of the indsats. */
export type Aktivitet = z.infer<typeof aktivitetSchema>;

/** An indsats: what it is and its dated events, in order. */
export const indsatsSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    navn: z.string().min(1),
    kind: z.enum(INDSATS_KINDS),
    afdelinger: z.array(z.string().min(1)).min(1),
    finansieringsordning: z.string().min(1).describe('Id på finansieringsordningens regelsæt, fx "lbf-2019-2026"'),
    planlagtVarighedMaaneder: z.int().positive().optional(),
    planlagtStart: isoDate.optional(),
    samarbejdspartnere: z.array(z.string().min(1)).optional().describe('Relevante samarbejdspartnere der bør indgås samarbejdsaftale med'),
    forgaenger: id.optional().describe('Id på den indsats denne efterfølger'),
    maal: z.array(maalSchema),
    aktiviteter: z.array(aktivitetSchema),
    events: z.array(indsatsEventSchema),
  })
  .strict();
/** An indsats as an event log. */
export type Indsats = z.infer<typeof indsatsSchema>;
