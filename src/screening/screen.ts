/**
 * Screening afdelinger: which of the strategy's problem indicators are flagged, what
 * changed since the previous period, and which indsats fits — each answer explained,
 * and "ukendt" with the missing figures wherever a figure is missing.
 */
import { afdelingSchema, type Afdeling, type ScreeningPeriode } from '../domain/afdeling.js';
import type { Facts, FactValue } from '../domain/fact-types.js';
import { decideRuleSet, evaluateRuleSet } from '../engine/evaluate.js';
import type { CompiledRuleSet, IsoDate, RuleEvaluation, Truth } from '../engine/types.js';
import { BoligsocialError, type Diagnostic, diagnostic, type Result } from '../errors.js';
import { bundledRegistry } from '../shipped.js';
import type { RuleRegistry } from '../rules/registry.js';
import { compareDecimals } from '../engine/decimal-compare.js';
import { periodFacts, type PeriodFacts } from './facts.js';
import { indsatsomraadeList, maalList } from './maal.js';
import { ANBEFALING_NAVN, type IndikatorMeta, leaves, screeningMeta, type ScreeningMeta } from './rule-meta.js';
import { normaliseStatus } from './status.js';
import { type BoligomraadeStatusMap, statusMapOf } from './status-map.js';
import type { Aendringer, Anbefaling, Figur, IndikatorAendring, IndikatorResultat, Konklusion, ScreeningResult } from './types.js';
import { isIsoDate } from '../domain/calendar.js';
import { deepFreeze, type Mutable } from '../domain/freeze.js';
import { idOf, issuesToDiagnostics, safeParseDanish } from '../domain/parse.js';
import { screeningRules } from './rule-domain.js';
import { requireList, requireObject } from '../domain/guard.js';

export type { BoligomraadeStatusMap } from './status-map.js';

/** Options of a screening. */
export interface ScreenOptions {
  /** The screening date: the latest period on or before it is screened, with the rules in force on it. */
  readonly asOf: IsoDate;
  /** The rules; default the package's bundled rules. */
  readonly rules?: RuleRegistry;
  /** A specific compiled screening rule set (overrides `rules`). */
  readonly ruleSet?: CompiledRuleSet;
  /** Official statuses of boligområder, by boligområde id (overrides an afdeling's own `boligomraadeStatus`). */
  readonly boligomraadeStatus?: BoligomraadeStatusMap;
  /** Condition names or rule ids to switch off (they count as not met). */
  readonly disable?: readonly string[];
  /** false: decision only (no explanation tree, no figures) — the bulk path. Default true. */
  readonly explain?: boolean;
}

