/**
 * The financing plan at the boundary: zod schemas for the budget, the afdelinger and
 * the funder choices, with Danish diagnostics located by JSON pointer ("/budget/total",
 * "/afdelinger/2/lejemaal"). Amounts must be decimal strings in whole øre; a JSON number
 * is refused, because a float cannot carry øre exactly.
 */
import { z } from 'zod';
import { DECIMAL_STRING } from '../domain/decimal.js';
import { INDSATS_KINDS } from '../domain/indsats.js';
import { fail, ok, type Result } from '../errors.js';
import { type AllocateOptions, type BudgetInput, FORDELINGSNOEGLER } from './types.js';
import { isoDateSchema as isoDate } from '../domain/calendar.js';
import { issuesToDiagnostics, safeParseDanish } from '../domain/parse.js';

/** A problem with a value, in Danish. */
interface Problem {
  readonly message: string;
  readonly hint: string;
}

const DANISH_NUMBER = /^-?\d{1,3}(\.\d{3})*(,\d+)?( ?kr\.?)?$|^-?\d+,\d+$/;

/** What is wrong with an amount in kroner, or undefined if it is a valid one. */
export function amountProblem(value: unknown): Problem | undefined {
  if (typeof value === 'number') {
    const written = Number.isFinite(value) ? value.toFixed(2) : '0.00';
    return Number.isInteger(value)
      ? { message: `beløbet ${value} er skrevet som et tal, men skal være decimaltekst`, hint: `Skriv beløbet i anførselstegn, fx "${written}", så det læses præcist til øren.` }
      : { message: `beløbet ${value} er et kommatal (float), som ikke kan gengive øre præcist`, hint: `Skriv beløbet som decimaltekst i anførselstegn, fx "${written}".` };
  }
  if (typeof value !== 'string') return { message: `beløbet skal være decimaltekst, ikke ${describe(value)}`, hint: 'Skriv fx "1250000.00".' };
  if (!DECIMAL_STRING.test(value)) {
    const trimmed = value.trim();
    if (trimmed !== value && DECIMAL_STRING.test(trimmed)) return { message: `"${value}" er ikke et beløb: der er mellemrum før eller efter tallet`, hint: `Fjern mellemrummene: "${trimmed}".` };
    return {
      message: `"${value}" er ikke et beløb`,
      hint: DANISH_NUMBER.test(trimmed)
        ? `Skriv beløbet uden tusindtalspunktummer, med punktum som decimaltegn og uden "kr.", fx "${trimmed.replace(/\s?kr\.?$/, '').replace(/\./g, '').replace(',', '.')}".`
        : 'Skriv beløbet som decimaltekst med punktum som decimaltegn, fx "1250000.00".',
    };
  }
  if (value.startsWith('-')) return { message: `beløbet ${value} er negativt`, hint: 'Et budget eller en husleje kan ikke være negativ; angiv beløbet uden minus.' };
  const decimals = value.split('.')[1]?.length ?? 0;
  if (decimals > 2) return { message: `beløbet ${value} har ${decimals} decimaler, men beløb angives i hele øre`, hint: 'Brug højst to decimaler.' };
  return undefined;
}

/** What is wrong with a non-negative decimal quantity (m², lejemålsækvivalenter, a share), or undefined. */
export function quantityProblem(value: unknown, what: string): Problem | undefined {
  if (typeof value === 'number') {
    return {
      message: `${what} ${value} er skrevet som et tal${Number.isInteger(value) ? '' : ' (float)'}, men skal være decimaltekst`,
      hint: `Skriv værdien i anførselstegn, fx "${Number.isFinite(value) ? String(value) : '0'}", så den læses præcist.`,
    };
  }
  if (typeof value !== 'string') return { message: `${what} skal være decimaltekst, ikke ${describe(value)}`, hint: 'Skriv fx "1234.5".' };
  if (!DECIMAL_STRING.test(value)) {
    const trimmed = value.trim();
    if (trimmed !== value && DECIMAL_STRING.test(trimmed)) return { message: `${what} "${value}" er ikke et tal: der er mellemrum før eller efter det`, hint: `Fjern mellemrummene: "${trimmed}".` };
    const comma = /^-?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : undefined;
    return { message: `${what} "${value}" er ikke et tal`, hint: comma !== undefined ? `Brug punktum som decimaltegn: "${comma}".` : 'Skriv værdien som decimaltekst med punktum som decimaltegn, fx "1234.5".' };
  }
  if (value.startsWith('-')) return { message: `${what} ${value} er negativ`, hint: 'Angiv en værdi på 0 eller derover.' };
  return undefined;
}

/** What is wrong with a whole count (lejemål, beboere), or undefined. */
export function countProblem(value: unknown, what: string): Problem | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return { message: `${what} ${value} er negativt`, hint: 'Angiv et antal på 0 eller derover.' };
  if (typeof value === 'number') return { message: `${what} ${value} er ikke et helt tal`, hint: 'Et antal angives som et helt tal uden decimaler, fx 412.' };
  return { message: `${what} skal være et helt tal, ikke ${describe(value)}`, hint: 'Skriv antallet som et tal uden anførselstegn, fx 412.' };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'en liste';
  if (typeof value === 'string') return `teksten "${value}"`;
  return typeof value === 'object' ? 'et objekt' : typeof value;
}

/**
 * A value checked by `check` with its own Danish problems; `json` is what the editor's
 * JSON Schema says of it (zod cannot see inside the check). An undefined value is
 * missing (`what` names it): `.optional()` lets an absent key through, but a record
 * entry or a required key that is undefined is refused here, before any arithmetic.
 *
 * A value the check passes is a `T` (`check` says what `T` is: a decimal string, a whole
 * count): the pipe into `z.custom<T>()` types the output so, and checks nothing more; the
 * JSON Schema, written from the input side, is the check's.
 */
