/**
 * Forecasting the next list: afdeling-level counts summed to their boligområde,
 * classified under the rules in force on the list date, with the margin to each
 * threshold also in persons.
 */
import { z } from 'zod';
import { own } from '../domain/own.js';
import { DECIMAL_STRING, Decimal, decimalString, decimalTextOf } from '../domain/decimal.js';
import { BoligsocialError, type Diagnostic, diagnostic } from '../errors.js';
import { deepFreeze } from '../domain/freeze.js';
import { formatTal } from '../format/danish.js';
import type { IsoDate } from '../engine/types.js';
import type { RuleRegistry } from '../rules/registry.js';
import { checkDisable, classifyData, parseBoligomraade, ruleSetsFor } from './classify.js';
import type { BoligomraadeInput, HistorikAar } from './input.js';
import { type Margin, marginsOf, type Optaelling } from './margins.js';
import type { Klassifikation } from './types.js';
import { idOf, issuesToDiagnostics, safeParseDanish } from '../domain/parse.js';
import { requireList, requireObject } from '../domain/guard.js';
import { checkHistory, checkHistoryById } from './history-input.js';

const antal = z.int('skal være et helt tal').min(0, 'må ikke være negativ').nullish();
const beloeb = z
  .union([z.string(), z.number()], 'skal være et beløb')
  .transform((v) => (typeof v === 'number' ? decimalTextOf(v) : v.trim()))
  .refine((v) => DECIMAL_STRING.test(v) && !v.startsWith('-'), 'skal være et ikke-negativt decimaltal, fx "312000.50"')
  .nullish();

/** One afdeling's counts for a forecast. Every count is optional: a missing one makes the sum unknown. */
export const afdelingPrognoseSchema = z
  .object({
    id: z.string().trim().min(1, 'må ikke være tom'),
    navn: z.string().trim().min(1).optional(),
    /** The boligområde the afdeling belongs to (its id). */
    boligomraade: z.string('skal være boligområdets id').trim().min(1, 'må ikke være tom'),
    boligomraadeNavn: z.string().trim().min(1).optional(),
    kommune: z.string().trim().min(1).optional(),
    beboere: antal,
    ikkeVestlige: antal,
    beboere18til64: antal,
    udenArbejde: antal,
    beboere18plus: antal,
    domfaelte: antal,
    domfaelteLandsgennemsnitPct: beloeb,
    beboere30til59: antal,
    kunGrundskole: antal,
    skatteydere: antal,
    bruttoindkomstKr: beloeb,
    regionGennemsnitKr: beloeb,
  })
  .strict();

/** An afdeling's counts as given by a caller. */
export type AfdelingPrognoseInput = z.input<typeof afdelingPrognoseSchema>;
type AfdelingPrognose = z.output<typeof afdelingPrognoseSchema>;

/** The forecast of one boligområde. */
export interface Prognose {
  readonly boligomraade: string;
  readonly afdelinger: readonly string[];
  /** The summed counts. */
  readonly optaelling: Optaelling;
  readonly klassifikation: Klassifikation;
  /** Every criterion's margin under the rules in force, the `classification` rule file's first. */
  readonly margener: readonly Margin[];
}

/** Options of a forecast. */
export interface ForecastOptions {
  readonly listedato: IsoDate;
  /** The boligområde's earlier lists. */
  readonly history?: readonly HistorikAar[] | undefined;
  readonly rules?: RuleRegistry | undefined;
  readonly disable?: readonly string[] | undefined;
}

const COUNTS = ['beboere', 'ikkeVestlige', 'beboere18til64', 'udenArbejde', 'beboere18plus', 'domfaelte', 'beboere30til59', 'kunGrundskole', 'skatteydere'] as const;
const SHARED = ['domfaelteLandsgennemsnitPct', 'regionGennemsnitKr'] as const;

