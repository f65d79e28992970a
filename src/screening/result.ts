/**
 * The compact screening result. What every caller reads at once — the period, the
 * outcomes' flags, the conclusion, what is missing — is computed when the afdeling is
 * screened and kept in own fields. The rest — the indicators with their figures, the
 * recommendations, the changes since the previous period, the conclusion's sentence and
 * the explanation tree — is built when first read, then kept: getters on the prototype of
 * a frozen class instance, so a result costs one small object until something reads it.
 * JSON (`toJSON`) and `plainScreeningResult` give every key as the eager result had it. A
 * result keeps only its outcomes and references to the afdeling it screened (validated,
 * so deep-frozen: the facts rebuilt from it are the facts decided), its rule set and
 * options. It carries the envelope every answer carries (`ruleSets`, `asOf`,
 * `packageVersion`, `outcomes`, `mangler`, and `evaluations`, which JSON leaves out beside
 * `evaluation`).
 */
import type { Afdeling, ScreeningPeriode } from '../domain/afdeling.js';
import type { Facts } from '../domain/fact-types.js';
import { evaluateRuleSet, type TrustedDecider } from '../engine/evaluate.js';
import type { CompiledRuleSet, EvaluateOptions, Evaluation, IsoDate, RuleEvaluation, RuleSetInfo, Truth } from '../engine/types.js';
import type { RuleOutcome } from '../engine/envelope.js';
import { PACKAGE_VERSION } from '../version.js';
import type { Mutable } from '../domain/freeze.js';
import { type BatchFacts, batchFacts } from './batch-facts.js';
import { changesSince, type MovedIndicators, movedIndicators, NO_CHANGES } from './changes.js';
import { konklusionOf, konklusionTekst } from './conclusion.js';
import { exactPeriodFacts, type FactOptions, type PeriodFacts } from './facts.js';
import { indsatsomraadeList, maalList } from './maal.js';
import { allKnown, type DecidedOutcomes, MAX_PACKED_RULES, outcomeAt, unpackOutcomes } from './outcome-bits.js';
import { ANBEFALING_NAVN, type IndikatorMeta, leaves, type ScreeningMeta } from './rule-meta.js';
import type { Aendringer, Anbefaling, Figur, IndikatorResultat, ScreeningResult } from './types.js';
import { requireValidated } from './validate.js';

/** What every result of one screening shares: the rules, their screening view and the options. */
export interface ResultBatch {
  readonly asOf: IsoDate;
  readonly explain: boolean;
  readonly ruleSet: CompiledRuleSet;
  readonly meta: ScreeningMeta;
  readonly evalOptions: EvaluateOptions;
  /** The envelope's `ruleSets`: the rule set's info, in a list shared by the batch. */
  readonly ruleSetInfos: readonly RuleSetInfo[];
  /**
   * The flagged indicators' lists, shared by the batch's results with the same flags: by
   * the true outcomes' bits (see outcome-bits.ts) of the indicator rules.
   */
  readonly flagLists: Map<number, readonly string[]>;
  /** The bits of the indicator rules, by rule index (for a rule set of up to MAX_PACKED_RULES rules). */
  readonly indikatorBits: number;
  /** The batch's decider (made once: what a result's changes decide the previous period with). */
  readonly decider: TrustedDecider;
  /**
   * Where a result's changes write the two periods' facts for the decider, made on the
   * first read of a result's changes and reused by the batch's others (each reads what it
   * wrote before it returns). Undefined until then.
   */
  changeFacts: ChangeFacts | undefined;
}

/** The writers of a batch's changes: the previous period's facts, and the current one's where they are not rebuilt. */
interface ChangeFacts {
  readonly previous: BatchFacts;
  readonly current: BatchFacts;
}

/**
 * One screened afdeling: what was decided, and what its parts are built from on read. Its
 * outcomes (`known`, `met`, `list`) are read while the result is made, never kept as they
 * are (the batch may reuse the list).
 */
