/**
 * Classifying a boligområde on one list under the law version in force on the list
 * date: each category the version defines, three-valued, explained, with the history
 * rule applied and a flag saying whether the outcome depends on the non-western criterion.
 */
import type { Facts } from '../domain/fact-types.js';
import { BoligsocialError, diagnostic, didYouMean, type Failure, fail, okWithAliases, type Success } from '../errors.js';
import { decideRuleSet, evaluateRuleSet } from '../engine/evaluate.js';
import { deepFreeze } from '../domain/freeze.js';
import type { CompiledRuleSet, Evaluation, IsoDate, Truth } from '../engine/types.js';
import { envelopeOf, outcomesOf, type RuleOutcome } from '../engine/envelope.js';
import type { RuleRegistry } from '../rules/registry.js';
import { classificationFactsOf } from './facts.js';
import { checkHistory } from './history-input.js';
import { aarOf, foldHistorik, historikAfvigelser, historikPrAar, offentliggjortStatus } from './history.js';
import { type BoligomraadeData, type BoligomraadeInput, boligomraadeInputSchema, type HistorikAar } from './input.js';
import { disableIds, expandDisable, forebyggelseUdelukkerUdsatte, ikkeVestligeBetingelser, kategoriRegel, kategoriRegler, minAarIRaekke } from './rule-meta.js';
import type { Afvigelse, HistorikAarStatus, HistorikResultat, Kategori, KategoriResultat, Klassifikation } from './types.js';
import { ISO_DATE_RULE, isIsoDate } from '../domain/calendar.js';
import { idOf, issuesToDiagnostics, safeParseDanish } from '../domain/parse.js';
import { requireObject } from '../domain/guard.js';

const OPTIONS = { da: 'indstillingerne (options)', en: 'options' };

/** The id of the statutory classification rule files (`rules/classification/`). */
export const CLASSIFICATION_RULE_SET = 'classification';
/** The id of the 2015–2017 infrastructure list's rule file (`rules/classification-infrastruktur/`). */
export const INFRASTRUKTUR_RULE_SET = 'classification-infrastruktur';

/** Options of a classification. */
export interface ClassifyOptions {
  /** The list date (`YYYY-MM-DD`); selects the law version in force on that date. */
  readonly listedato: IsoDate;
  /** The area's earlier lists: published statuses and/or figures. */
  readonly history?: readonly HistorikAar[] | undefined;
  /** The rules to use; default the package's own. */
  readonly rules?: RuleRegistry | undefined;
  /**
   * Conditions or rules to switch off (they count as not met). `ikke-vestlige` switches
   * off the non-western criterion in all its forms (in 2021 also `ikke-vestlige-forebyggelse`).
   * With anything switched off, published statuses in the history are disregarded and
   * recomputed from the figures (unknown where figures are missing).
   */
  readonly disable?: readonly string[] | undefined;
  /** Overrides the rule file's `forebyggelseUdelukkerUdsatte` switch. */
  readonly forebyggelseUdelukkerUdsatte?: boolean | undefined;
  /**
   * Whether the area is on the published ghetto/parallelsamfund list of `listedato`
   * (true/false), or unknown (null/absent). It counts as the area's status on this list
   * exactly as the published statuses of earlier lists do: the parallelsamfund category
   * (and the omdannelse category resting on it) follows it, and where the figures give
   * the other answer, {@link Klassifikation.afvigelser} says so. Disregarded when
   * anything is switched off.
   */
  readonly offentliggjortParallelsamfund?: boolean | null | undefined;
}

/**
 * What {@link parseBoligomraade} returns: a {@link Result} of the validated figures. On
 * success the figures are also readable as `data`, the name this function used before it
 * returned a `Result`.
 */
export type ParsedBoligomraade =
  | (Success<BoligomraadeData> & {
      /** @deprecated Read `value`; `data` is the same object, kept for callers written before `Result`. */
      readonly data: BoligomraadeData;
    })
  | Failure;