/** Validates afdelinger; diagnostics name the afdeling (row = 1-based position) and field. */
export function parseAfdelinger(afdelinger: readonly unknown[]): { valid: { index: number; afdeling: AfdelingPrognose }[]; errors: Diagnostic[] } {
  const valid: { index: number; afdeling: AfdelingPrognose }[] = [];
  const errors: Diagnostic[] = [];
  afdelinger.forEach((raw, index) => {
    const r = safeParseDanish(afdelingPrognoseSchema, raw);
    if (r.success) valid.push({ index, afdeling: r.data });
    else {
      const id = idOf(raw);
      errors.push(...issuesToDiagnostics(r.error, { code: 'input-row', row: index + 1, field: 'when-nested', ...(id !== undefined ? { id } : {}) }));
    }
  });
  return { valid, errors };
}

/** Sums the afdelinger's counts; a count missing in any afdeling is unknown. National and regional figures must agree. */
export function sumAfdelinger(afdelinger: readonly AfdelingPrognose[]): Optaelling {
  const out: Record<string, number | string | undefined> = {};
  for (const key of COUNTS) {
    let sum: number | undefined = 0;
    for (const a of afdelinger) {
      const v = a[key];
      sum = v === null || v === undefined || sum === undefined ? undefined : sum + v;
    }
    out[key] = sum;
  }
  const indkomst = afdelinger.map((a) => a.bruttoindkomstKr);
  out.bruttoindkomstKr = indkomst.some((v) => v === null || v === undefined) ? undefined : decimalString(indkomst.reduce((s: Decimal, v) => s.plus(v as string), new Decimal(0)));
  for (const key of SHARED) {
    const values = [...new Set(afdelinger.map((a) => a[key]).filter((v): v is string => typeof v === 'string').map((v) => decimalString(new Decimal(v))))];
    if (values.length > 1) {
      const message = `afdelingerne i samme boligområde har forskellige værdier for ${key}: ${values.map((v) => formatTal(v)).join(' og ')}`;
      throw new BoligsocialError('input-invalid', `the afdelinger of one boligområde disagree on ${key}: ${values.join(', ')}`, [
        diagnostic({ code: 'input-invalid', severity: 'error', field: key, message, hint: `${key} er et lands- eller regionstal og skal være det samme i alle områdets afdelinger.` }),
      ]);
    }
    out[key] = values[0];
  }
  return Object.freeze(out) as Optaelling;
}

/** The classification input of summed counts. */
export function inputOf(id: string, counts: Optaelling, navn?: string, kommune?: string): BoligomraadeInput {
  const andel = (t: number | undefined, n: number | undefined) => (t === undefined || n === undefined || n === 0 ? null : { taeller: t, naevner: n });
  return {
    id,
    ...(navn !== undefined ? { navn } : {}),
    ...(kommune !== undefined ? { kommune } : {}),
    beboere: counts.beboere ?? null,
    ikkeVestlige: andel(counts.ikkeVestlige, counts.beboere),
    udenArbejde: andel(counts.udenArbejde, counts.beboere18til64),
    domfaelte: andel(counts.domfaelte, counts.beboere18plus),
    domfaelteLandsgennemsnitPct: counts.domfaelteLandsgennemsnitPct ?? null,
    kunGrundskole: andel(counts.kunGrundskole, counts.beboere30til59),
    indkomst:
      counts.bruttoindkomstKr !== undefined && counts.skatteydere !== undefined && counts.skatteydere > 0 && counts.regionGennemsnitKr !== undefined
        ? { bruttoindkomstKr: counts.bruttoindkomstKr, skatteydere: counts.skatteydere, regionGennemsnitKr: counts.regionGennemsnitKr }
        : null,
  };
}

/**
 * {@link forecastBoligomraade} under the rules given (the domain core: `options.rules` is
 * not read, and nothing is loaded from disk).
 * @throws BoligsocialError `input-invalid` if an afdeling is invalid or they name more than one boligområde.
 */