/** The outcome of a batch screening: one result per good afdeling, one diagnostic per problem. */
export interface BatchScreening {
  readonly results: readonly ScreeningResult[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Screens one afdeling as of `asOf`.
 *
 * @throws BoligsocialError `input-invalid` if the afdeling does not validate or has no period on or before `asOf`;
 *   `no-rules-in-force` if no screening rules cover `asOf`.
 * @example
 * const r = screenAfdeling(afdeling, { asOf: '2024-12-01' });
 * r.udloeste;        // ['utryghed', 'vold']
 * r.konklusion;      // 'indsats'
 */
export function screenAfdeling(afdeling: unknown, options: ScreenOptions): ScreeningResult {
  requireObject(options, OPTIONS);
  const parsed = validateAfdeling(afdeling);
  if (!parsed.ok) throw new BoligsocialError('input-invalid', `afdeling does not validate: ${parsed.errors.map((e) => e.message).join('; ')}`, parsed.errors);
  const ruleSet = resolveRuleSet(options);
  return screenValidated(parsed.value, ruleSet, screeningMeta(ruleSet), options, statusMapFor(options));
}

/**
 * Screens many afdelinger. Afdelinger that do not validate, or have no period on or
 * before `asOf`, are reported as diagnostics (with their id); the rest are screened.
 * With `explain: false` it is the fast decision-only path.
 */
export function screenAfdelinger(afdelinger: readonly unknown[], options: ScreenOptions): BatchScreening {
  requireList(afdelinger, { da: 'afdelingerne', en: 'afdelinger' });
  requireObject(options, OPTIONS);
  const ruleSet = resolveRuleSet(options);
  const meta = screeningMeta(ruleSet);
  const statusMap = statusMapFor(options);
  const results: ScreeningResult[] = [];
  const diagnostics: Diagnostic[] = [];
  afdelinger.forEach((input, index) => {
    const parsed = validateAfdeling(input, index);
    if (!parsed.ok) {
      diagnostics.push(...parsed.errors);
      return;
    }
    const ignored = ignoredStatus(parsed.value, index);
    if (ignored !== undefined) diagnostics.push(ignored);
    try {
      results.push(screenValidated(parsed.value, ruleSet, meta, options, statusMap));
    } catch (error) {
      if (error instanceof BoligsocialError && error.code === 'input-invalid') diagnostics.push(...error.diagnostics);
      else throw error;
    }
  });
  return Object.freeze({ results: Object.freeze(results), diagnostics: Object.freeze(diagnostics) });
}

const OPTIONS = { da: 'indstillingerne (options)', en: 'options' };

/** The decision-only batch: {@link screenAfdelinger} with `explain: false`. */
export function decideAfdelinger(afdelinger: readonly unknown[], options: Omit<ScreenOptions, 'explain'>): BatchScreening {
  return screenAfdelinger(afdelinger, { ...options, explain: false });
}

/** Afdelinger this module (or the CSV reader) validated and deep-froze: screening them again skips zod. */
const validated = new WeakSet<object>();

/** Deep-freezes a validated afdeling and remembers it, so a later screening need not validate it again. */
export function markValidated(afdeling: Afdeling): Afdeling {
  deepFreeze(afdeling);
  validated.add(afdeling);
  return afdeling;
}

/**
 * Validates an afdeling; diagnostics name its id (when readable) and the field. The
 * returned afdeling is deep-frozen; passing it to a screening again skips validation.
 */
export function validateAfdeling(input: unknown, index?: number): Result<Afdeling> {
  if (typeof input === 'object' && input !== null && validated.has(input)) return { ok: true, value: input as Afdeling };
  const r = safeParseDanish(afdelingSchema, input);
  if (r.success) return { ok: true, value: markValidated(r.data as Afdeling) };
  const id = idOf(input);
  const errors = issuesToDiagnostics(r.error, {
    ...(id !== undefined ? { id } : {}),
    ...(index !== undefined ? { row: index + 1 } : {}),
    pointerBase: '',
    field: 'always',
    message: (issue, field) => `${field || 'afdelingen'}: ${issue.message}`,
    hint: 'Ret tallet i afdelingens data; afdelingen screenes ikke, før det er gyldigt.',
  });
  return { ok: false, errors };
}

function resolveRuleSet(options: ScreenOptions): CompiledRuleSet {
  checkAsOf(options.asOf);
  if (options.ruleSet) return options.ruleSet;
  return (options.rules ?? bundledRegistry()).inForce('screening', options.asOf);
}

const EMPTY: readonly never[] = Object.freeze([]);

function checkAsOf(asOf: string): void {
  if (!isIsoDate(asOf)) {
    throw new BoligsocialError('input-invalid', `asOf is not a valid YYYY-MM-DD date: ${JSON.stringify(asOf)}`, [
      diagnostic({ code: 'input-invalid', severity: 'error', field: 'asOf', message: `screeningsdatoen "${asOf}" er ikke en gyldig dato`, hint: 'Skriv datoen som ÅÅÅÅ-MM-DD.' }),
    ]);
  }
}

/** The checked status map of the options, as a Map (undefined when none is given). */
function statusMapFor(options: ScreenOptions): ReadonlyMap<string, readonly string[]> | undefined {
  return options.boligomraadeStatus === undefined ? undefined : statusMapOf(options.boligomraadeStatus);
}

/** A warning for an afdeling in no boligområde that still has a status: the status cannot apply and is ignored. */
function ignoredStatus(afdeling: Afdeling, index: number): Diagnostic | undefined {
  if (afdeling.boligomraade !== undefined && afdeling.boligomraade !== null) return undefined;
  const given = [afdeling.boligomraadeStatus, ...afdeling.perioder.map((p) => p.boligomraadeStatus)].some((s) => s !== undefined && s !== null && s.length > 0);
  if (!given) return undefined;
  return diagnostic({
    code: 'input-invalid',
    severity: 'warning',
    id: afdeling.id,
    row: index + 1,
    field: 'boligomraadeStatus',
    message: `afdeling ${afdeling.id} ligger ikke i et boligområde; dens boligområdestatus ignoreres`,
    hint: 'Angiv boligområdet (boligomraade), eller fjern statussen.',
  });
}

function screenValidated(afdeling: Afdeling, ruleSet: CompiledRuleSet, meta: ScreeningMeta, options: ScreenOptions, statusMap: ReadonlyMap<string, readonly string[]> | undefined): ScreeningResult {
  const { asOf } = options;
  // validated periods are YYYY-MM-DD, so they order as strings
  let cur: ScreeningPeriode | undefined;
  let prev: ScreeningPeriode | undefined;
  for (const p of afdeling.perioder) {
    if (p.periode > asOf) continue;
    if (cur === undefined || p.periode > cur.periode) {
      prev = cur;
      cur = p;
    } else if (prev === undefined || p.periode > prev.periode) prev = p;
  }
  if (cur === undefined) {
    throw new BoligsocialError('input-invalid', `afdeling ${afdeling.id} has no screening period on or before ${asOf}`, [
      diagnostic({
        code: 'input-invalid',
        severity: 'error',
        id: afdeling.id,
        field: 'periode',
        message: `afdeling ${afdeling.id} har ingen screeningsperiode på eller før ${asOf}`,
        hint: 'Angiv en senere screeningsdato eller tilføj tal for en tidligere periode.',
      }),
    ]);
  }
  const status = statusFor(afdeling, statusMap);
  const factOptions = { boligomraadeStatus: status, minTryghedRespondenter: meta.minTryghedRespondenter };
  const curFacts = periodFacts(afdeling, cur, factOptions);
  const evalOptions = options.disable ? { disable: options.disable } : {};
  const explain = options.explain !== false;
  const evaluation = explain ? evaluateRuleSet(ruleSet, curFacts.facts, evalOptions) : undefined;
  const outcomes = evaluation ? evaluation.outcomes : decideRuleSet(ruleSet, curFacts.facts, evalOptions).outcomes;

  const indikatorer = meta.indikatorer.map((m) => indikatorResult(m, outcomes[m.ruleId] ?? null, curFacts, evaluation?.rules[m.ruleIndex]));
  const udloesteMeta = meta.indikatorer.filter((m) => outcomes[m.ruleId] === true);
  // what the flagged indicators point to, for the recommendations that take their mål and indsatsområder from them
  const fraIndikatorerMaal = maalList(udloesteMeta.flatMap((i) => i.maal));
  const fraIndikatorerOmraader = indsatsomraadeList(udloesteMeta.flatMap((i) => i.indsatsomraader));
  const anbefalinger: Anbefaling[] = meta.anbefalinger.map((m) => {
    const outcome = outcomes[m.ruleId] ?? null;
    return Object.freeze({
      kind: m.kind,
      ruleId: m.ruleId,
      navn: ANBEFALING_NAVN[m.kind],
      outcome,
      maal: m.maal === 'fra-indikatorer' ? fraIndikatorerMaal : m.maalListe,
      indsatsomraader: m.indsatsomraader === 'fra-indikatorer' ? fraIndikatorerOmraader : m.indsatsomraadeListe,
      mangler: outcome === null ? missingFor(m.facts, curFacts) : EMPTY,
    });
  });

  let aendringer: Aendringer = NO_CHANGES;
  if (prev !== undefined) {
    const prevFacts = periodFacts(afdeling, prev, factOptions);
    const prevOutcomes = decideRuleSet(ruleSet, prevFacts.facts, evalOptions).outcomes;
    aendringer = changes(meta, prev.periode, prevOutcomes, prevFacts.facts, outcomes, curFacts.facts);
  }

  const { konklusion, tekst } = conclude(anbefalinger);
  const mangler = Object.freeze([...new Set([...indikatorer.flatMap((i) => i.mangler), ...anbefalinger.flatMap((a) => a.mangler)])]);
  const statusFact = curFacts.facts['boligomraadeStatus'];
  return Object.freeze({
    afdeling: Object.freeze({
      id: afdeling.id,
      navn: afdeling.navn,
      boligorganisation: afdeling.boligorganisation,
      kommune: afdeling.kommune,
      ...(afdeling.boligomraade ? { boligomraade: afdeling.boligomraade } : {}),
    }),
    asOf,
    periode: cur.periode,
    ruleSet: ruleSet.info,
    boligomraadeStatus: Array.isArray(statusFact) ? Object.freeze([...(statusFact as readonly string[])]) : null,
    indikatorer: Object.freeze(indikatorer),
    udloeste: Object.freeze(udloesteMeta.map((m) => m.id)),
    anbefalinger: Object.freeze(anbefalinger),
    konklusion,
    konklusionTekst: tekst,
    aendringer,
    mangler,
    ...(evaluation ? { evaluation } : {}),
  });
}

const NO_CHANGES: Aendringer = Object.freeze({ nyeFlag: EMPTY, ophoerte: EMPTY, forvaerrede: EMPTY, nuUkendte: EMPTY });

function statusFor(afdeling: Afdeling, map: ReadonlyMap<string, readonly string[]> | undefined): readonly string[] | undefined {
  if (!afdeling.boligomraade || map === undefined) return undefined;
  return map.get(afdeling.boligomraade) ?? map.get(normaliseStatus(afdeling.boligomraade));
}

function indikatorResult(m: IndikatorMeta, outcome: Truth, pf: PeriodFacts, rule: RuleEvaluation | undefined): IndikatorResultat {
  return Object.freeze({
    id: m.id,
    ruleId: m.ruleId,
    titel: m.titel,
    outcome,
    social: m.social,
    maal: m.maalListe,
    indsatsomraader: m.indsatsomraadeListe,
    figurer: rule ? figures(rule) : EMPTY,
    mangler: outcome === null ? missingFor(m.facts, pf) : EMPTY,
  });
}

function figures(rule: RuleEvaluation): readonly Figur[] {
  const out: Figur[] = [];
  for (const leaf of leaves(rule.explanation)) {
    const threshold = leaf.threshold;
    // one figure per fact, operator and threshold, however often the conditions name it
    if (out.some((f) => f.fact === leaf.fact && f.operator === leaf.operator && String(f.threshold) === String(threshold.value))) continue;
    const figur: Mutable<Figur> = { fact: leaf.fact, description: leaf.description, unit: leaf.unit, operator: leaf.operator, outcome: leaf.outcome };
    if (leaf.factValue !== undefined) figur.value = leaf.factValue;
    if (threshold.value !== undefined) figur.threshold = threshold.value;
    if (threshold.parameter !== undefined) figur.parameter = threshold.parameter;
    out.push(Object.freeze(figur));
  }
  return Object.freeze(out);
}

function missingFor(facts: readonly string[], pf: PeriodFacts): readonly string[] {
  const out: string[] = [];
  for (const f of facts) {
    const v = pf.facts[f];
    if (v !== undefined && v !== null) continue;
    for (const reason of pf.missing[f] ?? [f]) if (!out.includes(reason)) out.push(reason);
  }
  return Object.freeze(out);
}

function changes(
  meta: ScreeningMeta,
  forrigePeriode: IsoDate,
  before: Readonly<Record<string, Truth>>,
  beforeFacts: Facts,
  now: Readonly<Record<string, Truth>>,
  nowFacts: Facts,
): Aendringer {
  const nyeFlag: IndikatorAendring[] = [];
  const ophoerte: IndikatorAendring[] = [];
  const forvaerrede: IndikatorAendring[] = [];
  const nuUkendte: IndikatorAendring[] = [];
  const catalogue = screeningRules.facts;
  for (const m of meta.indikatorer) {
    const foer = before[m.ruleId] ?? null;
    const nu = now[m.ruleId] ?? null;
    const kind = nu === true && foer !== true ? 'ny' : foer === true && nu === false ? 'ophoert' : foer === true && nu === true ? 'begge' : foer !== null && nu === null ? 'ukendt' : undefined;
    if (kind === undefined) continue;
    // the figures that moved, both values known
    let rose = false;
    const moved: { fact: string; description: string; foer: FactValue; nu: FactValue }[] = [];
    for (const fact of m.facts) {
      const a = beforeFacts[fact];
      const b = nowFacts[fact];
      if (!isScalarNumber(a) || !isScalarNumber(b)) continue;
      const c = compareDecimals(b, a);
      if (c === 0) continue;
      if (c > 0) rose = true;
      moved.push(Object.freeze({ fact, description: catalogue.get(fact)?.description ?? fact, foer: a, nu: b }));
    }
    if (kind === 'begge' && !rose) continue;
    const change: IndikatorAendring = Object.freeze({ indikator: m.id, titel: m.titel, foer, nu, figurer: Object.freeze(moved) });
    if (kind === 'ny') nyeFlag.push(change);
    else if (kind === 'ophoert') ophoerte.push(change);
    else if (kind === 'begge') forvaerrede.push(change);
    else nuUkendte.push(change);
  }
  return Object.freeze({
    forrigePeriode,
    nyeFlag: Object.freeze(nyeFlag),
    ophoerte: Object.freeze(ophoerte),
    forvaerrede: Object.freeze(forvaerrede),
    nuUkendte: Object.freeze(nuUkendte),
  });
}

function isScalarNumber(v: unknown): v is number | string {
  return (typeof v === 'number' && Number.isFinite(v) && v >= 0) || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v));
}

