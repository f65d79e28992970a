/**
 * The policy-scenario file format. A scenario gives one input and the output an analyst
 * expects, OpenFisca-style. The input key says which question it asks:
 *
 * - `boligomraade` (+ `historik`): classification, run through `classifyBoligomraade`;
 * - `afdeling`: screening, run through `screenAfdeling`;
 * - `indsats` (+ `portefoelje`): the lifecycle, run through `indsatsState` and `reviewIndsatser`;
 * - `plan`: financing, run through `allocateFinancing`;
 * - `facts`: engine level — facts straight into one rule set, outcomes per rule id.
 *
 * Expectations are partial: only the keys given are checked.
 */
import { z } from 'zod';
import { isoDateSchema } from '../domain/calendar.js';
import { afdelingSchema } from '../domain/afdeling.js';
import { DECIMAL_STRING } from '../domain/decimal.js';
import { historikRaekkeSchema, listeRaekkeSchema } from '../classification/input.js';
import { KATEGORIER } from '../classification/types.js';
import { ANBEFALING_KINDS } from '../screening/rule-meta.js';
import { indsatsSchema, STOP_PARAMETER_IDS } from '../lifecycle/schema.js';
import { EVENT_RULES, INDSATS_TILSTANDE } from '../lifecycle/state.js';
import { ANBEFALING_NAVN as LIFECYCLE_ANBEFALING_NAVN, VURDERING_NAVN } from '../lifecycle/assess.js';
import { DECISION_NAVN } from '../lifecycle/deadlines.js';
import { planFileSchema } from '../financing/input.js';

const truth = z.union([z.boolean(), z.null()]).describe('true = ja, false = nej, null = ukendt');
const text = z.string().min(1);
const names = (what: string) => z.array(text).describe(`${what}; hele listen kontrolleres, rækkefølgen er ligegyldig`);
const version = isoDateSchema.describe('Den version af regelsættet, der skal være brugt (dens første dag i kraft, fx "2018-12-01")');
const kroner = z.string().regex(DECIMAL_STRING, 'skal være et beløb som decimaltekst, fx "1250000.00"').describe('Kroner som decimaltekst; sammenlignes som tal, så "1250000" og "1250000.00" er ens');
const decimal = z.string().regex(DECIMAL_STRING, 'skal være et decimaltal som tekst, fx "0.125"');
const year = z.string().regex(/^\d{4}$/, 'skal være et årstal, fx "2024"');
const keysOf = <T extends string>(record: Readonly<Record<T, unknown>>) => Object.keys(record) as [T, ...T[]];

/** Fields every scenario has. */
const common = {
  $schema: z.string().optional(),
  description: text.describe('Hvad scenariet viser, på dansk'),
  rules: z.string().optional().describe('Mappe med regelfiler, relativt til scenariefilen; udelades for de regler, testen kører med'),
};

// ---- engine level --------------------------------------------------------------------------

/** An engine-level scenario: facts straight into one rule set, outcomes per rule id. */
export const engineScenarioSchema = z
  .object({
    ...common,
    ruleSet: text.describe('Regelsættets id, fx "classification"'),
    asOf: isoDateSchema.describe('Datoen, der vælger regelsættets version'),
    disable: z.array(z.string()).optional().describe('Betingelser eller regler, der slås fra'),
    facts: z.record(z.string(), z.unknown()).describe('Fakta; en udeladt fakta er ukendt'),
    expected: z.record(z.string(), truth).describe('Forventet udfald pr. regel-id: true, false eller null (ukendt)'),
    expectedMissingFacts: z.array(z.string()).optional().describe('Forventede manglende fakta'),
  })
  .strict();

// ---- classification ------------------------------------------------------------------------

const afvigelse = z
  .object({ aar: z.int(), offentliggjort: z.boolean(), beregnet: z.boolean() })
  .strict()
  .describe('Et listeår, hvor den offentliggjorte status og tallene er uenige');

/** What a classification scenario expects. */
export const classificationExpectedSchema = z
  .object({
    version,
    kategorier: z
      .object(Object.fromEntries(KATEGORIER.map((k) => [k, truth.optional()])) as Record<(typeof KATEGORIER)[number], z.ZodOptional<typeof truth>>)
      .strict()
      .optional()
      .describe('Udfald pr. kategori (2021-navne: før 2021 er parallelsamfund ghettoområdet og omdannelse det hårde ghettoområde)'),
    aarIRaekke: z.int().min(0).nullable().optional().describe('Lister i træk, den aktuelle medregnet (null = ukendt)'),
    afhaengerAfIkkeVestlig: z.boolean().optional().describe('Om et udfald afhænger af ikke-vestlig-kriteriet'),
    mangler: names('De fakta, der mangler').optional(),
    afvigelser: z.array(afvigelse).optional().describe('Listeår, hvor offentliggjort og beregnet status er uenige; hele listen kontrolleres'),
  })
  .partial()
  .strict();