export interface Screened extends DecidedOutcomes {
  /** The afdeling (validated, so deep-frozen: the facts rebuilt from it are the facts decided). */
  readonly afdeling: Afdeling;
  /** Who the result is about (made once per validated afdeling, shared). */
  readonly summary: ScreeningResult['afdeling'];
  readonly current: ScreeningPeriode;
  readonly previous: ScreeningPeriode | undefined;
  readonly factOptions: FactOptions;
  /**
   * The current period's facts, as decided: read while the result is made, never kept (the
   * batch reuses the object for the next afdeling; a part read later rebuilds the facts from the afdeling).
   */
  readonly facts: PeriodFacts;
}

/** The parts of a result built so far, made on its first read. */
interface Parts {
  readonly facts: PeriodFacts;
  evaluation: Evaluation | undefined;
  indikatorer: readonly IndikatorResultat[] | undefined;
  anbefalinger: readonly Anbefaling[] | undefined;
  aendringer: Aendringer | undefined;
  tekst: string | undefined;
  ruleOutcomes: readonly RuleOutcome[] | undefined;
  evaluations: readonly Evaluation[] | undefined;
}

/** What building a part reads: the batch, the afdeling screened and the parts built so far. */
interface Source {
  readonly batch: ResultBatch;
  readonly afdeling: Afdeling;
  readonly current: ScreeningPeriode;
  readonly factOptions: FactOptions;
  readonly outcomes: readonly Truth[];
  readonly previous: ScreeningPeriode | undefined;
  readonly parts: Parts;
}

const EMPTY: readonly never[] = Object.freeze([]);

function evaluationOf(s: Source): Evaluation {
  return (s.parts.evaluation ??= evaluateRuleSet(s.batch.ruleSet, s.parts.facts.facts, s.batch.evalOptions));
}

/** What a result's parts are built from (its private `#read`, for the explained subclass). */
let readSource: (r: CompactScreeningResult) => Source;
/** A result's outcomes by rule index, from its masks or list (no part is built). */
let readOutcomes: (r: CompactScreeningResult) => readonly Truth[];
/** The indicators a result's changes list, without their figures (no part is built). */
let readMoved: (r: CompactScreeningResult) => MovedIndicators | undefined;

/**
 * A screened afdeling, decision-only. What is decided is in own fields; the parts built on
 * read are getters on the prototype, so an unread result is one small object beside its
 * outcomes (own accessors would cost about 1.6 µs each to define, per result). JSON
 * (`toJSON`) and {@link plainScreeningResult} give every key in the order results have
 * always had; spreading a result (`{ ...r }`) or `Object.keys` see only the own fields.
 */
class CompactScreeningResult {
  readonly afdeling: ScreeningResult['afdeling'];
  readonly asOf: IsoDate;
  readonly periode: IsoDate;
  readonly ruleSet: RuleSetInfo;
  readonly boligomraadeStatus: readonly string[] | null;
  readonly udloeste: readonly string[];
  readonly konklusion: ScreeningResult['konklusion'];
  readonly mangler: readonly string[];
  readonly ruleSets: readonly RuleSetInfo[];
  readonly packageVersion: string;
  readonly #batch: ResultBatch;
  readonly #afdeling: Afdeling;
  readonly #current: ScreeningPeriode;
  readonly #previous: ScreeningPeriode | undefined;
  readonly #factOptions: FactOptions;
  /** The outcomes as two masks (see outcome-bits.ts), or as a list beyond MAX_PACKED_RULES rules. */
  readonly #known: number;
  readonly #met: number;
  readonly #list: readonly Truth[] | undefined;
  #source: Source | undefined;

