/**
 * Screening afdelinger: which of the strategy's problem indicators are flagged, what
 * changed since the previous period, and which indsats fits — each answer explained,
 * and "ukendt" with the missing figures wherever a figure is missing.
 */
import type { Afdeling, ScreeningPeriode } from '../domain/afdeling.js';
import { trustedDecider } from '../engine/evaluate.js';
import type { CompiledRuleSet, EvaluateOptions, IsoDate, Truth } from '../engine/types.js';
import { BoligsocialError, type Diagnostic, diagnostic } from '../errors.js';
import type { RuleRegistry } from '../rules/registry.js';
import { type BatchFacts, batchFacts } from './batch-facts.js';
import type { FactOptions, PeriodFacts } from './facts.js';
import { screeningMeta } from './rule-meta.js';
import { normaliseStatus } from './status.js';
import { dateNumber } from './period-figures.js';
import { type BoligomraadeStatusMap, statusMapOf } from './status-map.js';
import type { ScreeningResult } from './types.js';
import { isIsoDate } from '../domain/calendar.js';
import { requireList, requireObject } from '../domain/guard.js';
import { compactResult, indikatorBitsOf, type ResultBatch, type Screened } from './result.js';
import { MAX_PACKED_RULES } from './outcome-bits.js';
import { anchorShapes } from './shape-anchor.js';
import { figuresOf, ignoredStatus, requireValidated, validateAfdeling, type ValidatedAfdeling, validatedAfdeling } from './validate.js';

export { markValidated, validateAfdeling } from './validate.js';
export type { BoligomraadeStatusMap } from './status-map.js';

