/**
 * The zod schemas of the service's requests and responses. A batch's rows are checked
 * one by one by the library (a bad row is reported, the good rows still answered), so a
 * request schema checks only the batch's frame and documents each row by the library's
 * own input schema ({@link rowsOf}): the same schemas the CLI's JSON Schemas are made of.
 */
import { z } from 'zod';
import { afdelingPrognoseSchema, listeRaekkeSchema } from '../classification/index.js';
import { WHAT_IF_COMMANDS } from '../compare/index.js';
import { afdelingSchema } from '../domain/afdeling.js';
import { isoDateSchema } from '../domain/calendar.js';
import { DIAGNOSTIC_CODES } from '../errors.js';
import { planFileSchema } from '../financing/index.js';
import { indsatsSchema } from '../lifecycle/index.js';
import { boligomraadeStatusMapSchema } from '../screening/index.js';

/** The library's input schema each row of a rows schema is documented by (the rows are checked one by one by the library). */
export const ROW_SCHEMAS = new WeakMap<z.core.$ZodType, { readonly row: z.ZodType; readonly name: string }>();

/** A list of rows, each checked by the library and documented as `row` (in OpenAPI: the component `name`). */
export function rowsOf(row: z.ZodType, name: string, description: string): z.ZodArray<z.ZodUnknown> {
  const rows = z.array(z.unknown()).describe(description);
  ROW_SCHEMAS.set(rows, { row, name });
  return rows;
}

const disable = z.array(z.string()).describe('betingelser eller regler der slås fra, fx ikke-vestlige');

/** `POST /v1/screen`. */
export const screenRequest = z.strictObject({
  asOf: isoDateSchema.describe('screeningsdatoen: seneste periode på eller før datoen, regler i kraft på datoen'),
  afdelinger: rowsOf(afdelingSchema, 'Afdeling', 'afdelingerne med deres perioder'),
  boligomraadeStatus: boligomraadeStatusMapSchema.optional().describe('boligområdernes officielle status: {"<boligområde>": ["udsat-boligomraade"], …}'),
});

/** `POST /v1/classify`. */
export const classifyRequest = z.strictObject({
  boligomraader: rowsOf(listeRaekkeSchema, 'Listeraekke', 'én række pr. boligområde pr. liste; tidligere rækker med samme id er historik'),
  disable: disable.optional(),
  forebyggelseUdelukkerUdsatte: z.boolean().optional().describe('et udsat boligområde er ikke også forebyggelsesområde'),
});

/** `POST /v1/forecast`. */
export const forecastRequest = z.strictObject({
  listedato: isoDateSchema.describe('listen der prognosticeres; vælger lovversionen'),
  afdelinger: rowsOf(afdelingPrognoseSchema, 'AfdelingPrognose', 'én række pr. afdeling, der navngiver sit boligområde'),
  historik: rowsOf(listeRaekkeSchema, 'Listeraekke', 'tidligere lister i classify-formatet').optional(),
  disable: disable.optional(),
});

/** `POST /v1/lifecycle`. */
export const lifecycleRequest = z.strictObject({
  asOf: isoDateSchema.describe('vurderingsdatoen'),
  horizonMonths: z.number().int().min(0).max(1200).optional().describe('hvor mange måneder frem en beslutning regnes som forfalden (standard 12)'),
  indsatser: rowsOf(indsatsSchema, 'Indsats', 'indsatserne med deres hændelser'),
});

/** `POST /v1/financing`: a financing plan, as a plan file. */
export const financingRequest = planFileSchema;

/** `POST /v1/compare`: one question's request, before and after a rule change. */
export const compareRequest = z.strictObject({
  kommando: z.enum(WHAT_IF_COMMANDS).describe('spørgsmålet: classify, forecast, screen, lifecycle eller financing'),
  input: z.unknown().describe('spørgsmålets egen forespørgsel, som til dets eget endpoint'),
  afterSet: z.array(z.string()).optional().describe('ændrede parametre efter ændringen: <regelsæt>.<parameter>=<værdi>'),
  afterDisable: disable.optional(),
});

/** A problem, as the library reports it: a stable code, where (JSON pointer, row, field), what and how to fix it, in Danish. */
export const diagnosticSchema = z.object({
  code: z.string().describe(`en stabil kode, fx ${DIAGNOSTIC_CODES.slice(0, 3).join(', ')}`),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  hint: z.string().optional(),
  pointer: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
  row: z.number().optional(),
  field: z.string().optional(),
  id: z.string().optional(),
});

/** The body of every error response. */
export const errorResponse = z.object({ errors: z.array(diagnosticSchema) });

/** The envelope every answer carries. */
export const envelopeSchema = z.looseObject({
  ruleSets: z.array(z.looseObject({ id: z.string(), version: z.string(), contentHash: z.string() })),
  asOf: z.string(),
  packageVersion: z.string(),
  outcomes: z.array(z.looseObject({ ruleSet: z.string(), ruleId: z.string(), outcome: z.boolean().nullable() })),
  mangler: z.array(z.string()),
});

/** The responses, as the CLI prints them with `--format json`. */
export const screenResponse = z.object({ asOf: z.string(), results: z.array(envelopeSchema), diagnostics: z.array(diagnosticSchema) });
export const classifyResponse = z.array(z.looseObject({}));
export const forecastResponse = z.array(z.looseObject({}));
export const lifecycleResponse = z.looseObject({ asOf: z.string(), horizonMonths: z.number(), indsatser: z.array(envelopeSchema), fejl: z.array(diagnosticSchema), diagnostics: z.array(diagnosticSchema) });
export const financingResponse = z.looseObject({});
export const compareResponse = z.looseObject({ kommando: z.string(), foer: z.looseObject({}), efter: z.looseObject({}) });

/** One rule file in `GET /v1/rules`. */
export const ruleFileSchema = z.object({
  id: z.string(),
  version: z.string(),
  domain: z.string(),
  title: z.string(),
  effective: z.object({ from: z.string(), to: z.string().optional() }),
  contentHash: z.string(),
  file: z.string().optional(),
});
export const rulesResponse = z.object({ loadedAt: z.string(), ruleSets: z.array(ruleFileSchema) });
export const healthResponse = z.object({ status: z.literal('ok'), packageVersion: z.string(), loadedAt: z.string() });