  constructor(batch: ResultBatch, screened: Screened) {
    const { afdeling } = screened;
    const { meta } = batch;
    this.afdeling = screened.summary;
    this.asOf = batch.asOf;
    this.periode = screened.current.periode;
    this.ruleSet = batch.ruleSet.info;
    // the status fact is a frozen list made for this period, or the shared empty one
    const statusFact = screened.facts.facts['boligomraadeStatus'];
    this.boligomraadeStatus = Array.isArray(statusFact) ? (statusFact as readonly string[]) : null;
    const list = screened.list;
    this.udloeste = list === undefined ? flagged(batch, screened) : flaggedIds(meta.indikatorer, screened);
    this.konklusion = konklusionOf(meta.anbefalinger, screened);
    this.mangler = manglerOf(batch, screened, screened.facts);
    // the envelope every answer carries (asOf and mangler are above)
    this.ruleSets = batch.ruleSetInfos;
    this.packageVersion = PACKAGE_VERSION;
    this.#batch = batch;
    this.#afdeling = afdeling;
    this.#current = screened.current;
    this.#previous = screened.previous;
    this.#factOptions = screened.factOptions;
    this.#known = screened.known;
    this.#met = screened.met;
    this.#list = list === undefined ? undefined : Object.freeze([...list]);
    this.#source = undefined;
    Object.freeze(this);
  }

  /** The problem indicators, each with its outcome, figures (explained only) and what is missing. */
  get indikatorer(): readonly IndikatorResultat[] {
    const s = this.#read();
    return (s.parts.indikatorer ??= indikatorerOf(s));
  }

  /** The recommendations: which indsats fits, with its mål and indsatsområder. */
  get anbefalinger(): readonly Anbefaling[] {
    const s = this.#read();
    return (s.parts.anbefalinger ??= anbefalingerOf(s));
  }

  /** The conclusion in one Danish sentence. */
  get konklusionTekst(): string {
    const s = this.#read();
    return (s.parts.tekst ??= konklusionTekst(anbefalingOutcomes(s)));
  }

