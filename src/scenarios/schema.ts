/**
 * The policy-scenario file format. A scenario gives one input and the output an analyst
 * expects, OpenFisca-style. The input key says which question it asks:
 *
 * - `boligomraade` (+ `historik`): classification, run through `classifyBoligomraade`;
 * - `afdeling`: screening, run through `screenAfdeling`;
 * - `indsats` (+ `portefoelje`): the lifecycle, run through `indsatsState` and `reviewIndsatser`;
 * - `benchmark`: a portfolio of indsatser, run through `benchmarkIndsatser`;
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
import { METODE_STATUS_NAVN } from '../lifecycle/metoder.js';
import { FREMDRIFT_UKENDT_NAVN, TENDENS_NAVN } from '../lifecycle/benchmark/indikator.js';
import { FAELLES_MAAL_NR, MAAL_NR } from '../domain/maal.js';
import { planFileSchema } from '../financing/input.js';

const truth = z.union([z.boolean(), z.null()]).describe('true = ja, false = nej, null = ukendt');
const text = z.string().min(1);
const names = (what: string) => z.array(text).describe(`${what}; hele listen kontrolleres, rækkefølgen er ligegyldig`);
const version = isoDateSchema.describe('Den version af regelsættet, der skal være brugt (dens første dag i kraft, fx "2018-12-01")');
const kroner = z.string().regex(DECIMAL_STRING, 'skal være et beløb som decimaltekst, fx "1250000.00"').describe('Kroner som decimaltekst; sammenlignes som tal, så "1250000" og "1250000.00" er ens');
const decimal = z.string().regex(DECIMAL_STRING, 'skal være et decimaltal som tekst, fx "0.125"');
const year = z.string().regex(/^\d{4}$/, 'skal være et årstal, fx "2024"');
const keysOf = <T extends string>(record: Readonly<Record<T, unknown>>) => Object.keys(record) as [T, ...T[]];
const count = z.int().min(0);
/** An object with one optional key per number ("1", "2", …), each checked by `schema`. */
const byNumber = <S extends z.ZodType>(numbers: readonly number[], schema: S) =>
  z.object(Object.fromEntries(numbers.map((n) => [String(n), schema.optional()])) as Record<string, z.ZodOptional<S>>).strict();

/** An exact share as a fraction ("2/5", "-1/8") or a decimal ("0.4"). */
const BROEK = /^-?(0|[1-9]\d*)(\.\d+)?$|^-?(0|[1-9]\d*)\/[1-9]\d*$/;
const broek = z
  .string()
  .regex(BROEK, 'skal være en brøk eller et decimaltal som tekst, fx "2/5" eller "0.4"')
  .describe('En eksakt andel som brøk ("2/5") eller decimaltal ("0.4"); sammenlignes som tal, så "4/10" og "2/5" er ens');
/** An expected exact share (a named definition in the JSON Schema). */
export const andelExpectedSchema = z
  .union([
    broek,
    z.null(),
    z
      .object({
        broek: broek.describe('Den eksakte andel, fx "17/30"'),
        decimal: decimal.describe('Decimalformen, som resultatet viser den: eksakt, når brøken går op, ellers afrundet til 6 decimaler, fx "0.566667"'),
        eksakt: z.boolean().describe('Om decimalformen er eksakt (brøken går op)'),
      })
      .partial()
      .strict(),
  ])
  .describe('En andel: brøken ("2/5"), null = ukendt, eller { "broek", "decimal", "eksakt" } for også at kontrollere decimalformen');

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
const metodeStatus = z.enum(keysOf(METODE_STATUS_NAVN)).describe('"dokumenteret", "ingen-metode", "ukendt-metode" eller "ukendt" (intet metodekatalog i kraft at kontrollere mod)');