/**
 * Validates a boligområde's figures: the figures as a {@link Result}, or Danish
 * diagnostics naming the field (and the area's id, when it can be read).
 *
 * @example
 * const r = parseBoligomraade({ id: 'a', beboere: 1200 });
 * if (r.ok) r.value.beboere; // 1200
 */
export function parseBoligomraade(input: unknown): ParsedBoligomraade {
  const parsed = safeParseDanish(boligomraadeInputSchema, input);
  if (parsed.success) return okWithAliases(parsed.data, { data: parsed.data });
  const id = idOf(input);
  return fail(issuesToDiagnostics(parsed.error, { field: 'always', ...(id !== undefined ? { id } : {}), hint: 'Se feltbeskrivelsen i boligomraadeInputSchema; et ukendt tal udelades eller sættes til null.' }));
}

/** The rule files in force on a list date: the `classification` one and, for 2015–2017, the infrastructure list. */
export function ruleSetsFor(registry: RuleRegistry, listedato: IsoDate): readonly CompiledRuleSet[] {
  const main = registry.inForce(CLASSIFICATION_RULE_SET, listedato);
  const out = [main];
  if (registry.ids().includes(INFRASTRUKTUR_RULE_SET)) {
    const infra = registry.versions(INFRASTRUKTUR_RULE_SET).find((rs) => rs.info.effective.from <= listedato && (rs.info.effective.to === undefined || listedato <= rs.info.effective.to));
    if (infra !== undefined) out.push(infra);
  }
  return out;
}

/**
 * Checks that every id to switch off names a condition or rule of some version of the
 * classification rules (a batch may span versions, so one version need not know it).
 * @throws BoligsocialError `unknown-disable-id`, with a suggestion.
 */
export function checkDisable(registry: RuleRegistry, disable: readonly string[]): void {
  if (disable.length === 0) return;
  const known = new Set<string>();
  for (const id of [CLASSIFICATION_RULE_SET, INFRASTRUKTUR_RULE_SET]) for (const rs of registry.versions(id)) for (const n of disableIds(rs)) known.add(n);
  for (const d of disable) {
    if (known.has(d)) continue;
    const guess = didYouMean(d, known);
    throw new BoligsocialError('unknown-disable-id', `cannot disable ${d}: no classification rule file has a condition or rule by that name`, [
      diagnostic({
        code: 'unknown-disable-id',
        severity: 'error',
        message: `"${d}" er hverken en betingelse eller en regel i klassifikationsreglerne`,
        hint: guess !== undefined ? `Mente du "${guess}"?` : `Kendte navne: ${[...known].sort().join(', ')}`,
      }),
    ]);
  }
}

/**
 * {@link classifyBoligomraade} under the rules given (the domain core: `options.rules` is
 * not read, and nothing is loaded from disk).
 * @throws BoligsocialError `input-invalid` (bad figures), `no-rules-in-force`, `unknown-disable-id`.
 */