/** A classification scenario: a boligområde's row on one list, with its earlier lists. */
export const classificationScenarioSchema = z
  .object({
    ...common,
    boligomraade: listeRaekkeSchema.describe('Boligområdets række på listen: id, listedato, tal (andele eller antal) og evt. den offentliggjorte status'),
    historik: z.array(historikRaekkeSchema).optional().describe('Områdets tidligere lister: offentliggjort status og/eller tallene'),
    disable: z.array(z.string()).optional().describe('Betingelser eller regler, der slås fra (fx "ikke-vestlige")'),
    forebyggelseUdelukkerUdsatte: z.boolean().optional(),
    expected: classificationExpectedSchema,
  })
  .strict();

// ---- screening ------------------------------------------------------------------------------

const anbefalingExpected = z.union([
  truth,
  z
    .object({
      outcome: truth.optional(),
      maal: z.array(z.int().min(1).max(4)).optional().describe("fsb's mål (1–4); hele listen kontrolleres"),
      indsatsomraader: names('Indsatsområderne').optional(),
    })
    .strict(),
]);

/** What a screening scenario expects. */
export const screeningExpectedSchema = z
  .object({
    version,
    periode: isoDateSchema.describe('Den screeningsperiode, der blev brugt'),
    indikatorer: z.record(z.string(), truth).describe('Udfald pr. indikator-id, fx "utryghed"'),
    udloeste: names('De udløste indikatorer'),
    anbefalinger: z
      .object(Object.fromEntries(ANBEFALING_KINDS.map((k) => [k, anbefalingExpected.optional()])) as Record<(typeof ANBEFALING_KINDS)[number], z.ZodOptional<typeof anbefalingExpected>>)
      .strict()
      .describe('Pr. indsatstype: true/false/null, eller { "outcome", "maal", "indsatsomraader" }'),
    konklusion: z.enum(['indsats', 'ingen-saerlig-indsats', 'ukendt']),
    boligomraadeStatus: z.array(text).nullable().describe('Boligområdets officielle statusser; null = ukendt'),
    mangler: names('De manglende tal, som resultatet nævner dem'),
    aendringer: z
      .object({
        forrigePeriode: isoDateSchema.nullable(),
        nyeFlag: names('Nye flag'),
        ophoerte: names('Ophørte flag'),
        forvaerrede: names('Forværrede flag'),
        nuUkendte: names('Indikatorer, der nu er ukendte'),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

/** A screening scenario: an afdeling with its periods, screened on a date. */
export const screeningScenarioSchema = z
  .object({
    ...common,
    asOf: isoDateSchema.describe('Screeningsdatoen: den seneste periode på eller før den screenes'),
    afdeling: afdelingSchema.describe('Afdelingen med dens screeningsperioder (antal, ikke andele)'),
    boligomraadeStatus: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional().describe('Officielle statusser pr. boligområde'),
    disable: z.array(z.string()).optional(),
    expected: screeningExpectedSchema,
  })
  .strict();

// ---- lifecycle -------------------------------------------------------------------------------

const vurdering = z.enum(keysOf(VURDERING_NAVN));

/** What a lifecycle scenario expects. */
export const lifecycleExpectedSchema = z
  .object({
    version,
    tilstand: z.enum(INDSATS_TILSTANDE),
    haendelsesfejl: z.enum(keysOf(EVENT_RULES)).describe('Den hændelsesregel, en hændelse bryder (så afvises indsatsen)'),
    kanStarte: vurdering,
    start: z.record(z.string(), vurdering).describe('Startparametre pr. id, fx "lokal-medfinansiering": "opfyldt"'),
    stop: z
      .object(Object.fromEntries(STOP_PARAMETER_IDS.map((id) => [id, vurdering.optional()])) as Record<(typeof STOP_PARAMETER_IDS)[number], z.ZodOptional<typeof vurdering>>)
      .strict()
      .describe('Stopparametre pr. id'),
    anbefaling: z.enum(keysOf(LIFECYCLE_ANBEFALING_NAVN)).nullable().describe('null: ingen anbefaling (før start eller efter afslutning)'),
    frister: z.array(z.enum(keysOf(DECISION_NAVN))).describe('Beslutninger, der forfalder inden for horisonten; hele listen kontrolleres'),
    forfaldne: z.array(z.enum(keysOf(DECISION_NAVN))).describe('De af fristerne, der er overskredet; hele listen kontrolleres'),
    slutDato: isoDateSchema.nullable(),
  })
  .partial()
  .strict();

/** A lifecycle scenario: an indsats with its events, assessed on a date. */
export const lifecycleScenarioSchema = z
  .object({
    ...common,
    asOf: isoDateSchema.describe('Vurderingsdatoen'),
    indsats: indsatsSchema.describe('Indsatsen med dens hændelser'),
    portefoelje: z.array(indsatsSchema).optional().describe('Andre indsatser, der vurderes sammen med den (forgængere og efterfølgere)'),
    horizonMonths: z.int().positive().optional().describe('Måneder frem, en frist tæller med (standard 12)'),
    expected: lifecycleExpectedSchema,
  })
  .strict();

// ---- financing -------------------------------------------------------------------------------

const perAar = z.record(year, kroner).describe('Pr. kalenderår');
const udgiftExpected = z
  .object({ samlet: kroner, prAar: kroner, prLejemaalPrAar: kroner, pctAfHusleje: decimal, forHoejUdgift: truth })
  .partial()
  .strict();

/** What a financing scenario expects. */
export const financingExpectedSchema = z
  .object({
    version,
    budget: kroner,
    aar: z.array(z.int()).describe('Periodens kalenderår'),
    funders: z.record(text, z.object({ share: decimal, total: kroner, perAar }).partial().strict()).describe('Pr. finansieringskilde (id)'),
    aarTotaler: perAar,
    afdelingsfordeling: z
      .record(text, z.record(text, z.object({ total: kroner, perAar }).partial().strict()))
      .describe('Pr. finansieringskilde, der fordeles mellem afdelingerne: pr. afdeling'),
    betalingsevne: z.record(text, z.object({ nu: udgiftExpected, udenEksternFinansiering: udgiftExpected }).partial().strict()).describe('Pr. afdeling'),
    fejl: z.array(z.string()).describe('JSON-pointere (i planen) til de fejl, planen skal afvises med; hele listen kontrolleres'),
  })
  .partial()
  .strict();

/** A financing scenario: a financing plan. */
export const financingScenarioSchema = z
  .object({
    ...common,
    plan: planFileSchema.describe('Finansieringsplanen, som en planfil til `financing`'),
    expected: financingExpectedSchema,
  })
  .strict();

// ---- all forms -------------------------------------------------------------------------------

/** The kinds of scenario, by the question they ask. */
export const SCENARIO_KINDS = ['engine', 'classification', 'screening', 'lifecycle', 'financing'] as const;
/** A kind of scenario. */
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** The input key of each kind: a scenario has exactly one of them. */
export const SCENARIO_INPUT_KEYS: Readonly<Record<ScenarioKind, string>> = Object.freeze({
  engine: 'facts',
  classification: 'boligomraade',
  screening: 'afdeling',
  lifecycle: 'indsats',
  financing: 'plan',
});

/** The schema of each kind. */
export const SCENARIO_SCHEMAS = Object.freeze({
  engine: engineScenarioSchema,
  classification: classificationScenarioSchema,
  screening: screeningScenarioSchema,
  lifecycle: lifecycleScenarioSchema,
  financing: financingScenarioSchema,
});

/** A scenario file as written by an analyst: one of the five forms. */
export const scenarioSchema = z.union([engineScenarioSchema, classificationScenarioSchema, screeningScenarioSchema, lifecycleScenarioSchema, financingScenarioSchema]);

/** An engine-level scenario. */
export type EngineScenario = z.infer<typeof engineScenarioSchema>;
/** A classification scenario. */
export type ClassificationScenario = z.infer<typeof classificationScenarioSchema>;
/** A screening scenario. */
export type ScreeningScenario = z.infer<typeof screeningScenarioSchema>;
/** A lifecycle scenario. */
export type LifecycleScenario = z.infer<typeof lifecycleScenarioSchema>;
/** A financing scenario. */
export type FinancingScenario = z.infer<typeof financingScenarioSchema>;
/** A parsed scenario, of any form. */
export type Scenario = z.infer<typeof scenarioSchema>;