  /** What changed since the previous period. */
  get aendringer(): Aendringer {
    if (this.#previous === undefined) return NO_CHANGES;
    const s = this.#read();
    return (s.parts.aendringer ??= aendringerOf(s, this.#previous));
  }

  /** Every rule's outcome, in rule-file order (the envelope's `outcomes`). */
  get outcomes(): readonly RuleOutcome[] {
    const s = this.#read();
    return (s.parts.ruleOutcomes ??= ruleOutcomesOf(s));
  }

  /** The envelope's evaluations: the explained evaluation, or none when decision-only. */
  get evaluations(): readonly Evaluation[] {
    const s = this.#read();
    return (s.parts.evaluations ??= s.batch.explain ? Object.freeze([evaluationOf(s)]) : EMPTY);
  }

  /** The whole result as a plain frozen object: what JSON shows and what deep equality compares. */
  toJSON(): ScreeningResult {
    return plainScreeningResult(this as unknown as ScreeningResult);
  }

  /** The indicators its changes list, from both periods written into the batch's writers for changes; undefined without a previous period. */
  #moved(): MovedIndicators | undefined {
    const previous = this.#previous;
    if (previous === undefined) return undefined;
    const batch = this.#batch;
    const afdeling = this.#afdeling;
    const before = decidePrevious(batch, afdeling, previous, this.#factOptions);
    const now = changeFactsOf(batch).current.write(afdeling, afdeling.perioder.indexOf(this.#current), requireValidated(afdeling), this.#factOptions);
    return movedIndicators(batch.meta.indikatorer, before.outcomes, before.facts, readOutcomes(this), now.facts);
  }

  /** What the parts are built from, made on the first read: the facts are rebuilt from the afdeling, as decided. */
  #read(): Source {
    return (this.#source ??= {
      batch: this.#batch,
      afdeling: this.#afdeling,
      current: this.#current,
      factOptions: this.#factOptions,
      outcomes: this.#list ?? unpackOutcomes(this.#known, this.#met, this.#batch.ruleSet.rules.length),
      previous: this.#previous,
      parts: {
        facts: exactPeriodFacts(this.#afdeling, this.#current, this.#factOptions),
        evaluation: undefined,
        indikatorer: undefined,
        anbefalinger: undefined,
        aendringer: undefined,
        tekst: undefined,
        ruleOutcomes: undefined,
        evaluations: undefined,
      },
    });
  }

  static {
    readSource = (r) => r.#read();
    readOutcomes = (r) => r.#source?.outcomes ?? r.#list ?? unpackOutcomes(r.#known, r.#met, r.#batch.ruleSet.rules.length);
    readMoved = (r) => r.#moved();
  }
}

/** A screened afdeling with its explanation: `evaluation`, the full explained evaluation, built on first read. */
class ExplainedScreeningResult extends CompactScreeningResult {
  /** The full explained evaluation: every rule's tree, figure, threshold, margin and source. */
  get evaluation(): Evaluation {
    return evaluationOf(readSource(this));
  }
}

/**
 * A screening result as a plain frozen object with every key its own, in the order
 * results have always had (`evaluation` only when explained; `evaluations` left out, as
 * JSON leaves it out): for spreading, `Object.keys` and deep equality. Reading it builds
 * every part of the result.
 *
 * @example
 * const copy = { ...plainScreeningResult(result), kilde: 'screening-2024' };
 */
export function plainScreeningResult(r: ScreeningResult): ScreeningResult {
  const out: Record<string, unknown> = {
    afdeling: r.afdeling,
    asOf: r.asOf,
    periode: r.periode,
    ruleSet: r.ruleSet,
    boligomraadeStatus: r.boligomraadeStatus,
    indikatorer: r.indikatorer,
    udloeste: r.udloeste,
    anbefalinger: r.anbefalinger,
    konklusion: r.konklusion,
    konklusionTekst: r.konklusionTekst,
    aendringer: r.aendringer,
    mangler: r.mangler,
  };
  if (r.evaluation !== undefined) out.evaluation = r.evaluation;
  out.ruleSets = r.ruleSets;
  out.packageVersion = r.packageVersion;
  out.outcomes = r.outcomes;
  return Object.freeze(out) as unknown as ScreeningResult;
}

/**
 * The facts a result of this package was decided on, rebuilt from its afdeling as its
 * parts are: the current period's, and the previous period's (the one its changes are
 * measured against) when there is one. Internal: what a what-if question reads of a row
 * without building its explanation.
 * @throws Error when `result` was not made by this package's screening.
 */
export function screenedFactsOf(result: ScreeningResult): { readonly current: Facts; readonly previous?: { readonly periode: IsoDate; readonly facts: Facts } } {
  if (!(result instanceof CompactScreeningResult)) throw new Error('screenedFactsOf: not a screening result of this package');
  const s = readSource(result);
  if (s.previous === undefined) return { current: s.parts.facts.facts };
  return { current: s.parts.facts.facts, previous: { periode: s.previous.periode, facts: exactPeriodFacts(s.afdeling, s.previous, s.factOptions).facts } };
}

/**
 * The outcomes a result of this package decided, by rule index in its rule set: each
 * indicator's and recommendation's `outcome`, read without building them. Internal: what
 * a what-if row is projected from.
 * @throws Error when `result` was not made by this package's screening.
 */
export function decidedOutcomesOf(result: ScreeningResult): readonly Truth[] {
  if (!(result instanceof CompactScreeningResult)) throw new Error('decidedOutcomesOf: not a screening result of this package');
  return readOutcomes(result);
}

/**
 * The indicators a result's `aendringer` lists, in the same lists and order, without the
 * figures that moved: what the change column names (`formatMovedIndicators`); undefined
 * for a first screening. Internal: a what-if row's change column, without building its
 * changes. `test/screening/compact.test.ts` holds it equal to `aendringer`.
 * @throws Error when `result` was not made by this package's screening.
 */
export function movedIndicatorsOf(result: ScreeningResult): MovedIndicators | undefined {
  if (!(result instanceof CompactScreeningResult)) throw new Error('movedIndicatorsOf: not a screening result of this package');
  return readMoved(result);
}

/** Builds the frozen compact result of one screened afdeling. */
export function compactResult(batch: ResultBatch, screened: Screened): ScreeningResult {
  const r = batch.explain ? new ExplainedScreeningResult(batch, screened) : new CompactScreeningResult(batch, screened);
  return r as unknown as ScreeningResult;
}

function indikatorerOf(s: Source): readonly IndikatorResultat[] {
  const pf = s.parts.facts;
  const rules = s.batch.explain ? evaluationOf(s).rules : undefined;
  return Object.freeze(s.batch.meta.indikatorer.map((m) => indikatorResult(m, s.outcomes[m.ruleIndex] ?? null, pf, rules?.[m.ruleIndex])));
}

function ruleOutcomesOf(s: Source): readonly RuleOutcome[] {
  const { ruleSet } = s.batch;
  return Object.freeze(ruleSet.rules.map((rule, i) => Object.freeze({ ruleSet: ruleSet.info.id, ruleId: rule.id, outcome: s.outcomes[i] ?? null })));
}

/**
 * The ids of the flagged indicators, for a rule set whose outcomes fit the masks: results
 * of the batch with the same flags share one frozen list.
 */
function flagged(batch: ResultBatch, outcomes: DecidedOutcomes): readonly string[] {
  const key = outcomes.met & batch.indikatorBits;
  if (key === 0) return EMPTY;
  let ids = batch.flagLists.get(key);
  if (ids === undefined) batch.flagLists.set(key, (ids = flaggedIds(batch.meta.indikatorer, outcomes)));
  return ids;
}

/** The bits of the indicator rules, by rule index, of a rule set whose outcomes fit the bits (0 beyond). */
export function indikatorBitsOf(meta: ScreeningMeta, rules: number): number {
  return rules > MAX_PACKED_RULES ? 0 : meta.indikatorer.reduce((bits, i) => bits | (1 << i.ruleIndex), 0);
}

function flaggedIds(indikatorer: readonly IndikatorMeta[], outcomes: DecidedOutcomes): readonly string[] {
  let ids: string[] | undefined;
  for (let i = 0; i < indikatorer.length; i++) {
    const m = indikatorer[i] as IndikatorMeta;
    if (outcomeAt(outcomes, m.ruleIndex) === true) (ids ??= []).push(m.id);
  }
  return ids === undefined ? EMPTY : Object.freeze(ids);
}

function anbefalingOutcomes(s: Source): { kind: Anbefaling['kind']; navn: string; outcome: Truth }[] {
  return s.batch.meta.anbefalinger.map((m) => ({ kind: m.kind, navn: ANBEFALING_NAVN[m.kind], outcome: s.outcomes[m.ruleIndex] ?? null }));
}

function anbefalingerOf(s: Source): readonly Anbefaling[] {
  const pf = s.parts.facts;
  const { meta } = s.batch;
  const udloeste = meta.indikatorer.filter((m) => s.outcomes[m.ruleIndex] === true);
  // what the flagged indicators point to, for the recommendations that take their mål and indsatsområder from them
  const fraIndikatorerMaal = maalList(udloeste.flatMap((i) => i.maal));
  const fraIndikatorerOmraader = indsatsomraadeList(udloeste.flatMap((i) => i.indsatsomraader));
  return Object.freeze(
    meta.anbefalinger.map((m) => {
      const outcome = s.outcomes[m.ruleIndex] ?? null;
      return Object.freeze({
        kind: m.kind,
        ruleId: m.ruleId,
        navn: ANBEFALING_NAVN[m.kind],
        outcome,
        maal: m.maal === 'fra-indikatorer' ? fraIndikatorerMaal : m.maalListe,
        indsatsomraader: m.indsatsomraader === 'fra-indikatorer' ? fraIndikatorerOmraader : m.indsatsomraadeListe,
        mangler: outcome === null ? missingFor(m.facts, pf) : EMPTY,
      });
    }),
  );
}

/**
 * The changes since the previous period: that period decided as the batch decides a
 * current one, its facts written from what validation prepared (what exactPeriodFacts
 * makes of it, fact for fact: see batch-facts.ts), into the batch's writer for changes.
 */
function aendringerOf(s: Source, previous: ScreeningPeriode): Aendringer {
  const before = decidePrevious(s.batch, s.afdeling, previous, s.factOptions);
  return changesSince(s.batch.meta.indikatorer, previous.periode, before.outcomes, before.facts, s.outcomes, s.parts.facts.facts);
}

/** The previous period's facts (the batch's writer's, valid until its next write) and outcomes. */
function decidePrevious(batch: ResultBatch, afdeling: Afdeling, previous: ScreeningPeriode, options: FactOptions): { readonly facts: Facts; readonly outcomes: readonly Truth[] } {
  const writer = changeFactsOf(batch).previous;
  const written = writer.write(afdeling, afdeling.perioder.indexOf(previous), requireValidated(afdeling), options);
  return { facts: written.facts, outcomes: batch.decider.decide(written.facts, writer.shares, undefined, writer.values) };
}

function changeFactsOf(batch: ResultBatch): ChangeFacts {
  return (batch.changeFacts ??= { previous: batchFacts(batch.ruleSet), current: batchFacts(batch.ruleSet) });
}


/** Every missing figure behind an unknown indicator or recommendation, in Danish, sorted and without repeats. */
function manglerOf(batch: ResultBatch, outcomes: DecidedOutcomes, pf: PeriodFacts): readonly string[] {
  if (allKnown(outcomes, batch.ruleSet.rules.length)) return EMPTY;
  const { indikatorer, anbefalinger } = batch.meta;
  // indexed loops and no closure: this runs for every afdeling with an unknown outcome
  let out: string[] | undefined;
  for (let i = 0; i < indikatorer.length; i++) {
    const m = indikatorer[i] as IndikatorMeta;
    if (outcomeAt(outcomes, m.ruleIndex) === null) out = addMissing(m.facts, pf, out, true);
  }
  for (let i = 0; i < anbefalinger.length; i++) {
    const m = anbefalinger[i] as (typeof anbefalinger)[number];
    if (outcomeAt(outcomes, m.ruleIndex) === null) out = addMissing(m.facts, pf, out, true);
  }
  return out === undefined ? EMPTY : Object.freeze(out);
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
  const out = addMissing(facts, pf, undefined, false);
  return out === undefined ? EMPTY : Object.freeze(out);
}

/**
 * Adds to `out` (made when the first is added) each reason one of `facts` is missing that
 * it does not hold yet: the reasons noted for the fact, or its name where it is missing
 * with none noted — in the order they come, or `sorted` (in the order of
 * `Array.prototype.sort`, as every envelope's `mangler` is, without sorting a copy). A
 * fact with reasons noted is missing (they are noted only then), so its value is not
 * read: reading a share whole from a batch's facts makes its Ratio.
 */
function addMissing(facts: readonly string[], pf: PeriodFacts, out: string[] | undefined, sorted: boolean): string[] | undefined {
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i] as string;
    const noted = Object.hasOwn(pf.missing, f) ? pf.missing[f] : undefined;
    if (noted === undefined) {
      const v = pf.facts[f];
      if (v !== undefined && v !== null) continue;
    }
    const reasons = noted ?? [f];
    for (let j = 0; j < reasons.length; j++) {
      const reason = reasons[j] as string;
      if (out === undefined) out = [reason];
      else if (sorted) insertSorted(out, reason);
      else if (!out.includes(reason)) out.push(reason);
    }
  }
  return out;
}

/** Inserts `reason` into the sorted `out` where `sort` would put it, unless it is there. */
function insertSorted(out: string[], reason: string): void {
  let at = out.length;
  while (at > 0 && reason < (out[at - 1] as string)) at--;
  if (at > 0 && out[at - 1] === reason) return;
  out.push(reason);
  for (let i = out.length - 1; i > at; i--) out[i] = out[i - 1] as string;
  out[at] = reason;
}