/** Options of a screening. */
export interface ScreenOptions {
  /** The screening date: the latest period on or before it is screened, with the rules in force on it. */
  readonly asOf: IsoDate;
  /** The rules; default the package's bundled rules (read by the public functions, not by the core). */
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
 * Screens one afdeling as of `asOf` under `registry` (the domain core: `options.rules` is
 * not read here; `screenAfdeling` in default-rules.ts supplies it, or the shipped rules).
 * @throws BoligsocialError as {@link screenAfdeling}.
 */
export function screenAfdelingWith(registry: RuleRegistry, afdeling: unknown, options: ScreenOptions): ScreeningResult {
  requireObject(options, OPTIONS);
  const parsed = validateAfdeling(afdeling);
  if (!parsed.ok) throw new BoligsocialError('input-invalid', `afdeling does not validate: ${parsed.errors.map((e) => e.message).join('; ')}`, parsed.errors);
  const batch = batchOf(registry, options);
  const result = screenValidated(parsed.value, requireValidated(parsed.value), batch);
  anchorShapes(result, batch.explain);
  return result;
}

/** Screens many afdelinger under `registry` (the domain core of `screenAfdelinger`). */
export function screenAfdelingerWith(registry: RuleRegistry, afdelinger: readonly unknown[], options: ScreenOptions): BatchScreening {
  const results: ScreeningResult[] = [];
  const diagnostics = screenInto(registry, afdelinger, options, results, undefined);
  return Object.freeze({ results: Object.freeze(results), diagnostics });
}

/**
 * Screens many afdelinger under `registry`, handing each result to `onResult` as soon as
 * it is made, in input order: a caller that keeps only what it reads of each (a what-if
 * sweep) lets the rest go before the next afdeling, instead of holding every result until
 * the batch ends. Returns the diagnostics, as {@link screenAfdelingerWith} gives them.
 */
export function screenEachWith(registry: RuleRegistry, afdelinger: readonly unknown[], options: ScreenOptions, onResult: (result: ScreeningResult) => void): readonly Diagnostic[] {
  return screenInto(registry, afdelinger, options, undefined, onResult);
}

/**
 * Screens each afdeling in turn, pushing each result onto `results` or handing it to
 * `onResult`. One loop, no closure made per call: code optimised for one call's closure
 * would be thrown away when it is collected, and the next batch would start unoptimised.
 */
function screenInto(
  registry: RuleRegistry,
  afdelinger: readonly unknown[],
  options: ScreenOptions,
  results: ScreeningResult[] | undefined,
  onResult: ((result: ScreeningResult) => void) | undefined,
): readonly Diagnostic[] {
  requireList(afdelinger, { da: 'afdelingerne', en: 'afdelinger' });
  requireObject(options, OPTIONS);
  const batch = batchOf(registry, options);
  const diagnostics: Diagnostic[] = [];
  let last: ScreeningResult | undefined;
  for (let index = 0; index < afdelinger.length; index++) {
    const input = afdelinger[index];
    let afdeling = input as Afdeling;
    let entry = validatedAfdeling(input);
    if (entry === undefined) {
      const parsed = validateAfdeling(input, index);
      if (!parsed.ok) {
        diagnostics.push(...parsed.errors);
        continue;
      }
      afdeling = parsed.value;
      entry = requireValidated(afdeling);
    }
    if (entry.ignoresStatus) diagnostics.push(ignoredStatus(afdeling, index) as Diagnostic);
    let result: ScreeningResult;
    try {
      result = screenValidated(afdeling, entry, batch);
    } catch (error) {
      if (error instanceof BoligsocialError && error.code === 'input-invalid') diagnostics.push(...error.diagnostics);
      else throw error;
      continue;
    }
    last = result;
    if (results !== undefined) results.push(result);
    else if (onResult !== undefined) onResult(result);
  }
  if (last !== undefined) anchorShapes(last, batch.explain);
  return Object.freeze(diagnostics);
}

const OPTIONS = { da: 'indstillingerne (options)', en: 'options' };

function resolveRuleSet(registry: RuleRegistry, options: ScreenOptions): CompiledRuleSet {
  checkAsOf(options.asOf);
  if (options.ruleSet) return options.ruleSet;
  return registry.inForce('screening', options.asOf);
}

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

/** What every afdeling of one screening shares: what its results share, the status map, the decider, the facts it reuses and the fact options without a status. */
interface Batch extends ResultBatch {
  readonly statusMap: ReadonlyMap<string, readonly string[]> | undefined;
  /**
   * Where each afdeling's outcomes are decided, read while its result is made: two masks
   * for a rule set of up to MAX_PACKED_RULES rules, else a list.
   */
  readonly masks: Int32Array | undefined;
  /** The list beyond MAX_PACKED_RULES rules (undefined where the masks are used). */
  readonly outcomes: Truth[] | undefined;
  /** What each afdeling's result is made from, rewritten per afdeling (the result reads it while it is made, and keeps none of it). */
  readonly screened: ScreenedSlot;
  /** Each afdeling's facts, written into what the batch reuses (the decider's facts and shares). */
  readonly facts: BatchFacts;
  readonly factOptions: FactOptions;
  /** `asOf` as the number YYYYMMDD, as validated periods' dates are kept. */
  readonly asOfNumber: number;
}

/**
 * What one afdeling's result is made from, in one object the batch rewrites per afdeling
 * (a result reads it while it is made and keeps none of it), so that no object is made
 * per afdeling to hand it over.
 */
class ScreenedSlot implements Screened {
  afdeling!: Afdeling;
  summary!: Screened['summary'];
  current!: ScreeningPeriode;
  previous: ScreeningPeriode | undefined;
  factOptions!: FactOptions;
  facts!: PeriodFacts;
  known = 0;
  met = 0;
  list: readonly Truth[] | undefined;
}

/** Checks the options once and prepares what each afdeling's screening shares. */
function batchOf(registry: RuleRegistry, options: ScreenOptions): Batch {
  const ruleSet = resolveRuleSet(registry, options);
  // copied: a result built on read must not see a later change to the caller's list
  const evalOptions: EvaluateOptions = options.disable ? Object.freeze({ disable: Object.freeze([...options.disable]) }) : {};
  const meta = screeningMeta(ruleSet);
  const packed = ruleSet.rules.length <= MAX_PACKED_RULES;
  return {
    asOf: options.asOf,
    asOfNumber: dateNumber(options.asOf),
    explain: options.explain !== false,
    ruleSet,
    meta,
    statusMap: statusMapFor(options),
    evalOptions,
    decider: trustedDecider(ruleSet, evalOptions),
    masks: packed ? new Int32Array(2) : undefined,
    outcomes: packed ? undefined : new Array<Truth>(ruleSet.rules.length),
    screened: new ScreenedSlot(),
    facts: batchFacts(ruleSet),
    changeFacts: undefined,
    ruleSetInfos: Object.freeze([ruleSet.info]),
    flagLists: new Map(),
    indikatorBits: indikatorBitsOf(meta, ruleSet.rules.length),
    factOptions: Object.freeze({ minTryghedRespondenter: meta.minTryghedRespondenter }),
  };
}

function screenValidated(afdeling: Afdeling, validated: ValidatedAfdeling, batch: Batch): ScreeningResult {
  // the current period is the latest on or before asOf, the previous one the latest before
  // it: chosen by the dates validation kept as numbers, so no period object is read here
  const dates = figuresOf(validated);
  const asOf = batch.asOfNumber;
  const perioder = afdeling.perioder;
  let at = -1;
  let before = -1;
  for (let i = 0; i < perioder.length; i++) {
    const d = dates[i] as number;
    if (d > asOf) continue;
    if (at < 0 || d > (dates[at] as number)) {
      before = at;
      at = i;
    } else if (before < 0 || d > (dates[before] as number)) before = i;
  }
  const cur = at < 0 ? undefined : perioder[at];
  const prev = before < 0 ? undefined : perioder[before];
  if (cur === undefined) {
    throw new BoligsocialError('input-invalid', `afdeling ${afdeling.id} has no screening period on or before ${batch.asOf}`, [
      diagnostic({
        code: 'input-invalid',
        severity: 'error',
        id: afdeling.id,
        field: 'periode',
        message: `afdeling ${afdeling.id} har ingen screeningsperiode på eller før ${batch.asOf}`,
        hint: 'Angiv en senere screeningsdato eller tilføj tal for en tidligere periode.',
      }),
    ]);
  }
  const status = statusFor(afdeling, batch.statusMap);
  // the batch's options unless the status map names this afdeling's boligområde
  const factOptions: FactOptions = status === undefined ? batch.factOptions : { ...batch.factOptions, boligomraadeStatus: status };
  // the batch's facts: valid until the next afdeling is written, so read before that
  const facts = batch.facts.write(afdeling, at, validated, factOptions);
  const { masks, screened } = batch;
  if (masks !== undefined) {
    batch.decider.masks(facts.facts, batch.facts.shares, batch.facts.values, masks);
    screened.known = masks[0] as number;
    screened.met = masks[1] as number;
    screened.list = undefined;
  } else {
    screened.known = 0;
    screened.met = 0;
    screened.list = batch.decider.decide(facts.facts, batch.facts.shares, batch.outcomes, batch.facts.values);
  }
  screened.afdeling = afdeling;
  screened.summary = validated.summary;
  screened.current = cur;
  screened.previous = prev;
  screened.factOptions = factOptions;
  screened.facts = facts;
  return compactResult(batch, screened);
}

function statusFor(afdeling: Afdeling, map: ReadonlyMap<string, readonly string[]> | undefined): readonly string[] | undefined {
  if (!afdeling.boligomraade || map === undefined) return undefined;
  return map.get(afdeling.boligomraade) ?? map.get(normaliseStatus(afdeling.boligomraade));
}