export function forecastBoligomraadeWith(rules: RuleRegistry, afdelinger: readonly AfdelingPrognoseInput[], options: ForecastOptions): Prognose {
  requireList(afdelinger, AFDELINGER);
  requireObject(options, OPTIONS);
  const { valid, errors } = parseAfdelinger(afdelinger);
  if (errors.length > 0) throw new BoligsocialError('input-invalid', `invalid afdelinger: ${errors.map((e) => `${e.row}/${e.field ?? ''}: ${e.message}`).join('; ')}`, errors);
  const ids = [...new Set(valid.map((v) => v.afdeling.boligomraade))];
  if (ids.length !== 1) throw new BoligsocialError('input-invalid', `forecastBoligomraade needs the afdelinger of exactly one boligområde, got ${ids.length}: ${ids.join(', ')}`);
  checkDisable(rules, options.disable ?? []);
  checkHistory(options.history);
  return forecastGroup(ids[0] as string, valid.map((v) => v.afdeling), options, rules);
}

const AFDELINGER = { da: 'afdelingerne', en: 'afdelinger' };
const OPTIONS = { da: 'indstillingerne (options)', en: 'options' };

/** Forecasts one boligområde from validated afdelinger. */
export function forecastGroup(id: string, afdelinger: readonly AfdelingPrognose[], options: ForecastOptions, registry: RuleRegistry): Prognose {
  const counts = sumAfdelinger(afdelinger);
  const first = afdelinger[0];
  const input = inputOf(id, counts, first?.boligomraadeNavn, first?.kommune);
  const parsed = parseBoligomraade(input);
  if (!parsed.ok) throw new BoligsocialError('input-invalid', `the summed counts of ${id} are inconsistent: ${parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, parsed.errors);
  const klassifikation = classifyData(parsed.value, { listedato: options.listedato, history: options.history, disable: options.disable, rules: registry }, registry);
  const margener = ruleSetsFor(registry, options.listedato).flatMap((rs) => marginsOf(rs, klassifikation.facts, counts));
  return deepFreeze({ boligomraade: id, afdelinger: afdelinger.map((a) => a.id), optaelling: counts, klassifikation, margener });
}

/** The options of {@link forecastBoligomraader}: those of one forecast, with the history per boligområde id. */
export type ForecastBatchOptions = Omit<ForecastOptions, 'history'> & { readonly history?: Readonly<Record<string, readonly HistorikAar[]>> | undefined };

/**
 * {@link forecastBoligomraader} under the rules given (the domain core: `options.rules` is
 * not read, and nothing is loaded from disk).
 */
export function forecastBoligomraaderWith(
  registry: RuleRegistry,
  afdelinger: readonly unknown[],
  options: ForecastBatchOptions,
): { readonly prognoser: readonly Prognose[]; readonly errors: readonly Diagnostic[] } {
  requireList(afdelinger, AFDELINGER);
  requireObject(options, OPTIONS);
  checkDisable(registry, options.disable ?? []);
  checkHistoryById(options.history);
  const { valid, errors } = parseAfdelinger(afdelinger);
  const badAreas = new Set<string>();
  for (const e of errors) {
    const raw = afdelinger[(e.row ?? 0) - 1];
    const area = typeof raw === 'object' && raw !== null ? (raw as { boligomraade?: unknown }).boligomraade : undefined;
    if (typeof area === 'string') badAreas.add(area.trim());
  }
  const groups = new Map<string, AfdelingPrognose[]>();
  for (const { afdeling } of valid) {
    const list = groups.get(afdeling.boligomraade) ?? [];
    list.push(afdeling);
    groups.set(afdeling.boligomraade, list);
  }
  const prognoser: Prognose[] = [];
  for (const [id, list] of groups) {
    if (badAreas.has(id)) {
      errors.push(diagnostic({ code: 'input-row', severity: 'error', id, field: 'boligomraade', message: `boligområdet ${id} prognosticeres ikke, fordi en af dets afdelinger har fejl`, hint: 'Ret afdelingens række og kør igen.' }));
      continue;
    }
    try {
      prognoser.push(forecastGroup(id, list, { ...options, history: own(options.history, id) }, registry));
    } catch (error) {
      if (error instanceof BoligsocialError && (error.code === 'input-invalid' || error.code === 'no-rules-in-force')) {
        errors.push(diagnostic({ code: 'input-row', severity: 'error', id, field: 'boligomraade', message: `boligområdet ${id} kan ikke prognosticeres: ${error.diagnostics[0]?.message ?? error.message}` }));
        continue;
      }
      throw error;
    }
  }
  return deepFreeze({ prognoser, errors });
}