export function classifyBoligomraadeWith(rules: RuleRegistry, input: BoligomraadeInput, options: ClassifyOptions): Klassifikation {
  requireObject(options, OPTIONS);
  const parsed = parseBoligomraade(input);
  if (!parsed.ok) throw new BoligsocialError('input-invalid', `invalid boligområde ${parsed.errors[0]?.id ?? '(no id)'}: ${parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, parsed.errors);
  const disable = options.disable ?? [];
  checkDisable(rules, disable);
  checkHistory(options.history);
  return classifyData(parsed.value, options, rules);
}

/** Classifies validated figures; `registry` and `disable` already checked. */
export function classifyData(data: BoligomraadeData, options: ClassifyOptions, registry: RuleRegistry, memo?: StatusMemo): Klassifikation {
  const { listedato } = options;
  if (!isIsoDate(listedato)) throw new BoligsocialError('input-invalid', `listedato ${ISO_DATE_RULE}, ikke ${JSON.stringify(listedato)}`, [diagnostic({ code: 'input-invalid', severity: 'error', field: 'listedato', message: `listedato ${ISO_DATE_RULE}, ikke ${JSON.stringify(listedato)}`, hint: 'Skriv listens dato som ÅÅÅÅ-MM-DD, fx 2021-12-01.' })]);
  const disable = options.disable ?? [];
  const ruleSets = ruleSetsFor(registry, listedato);
  const main = ruleSets[0] as CompiledRuleSet;
  const facts: Record<string, Facts[string]> = { ...classificationFactsOf(data) };
  const afvigelser: Afvigelse[] = [];

  let historik: HistorikResultat | undefined;
  const min = minAarIRaekke(main);
  if (min !== undefined) {
    const byYear = historikPrAar(options.history ?? [], listedato);
    const statusOf = (aar: number): HistorikAarStatus => {
      const entry = byYear.get(aar);
      return entry === undefined ? Object.freeze({ aar, status: null, kilde: 'mangler' as const }) : historikStatus(entry, registry, disable, memo);
    };
    const fold = foldHistorik(aarOf(listedato), min, statusOf);
    if (fold.aarIRaekke !== null) facts.parallelsamfundAarIRaekke = fold.aarIRaekke;
    historik = { minAarIRaekke: min, aar: fold.aar, aarIRaekke: fold.aarIRaekke, offentliggjortTilsidesat: disable.length > 0 };
    afvigelser.push(...historikAfvigelser(fold.aar));
  }

  const published = offentliggjortStatus(options.offentliggjortParallelsamfund, disable);
  const evaluations: Evaluation[] = [];
  const kategorier: Partial<Record<Kategori, KategoriResultat>> = {};
  const disabled = new Set<string>();
  for (const rs of ruleSets) {
    const expanded = expandDisable(rs, disable);
    for (const d of expanded) disabled.add(d);
    const depends = dependsOnIkkeVestlig(rs, facts, expanded);
    const counted = rs === main && published !== undefined ? withPublishedStatus(rs, facts, expanded, published) : undefined;
    const evaluation = counted?.evaluation ?? evaluateRuleSet(rs, facts, { disable: expanded });
    evaluations.push(evaluation);
    if (counted?.afvigelse !== undefined) afvigelser.unshift({ aar: aarOf(listedato), listedato, offentliggjort: published as boolean, beregnet: counted.afvigelse, ruleSet: rs.info });
    for (const k of kategoriRegler(rs)) {
      if (kategorier[k.kategori] !== undefined) continue;
      const forced = counted !== undefined && counted.forced.has(k.regel.id);
      kategorier[k.kategori] = {
        kategori: k.kategori,
        regel: k.regel.id,
        navn: k.navn,
        outcome: forced && counted.outcome !== undefined && k.kategori === 'parallelsamfund' ? counted.outcome : (evaluation.outcomes[k.regel.id] ?? null),
        afhaengerAfIkkeVestlig: depends[k.regel.id] === true,
        ruleSet: rs.info,
        ...(forced ? { fraOffentliggjortListe: true as const } : {}),
      };
    }
  }

  const exclude = options.forebyggelseUdelukkerUdsatte ?? forebyggelseUdelukkerUdsatte(main);
  const foreb = kategorier.forebyggelse;
  const udsat = kategorier.udsat;
  if (exclude && foreb !== undefined && udsat !== undefined && foreb.outcome !== false && udsat.outcome !== false) {
    const outcome: Truth = udsat.outcome === true ? false : null;
    kategorier.forebyggelse = { ...foreb, outcome, udelukketSomUdsat: true };
  }

  const envelope = envelopeOf({
    ruleSets: ruleSets.map((rs) => rs.info),
    asOf: listedato,
    outcomes: answerOutcomes(evaluations, Object.values(kategorier)),
    mangler: evaluations.flatMap((e) => e.missingFacts),
    evaluations,
  });
  const result: Klassifikation = {
    id: data.id,
    ...(data.navn !== undefined ? { navn: data.navn } : {}),
    ...(data.kommune !== undefined ? { kommune: data.kommune } : {}),
    listedato,
    ruleSets: envelope.ruleSets,
    kategorier,
    afhaengerAfIkkeVestlig: Object.values(kategorier).some((k) => k.afhaengerAfIkkeVestlig),
    evaluations: envelope.evaluations,
    facts,
    mangler: envelope.mangler,
    ...(historik !== undefined ? { historik } : {}),
    afvigelser,
    disabled: [...disabled].sort(),
    asOf: envelope.asOf,
    packageVersion: envelope.packageVersion,
    outcomes: envelope.outcomes,
  };
  return deepFreeze(result);
}

/** How the current list's published status entered the evaluation of the main rule file. */
interface PublishedStatusApplied {
  /** The evaluation with the status in force, when it had to be re-evaluated. */
  readonly evaluation?: Evaluation;
  /** The rules whose outcome the published status decided. */
  readonly forced: ReadonlySet<string>;
  /** Set when the parallelsamfund rule is not one named condition and the status is applied to its outcome directly. */
  readonly outcome?: boolean;
  /** The status the figures give, when they give one and it differs from the published one. */
  readonly afvigelse?: boolean;
}

/**
 * Lets the current list's published status count: when the figures do not give the
 * same answer (unknown, or the other one), the named condition that is the
 * parallelsamfund category is forced to the published status, so the omdannelse
 * category (which rests on the same condition) follows it; its explanation still shows
 * what the figures gave. A version whose parallelsamfund rule is not one named
 * condition (2010, 2013: no omdannelse category) takes the status as that rule's outcome.
 */
function withPublishedStatus(rs: CompiledRuleSet, facts: Facts, disable: readonly string[], published: boolean): PublishedStatusApplied | undefined {
  const regel = kategoriRegel(rs, 'parallelsamfund');
  if (regel === undefined) return undefined;
  const plain = evaluateRuleSet(rs, facts, { disable });
  const computed = plain.outcomes[regel.regel.id] ?? null;
  if (computed === published) return { evaluation: plain, forced: new Set() };
  const afvigelse = computed === null ? {} : { afvigelse: computed };
  const root = plain.rules.find((r) => r.id === regel.regel.id)?.explanation;
  if (root?.kind !== 'condition') return { evaluation: plain, forced: new Set([regel.regel.id]), outcome: published, ...afvigelse };
  const evaluation = evaluateRuleSet(rs, facts, { disable, override: { [root.name]: published } });
  const forced = new Set(evaluation.rules.filter((r) => r.outcome !== plain.outcomes[r.id]).map((r) => r.id));
  forced.add(regel.regel.id);
  return { evaluation, forced, ...afvigelse };
}

/**
 * The status of one earlier list: the published one when given (and nothing is
 * switched off), else computed from that list's figures under the rules in force on
 * its own date, else unknown.
 */
/**
 * Every rule's outcome, with each category rule's outcome as the answer gives it (the
 * published list's status, or forebyggelse excluded as udsat) rather than as evaluated.
 */
function answerOutcomes(evaluations: readonly Evaluation[], kategorier: readonly KategoriResultat[]): RuleOutcome[] {
  const answered = new Map(kategorier.map((k) => [`${k.ruleSet.id}\u0000${k.regel}`, k.outcome]));
  return evaluations.flatMap((e) =>
    outcomesOf(e).map((o) => {
      const key = `${o.ruleSet}\u0000${o.ruleId}`;
      return answered.has(key) ? { ...o, outcome: answered.get(key) ?? null } : o;
    }),
  );
}

/**
 * The status of one earlier list: the published one when given (with the computed one
 * beside it where they differ), else computed from its figures, else unknown.
 * `memo` is a batch's {@link StatusMemo}.
 */
export function historikStatus(entry: HistorikAar, registry: RuleRegistry, disable: readonly string[], memo?: StatusMemo): HistorikAarStatus {
  const aar = aarOf(entry.listedato);
  const base = { aar, listedato: entry.listedato };
  const published = offentliggjortStatus(entry.offentliggjortParallelsamfund, disable);
  if (published !== undefined) {
    const computed = entry.input === undefined ? undefined : computedStatus(entry, registry, disable, memo);
    const beregnet = typeof computed?.status === 'boolean' && computed.status !== published ? computed.status : undefined;
    return Object.freeze({
      ...base,
      status: published,
      kilde: 'offentliggjort' as const,
      ...(beregnet !== undefined ? { beregnet, ...(computed?.ruleSet !== undefined ? { ruleSet: computed.ruleSet } : {}) } : {}),
    });
  }
  return computedStatus(entry, registry, disable, memo);
}

/**
 * Computed statuses already worked out in one batch, per history entry (by identity)
 * and switched-off names: every later list of an area reads the same earlier lists,
 * and the batch builds each entry once, so each is computed once. Made per batch (one
 * registry), weak on the entry, so nothing outlives the batch's input.
 */
export type StatusMemo = WeakMap<HistorikAar, Map<string, HistorikAarStatus>>;

/** The status of one earlier list computed from its figures under the rules in force on its date, else unknown; looked up in `memo` first when given. */
function computedStatus(entry: HistorikAar, registry: RuleRegistry, disable: readonly string[], memo: StatusMemo | undefined): HistorikAarStatus {
  if (memo === undefined) return computeStatus(entry, registry, disable);
  let byDisable = memo.get(entry);
  if (byDisable === undefined) {
    byDisable = new Map();
    memo.set(entry, byDisable);
  }
  const key = disable.join('\u0000');
  const known = byDisable.get(key);
  if (known !== undefined) return known;
  const status = computeStatus(entry, registry, disable);
  byDisable.set(key, status);
  return status;
}

function computeStatus(entry: HistorikAar, registry: RuleRegistry, disable: readonly string[]): HistorikAarStatus {
  const base = { aar: aarOf(entry.listedato), listedato: entry.listedato };
  if (entry.input === undefined) return Object.freeze({ ...base, status: null, kilde: 'mangler' as const });
  const parsed = parseBoligomraade(entry.input);
  if (!parsed.ok) return Object.freeze({ ...base, status: null, kilde: 'mangler' as const });
  let rs: CompiledRuleSet;
  try {
    rs = registry.inForce(CLASSIFICATION_RULE_SET, entry.listedato);
  } catch (error) {
    if (error instanceof BoligsocialError && error.code === 'no-rules-in-force') return Object.freeze({ ...base, status: null, kilde: 'mangler' as const });
    throw error;
  }
  const regel = kategoriRegel(rs, 'parallelsamfund');
  if (regel === undefined) return Object.freeze({ ...base, status: null, kilde: 'mangler' as const, ruleSet: rs.info });
  const decision = decideRuleSet(rs, classificationFactsOf(parsed.value), { disable: expandDisable(rs, disable) });
  return Object.freeze({ ...base, status: decision.outcomes[regel.regel.id] ?? null, kilde: 'beregnet' as const, ruleSet: rs.info });
}

/**
 * For each rule: would its outcome differ between the non-western criterion met and
 * not met (all its forms together), every other fact as it is?
 */
export function dependsOnIkkeVestlig(ruleSet: CompiledRuleSet, facts: Facts, disable: readonly string[]): Readonly<Record<string, boolean>> {
  const names = ikkeVestligeBetingelser(ruleSet);
  const out: Record<string, boolean> = {};
  if (names.length === 0) {
    for (const r of ruleSet.rules) out[r.id] = false;
    return Object.freeze(out);
  }
  const rest = disable.filter((d) => !names.includes(d));
  const force = (v: boolean) => Object.fromEntries(names.map((n) => [n, v]));
  const withTrue = decideRuleSet(ruleSet, facts, { disable: rest, override: force(true) }).outcomes;
  const withFalse = decideRuleSet(ruleSet, facts, { disable: rest, override: force(false) }).outcomes;
  for (const r of ruleSet.rules) out[r.id] = withTrue[r.id] !== withFalse[r.id];
  return Object.freeze(out);
}