function conclude(anbefalinger: readonly Anbefaling[]): { konklusion: Konklusion; tekst: string } {
  const projects = anbefalinger.filter((a) => a.kind !== 'kontaktpersonordning');
  const kontakt = anbefalinger.find((a) => a.kind === 'kontaktpersonordning');
  const yes = projects.filter((a) => a.outcome === true).map((a) => a.navn);
  const unknown = projects.filter((a) => a.outcome === null).map((a) => a.navn);
  const kontaktTekst =
    kontakt?.outcome === true ? ' Afdelingen er omfattet af kontaktpersonordningen.' : kontakt?.outcome === null ? ' Om kontaktpersonordningen gælder, er ukendt.' : '';
  if (yes.length > 0) {
    const rest = unknown.length > 0 ? ` Ukendt: ${unknown.join(', ')}.` : '';
    return { konklusion: 'indsats', tekst: `Anbefalet: ${yes.join(', ')}.${rest}${kontaktTekst}` };
  }
  if (unknown.length > 0) return { konklusion: 'ukendt', tekst: `Ukendt, fordi tal mangler: ${unknown.join(', ')}.${kontaktTekst}` };
  return {
    konklusion: 'ingen-saerlig-indsats',
    tekst: kontakt?.outcome === true ? 'Ingen særlig indsats ud over kontaktpersonordningen.' : `Ingen særlig indsats.${kontaktTekst}`,
  };
}