/** What the method check of one indsats is expected to say (its start assessment, also shown in the benchmark). */
export const metoderExpectedSchema = z
  .object({
    katalog: isoDateSchema.nullable().describe('Det metodekatalog, aktiviteterne blev kontrolleret mod (dets første dag i kraft); null = intet katalog i kraft'),
    vurderetPr: isoDateSchema.describe('Datoen, kataloget blev valgt for: opstarten, eller vurderingsdatoen før opstart'),
    andelDokumenteret: andelExpectedSchema.describe('Andelen af aktiviteterne med en dokumenteret metode, fx "2/5"; null = ukendt (ingen aktiviteter, eller en metode der ikke kan kontrolleres)'),
    dokumenterede: count.describe('Antal aktiviteter med en dokumenteret metode'),
    ialt: count.describe('Antal aktiviteter i alt'),
    advarer: z.boolean().describe('Om der advares: kun en helhedsplan skal bygge på dokumenterede metoder'),
    advarsler: count.describe('Antal advarsler (én pr. aktivitet i en helhedsplan uden dokumenteret metode)'),
    aktiviteter: z
      .record(text, z.union([metodeStatus, z.object({ status: metodeStatus, forslag: text.nullable().describe('Katalogets nærmeste metode-id ved en stavefejl; null = intet forslag') }).partial().strict()]))
      .describe('Pr. aktivitet (id): dens status, eller { "status", "forslag" }'),
  })
  .partial()
  .strict();

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
    metoder: metoderExpectedSchema.describe('Metodetjekket i startvurderingen'),
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

// ---- benchmark -------------------------------------------------------------------------------

/** What the benchmark says about one indicator of one indsats. */
const indikatorExpected = z
  .object({
    seneste: decimal.nullable().describe('Værdien af den seneste måling pr. datoen; null = ingen måling'),
    fremdrift: andelExpectedSchema.describe('(seneste − baseline) / (mål − baseline), afskåret ved 1 (nået); null = ukendt'),
    fremdriftUcappet: andelExpectedSchema.describe('Fremdriften uden afskæring: over 1, når målingen er ud over målet'),
    naaet: truth.describe('Om målet er nået'),
    ukendt: z.enum(keysOf(FREMDRIFT_UKENDT_NAVN)).nullable().describe('Hvorfor fremdriften er ukendt: "ingen-maaling", "maal-lig-baseline" eller "retning-modstrider-maal"; null = den er kendt'),
    forventetFremdrift: andelExpectedSchema.describe('Den forventede fremdrift ved seneste måling på en ret linje fra opstart til slutdato, fx "1/5"'),
    paaRetteKurs: truth.describe('Nået, eller fremdriften er mindst regelfilens andel af den forventede'),
    gaaetIStaa: truth.describe('Ikke nået og ikke forbedret i nogen af de seneste perioder (regelfilens perioderIStaa); null = for få målinger'),
    tendens: z.enum(keysOf(TENDENS_NAVN)).describe('Fra første til sidste af de seneste målinger (regelfilens tendensPerioder), i indikatorens retning'),
    tendensAendring: decimal.nullable().describe('Sidste minus første af de målinger, tendensen læser; null = færre end to'),
  })
  .partial()
  .strict();

const raekke = z
  .object({
    indsats: text.describe('Indsatsens id'),
    indikator: text.describe('Indikatorens id'),
    rang: z.int().positive().nullable().optional().describe('Rangen (lige fremdrift, lige rang: 1, 1, 3); null = ingen rang (ukendt fremdrift)'),
  })
  .strict();

/** What the benchmark says about one mål across the portfolio (a named definition in the JSON Schema). */
export const maalBenchmarkExpectedSchema = z
  .object({
    antalIndsatser: count.describe('Hvor mange indsatser der arbejder på målet'),
    paaRetteKurs: z.object({ ja: count, nej: count, ukendt: count }).partial().strict().describe('Hvor mange af dem der er på rette kurs: ja, nej og ukendt'),
    gaaetIStaa: names('Indsatserne med en indikator på målet, der er gået i stå'),
    enheder: names('Enhederne, der rangeres hver for sig (indikatorer i forskellige enheder rangeres aldrig mod hinanden)'),
    rangering: z
      .record(text, z.array(raekke))
      .describe('Pr. enhed: indikatorerne bedste først, som { "indsats", "indikator", "rang" }; hele listen og rækkefølgen kontrolleres'),
    bidrag: z
      .record(text, z.object({ indikatorer: count, paaRetteKurs: truth, gaaetIStaa: truth, naaet: truth }).partial().strict())
      .describe('Pr. indsats (id): antal indikatorer på målet, og om alle er på rette kurs, om en er gået i stå, om alle er nået'),
  })
  .partial()
  .strict();