function checked<T>(check: (v: unknown) => Problem | undefined, json: Record<string, unknown>, what: string) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: `${what} mangler`, params: { hint: `Angiv ${what}: ${String(json.description).replace(/^./, (c) => c.toLowerCase())}.` } });
        return;
      }
      const p = check(value);
      if (p !== undefined) ctx.addIssue({ code: 'custom', message: p.message, params: { hint: p.hint } });
    })
    .meta(json)
    .pipe(z.custom<T>());
}

const AMOUNT_JSON = { type: 'string', pattern: '^(0|[1-9]\\d*)(\\.\\d{1,2})?$', description: 'Et beløb i kroner som decimaltekst med højst to decimaler, fx "1250000.00"' };
const QUANTITY_JSON = { type: 'string', pattern: '^(0|[1-9]\\d*)(\\.\\d+)?$', description: 'Et ikke-negativt decimaltal skrevet som tekst, fx "1234.5"' };
const COUNT_JSON = { type: 'integer', minimum: 0, description: 'Et antal: et helt tal uden anførselstegn, fx 412' };

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'skal være kebab-case: små bogstaver, tal og bindestreger');

/** A period: first and last day, inclusive. */
export const periodeSchema = z.object({ from: isoDate, to: isoDate }).strict();

/** The budget: a total over the period or an amount per calendar year. */
export const budgetSchema = z
  .object({
    periode: periodeSchema,
    total: checked<string>(amountProblem, AMOUNT_JSON, 'beløbet').optional(),
    perAar: z.record(z.string().regex(/^\d{4}$/, 'skal være et årstal, fx "2024"'), checked<string>(amountProblem, AMOUNT_JSON, 'årets beløb')).optional(),
  })
  .strict();

/** A participating afdeling. */
export const afdelingInputSchema = z
  .object({
    id: z.string().min(1, 'afdelingens id mangler'),
    navn: z.string().optional(),
    lejemaal: checked<number>((v) => countProblem(v, 'antal lejemål'), COUNT_JSON, 'antal lejemål').optional(),
    lejemaalsaekvivalenter: checked<string>((v) => quantityProblem(v, 'lejemålsækvivalenter'), QUANTITY_JSON, 'lejemålsækvivalenter').optional(),
    boligareal: checked<string>((v) => quantityProblem(v, 'boligarealet'), QUANTITY_JSON, 'boligarealet').optional(),
    beboere: checked<number>((v) => countProblem(v, 'antal beboere'), COUNT_JSON, 'antal beboere').optional(),
    andel: checked<string>((v) => quantityProblem(v, 'andelen'), QUANTITY_JSON, 'andelen').optional(),
    aarligHusleje: checked<string>(amountProblem, AMOUNT_JSON, 'den årlige husleje').optional(),
  })
  .strict();

/** A funder named by the plan. */
export const funderInputSchema = z
  .object({
    id: kebab,
    navn: z.string().min(1),
    share: checked<string>((v) => quantityProblem(v, 'andelen'), QUANTITY_JSON, 'andelen'),
    lokal: z.boolean(),
    afdelinger: z.boolean().optional(),
  })
  .strict();

/** The data of a financing plan, without the scheme itself. */
export const planDataSchema = z
  .object({
    budget: budgetSchema,
    asOf: isoDate,
    afdelinger: z.array(afdelingInputSchema),
    key: z.enum(FORDELINGSNOEGLER, `skal være én af ${FORDELINGSNOEGLER.join(', ')}`),
    funderShares: z.record(z.string(), checked<string>((v) => quantityProblem(v, 'andelen'), QUANTITY_JSON, 'andelen')).optional(),
    funders: z.array(funderInputSchema).optional(),
    indsatsKind: z.enum(INDSATS_KINDS).optional(),
  })
  .strict();

/** A plan file as the CLI reads it: the plan data plus the scheme's id and a name. */
export const planFileSchema = planDataSchema
  .extend({
    $schema: z.string().optional(),
    navn: z.string().optional(),
    beskrivelse: z.string().optional(),
    scheme: z.string().min(1),
  })
  .strict();

/** A plan file as parsed. */
export type PlanFile = z.infer<typeof planFileSchema>;

/**
 * What a validated plan file gives `allocateFinancing`: its budget, and every option but
 * the rules (the caller's).
 */
export function planAllocation(plan: PlanFile): { readonly budget: BudgetInput; readonly options: Omit<AllocateOptions, 'rules'> } {
  return {
    budget: plan.budget,
    options: {
      scheme: plan.scheme,
      asOf: plan.asOf,
      afdelinger: plan.afdelinger,
      key: plan.key,
      ...(plan.funderShares !== undefined ? { funderShares: plan.funderShares } : {}),
      ...(plan.funders !== undefined ? { funders: plan.funders } : {}),
      ...(plan.indsatsKind !== undefined ? { indsatsKind: plan.indsatsKind } : {}),
    },
  };
}

/**
 * Parses with a schema: the parsed value as a {@link Result}, or Danish diagnostics
 * located by JSON pointer (with `file` on each, when given) and a hint for each.
 */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, file?: string): Result<T> {
  const result = safeParseDanish(schema, value);
  if (result.success) return ok(result.data);
  const errors = issuesToDiagnostics(result.error, {
    ...(file !== undefined ? { file } : {}),
    pointerBase: '',
    hint: (issue) => {
      const params = (issue as { params?: { hint?: unknown } }).params;
      return typeof params?.hint === 'string' ? params.hint : issueHint(issue);
    },
  });
  return fail(errors);
}

function issueHint(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'unrecognized_keys') return 'Slet nøglen eller ret stavemåden; se feltlisten i README.';
  return undefined;
}