/** What a benchmark scenario expects. */
export const benchmarkExpectedSchema = z
  .object({
    version,
    indsatser: names('De benchmarkede indsatser (id)'),
    ikkeMed: names('Indsatserne, der ikke er med (ikke startet, eller afsluttet)'),
    indikatorer: z.record(text, z.record(text, indikatorExpected)).describe('Pr. indsats (id), pr. indikator (id)'),
    faellesMaal: byNumber(FAELLES_MAAL_NR, maalBenchmarkExpectedSchema).describe('Pr. fælles mål 1–5 med Københavns Kommune'),
    strategiMaal: byNumber(MAAL_NR, maalBenchmarkExpectedSchema).describe("Pr. fsb's mål 1–4"),
    metoder: z.record(text, metoderExpectedSchema).describe('Metodetjekket pr. benchmarket indsats (id)'),
    fejl: z
      .array(z.string())
      .describe('JSON-pointere (i scenariet) til de fejl og advarsler, benchmarket giver, fx "/benchmark/0/maal/0/indikatorer/0"; hele listen kontrolleres'),
  })
  .partial()
  .strict();

/** A benchmark scenario: a portfolio of indsatser, benchmarked on a date. */
export const benchmarkScenarioSchema = z
  .object({
    ...common,
    asOf: isoDateSchema.describe('Benchmarkdatoen: målinger til og med den tæller'),
    benchmark: z.array(indsatsSchema).min(1).describe('Indsatserne, der benchmarkes, som indsatsfiler; de igangværende er med'),
    medAfsluttede: z.boolean().optional().describe('Tag også afsluttede indsatser med (deres sidste målinger); standard false'),
    expected: benchmarkExpectedSchema,
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
export const SCENARIO_KINDS = ['engine', 'classification', 'screening', 'lifecycle', 'benchmark', 'financing'] as const;
/** A kind of scenario. */
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** The input key of each kind: a scenario has exactly one of them. */
export const SCENARIO_INPUT_KEYS: Readonly<Record<ScenarioKind, string>> = Object.freeze({
  engine: 'facts',
  classification: 'boligomraade',
  screening: 'afdeling',
  lifecycle: 'indsats',
  benchmark: 'benchmark',
  financing: 'plan',
});

/** The schema of each kind. */
export const SCENARIO_SCHEMAS = Object.freeze({
  engine: engineScenarioSchema,
  classification: classificationScenarioSchema,
  screening: screeningScenarioSchema,
  lifecycle: lifecycleScenarioSchema,
  benchmark: benchmarkScenarioSchema,
  financing: financingScenarioSchema,
});

/** A scenario file as written by an analyst: one of the six forms. */
export const scenarioSchema = z.union([engineScenarioSchema, classificationScenarioSchema, screeningScenarioSchema, lifecycleScenarioSchema, benchmarkScenarioSchema, financingScenarioSchema]);

/** An engine-level scenario. */
export type EngineScenario = z.infer<typeof engineScenarioSchema>;
/** A classification scenario. */
export type ClassificationScenario = z.infer<typeof classificationScenarioSchema>;
/** A screening scenario. */
export type ScreeningScenario = z.infer<typeof screeningScenarioSchema>;
/** A lifecycle scenario. */
export type LifecycleScenario = z.infer<typeof lifecycleScenarioSchema>;
/** What a method check is expected to say. */
export type MetoderExpected = z.infer<typeof metoderExpectedSchema>;
/** A benchmark scenario. */
export type BenchmarkScenario = z.infer<typeof benchmarkScenarioSchema>;
/** A financing scenario. */
export type FinancingScenario = z.infer<typeof financingScenarioSchema>;
/** A parsed scenario, of any form. */
export type Scenario = z.infer<typeof scenarioSchema>;
