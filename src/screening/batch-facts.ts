/**
 * The facts of a batch screening, one afdeling at a time, without an object per share:
 * each afdeling's shares are written as exact parts (scaled numerator, denominator) into
 * one array the batch reuses, which the screening decider reads as its `shares`; the
 * facts object the decider reads beside it is also the batch's own, its fields set per
 * afdeling and its shares computed only if a rule reads one whole (a rule comparing a
 * share with a threshold that is not a constant). What it holds is, fact for fact, what
 * {@link exactPeriodFacts} makes for the same period; `test/screening/batch-facts.test.ts`
 * checks that for every generated afdeling and for hand-made edge cases.
 */
import type { Afdeling, ScreeningPeriode } from '../domain/afdeling.js';
import type { Facts } from '../domain/fact-types.js';
import { shareOf } from '../domain/ratio.js';
import type { CompiledRuleSet } from '../engine/types.js';
import { FROM_FACTS } from '../engine/program.js';
import type { Mutable } from '../domain/freeze.js';
import {
  denominatorOf,
  type FactOptions,
  MissingFigures,
  minRespondenter,
  numeratorOf,
  type PeriodFacts,
  SHARE_FACTS,
  type ShareFact,
  shareKnown,
  statusFact,
} from './facts.js';
import { HUSSTANDE, periodOffset, RESPONDENTER, STAND_BYGNINGER, STAND_FRIAREALER, UTRYG } from './period-figures.js';
import { figuresOf, type ValidatedAfdeling } from './validate.js';

/** Writes each afdeling's facts into what one batch reuses. */
export interface BatchFacts {
  /** The shares' exact parts by the rule set's fact index, of the afdeling written last: the decider's `shares`. */
  readonly shares: Float64Array;
  /**
   * The plain facts by the rule set's fact index, of the afdeling written last: the
   * decider's `values` (`FROM_FACTS` at each share's index: a share is decided from
   * `shares`, or read from the facts where it has no parts there).
   */
  readonly values: readonly unknown[];
  /**
   * Writes the facts of period `index` of a validated afdeling, from what its validation
   * prepared (`validated`: its figures and statuses). What it returns is the batch's own
   * (its facts object, and the holder itself), rewritten by the next write: read it before then.
   */
  write(afdeling: Afdeling, index: number, validated: ValidatedAfdeling, options: FactOptions): PeriodFacts;
}

const SAARBARE = SHARE_FACTS.findIndex((s) => s.fact === 'saarbareIsoleredePct');
const HAERVAERK = SHARE_FACTS.findIndex((s) => s.fact === 'haervaerkPr100Lejemaal');

/**
 * The batch's facts for `ruleSet`: shares go to the slot of their fact in `ruleSet.facts`
 * (a share no rule reads is still a fact, but has no slot).
 */
export function batchFacts(ruleSet: CompiledRuleSet): BatchFacts {
  return new BatchFactsWriter(ruleSet);
}

/**
 * The batch's facts object: its plain facts data, written per afdeling, and each share an
 * own accessor (the engine reads facts through Object.hasOwn) that makes the share from
 * the figures of the afdeling written last, when read. The accessors are one function per
 * share for every batch, so that every batch's facts object has the same shape: code
 * optimised for one batch's object then serves the next. Internal, so not frozen.
 */
class BatchPeriodFacts {
  kommune = '';
  boligorganisation = '';
  boligomraadeStatus: readonly string[] | undefined = undefined;
  tryghedRespondenter: number | undefined = undefined;
  standBygninger: number | undefined = undefined;
  standFriarealer: number | undefined = undefined;
  saarbareIsoleredeHusstande: number | undefined = undefined;
  /** By SHARE_FACTS index: 1 where the share is known for the afdeling written last (private: the facts are the own properties). */
  readonly #known = new Uint8Array(SHARE_FACTS.length);
  #afdeling: Afdeling | undefined = undefined;
  #periode: ScreeningPeriode | undefined = undefined;

  static readonly #getters: readonly (() => unknown)[] = SHARE_FACTS.map((_, i) =>
    function (this: BatchPeriodFacts): unknown {
      return this.#share(i);
    },
  );

  constructor() {
    const getters = BatchPeriodFacts.#getters;
    SHARE_FACTS.forEach((s, i) => {
      Object.defineProperty(this, s.fact, { enumerable: true, get: getters[i] as () => unknown });
    });
  }

  /** Makes the shares from the figures of `periode` of `afdeling`; gives the flags of the shares known, for the writer to set. */
  point(afdeling: Afdeling, periode: ScreeningPeriode): Uint8Array {
    this.#afdeling = afdeling;
    this.#periode = periode;
    return this.#known;
  }

  #share(i: number): unknown {
    const s = SHARE_FACTS[i] as ShareFact;
    const afdeling = this.#afdeling;
    const periode = this.#periode;
    return this.#known[i] === 1 && afdeling !== undefined && periode !== undefined ? shareOf(numeratorOf(periode, s), denominatorOf(afdeling, periode, s), s.scale) : undefined;
  }
}

/** The plain facts of the batch's facts object, besides the shares, in the order `#writeValues` writes them. */
const PLAIN_FACTS = ['kommune', 'boligorganisation', 'boligomraadeStatus', 'tryghedRespondenter', 'standBygninger', 'standFriarealer', 'saarbareIsoleredeHusstande'] as const;

/** A batch's facts: a class, so that its `write` is one function for every batch (see decision-plan.ts). */
class BatchFactsWriter implements BatchFacts {
  readonly shares: Float64Array;
  readonly values: unknown[];
  /** Each share's slot in the rule set's facts, by SHARE_FACTS index (-1: no rule reads it). */
  readonly #slots: Int32Array;
  /** Each plain fact's slot, in PLAIN_FACTS order (-1: no rule reads it). */
  readonly #plainSlots: Int32Array;
  readonly #current = new BatchPeriodFacts();
  /** One note of missing figures for the batch, started over per write. */
  #missing: MissingFigures | undefined = undefined;
  readonly #written: Mutable<PeriodFacts>;

  constructor(ruleSet: CompiledRuleSet) {
    const slotOf = new Map(ruleSet.facts.map((name, i) => [name, i] as const));
    this.#slots = Int32Array.from(SHARE_FACTS, (s) => slotOf.get(s.fact) ?? -1);
    this.#plainSlots = Int32Array.from(PLAIN_FACTS, (f) => slotOf.get(f) ?? -1);
    this.shares = new Float64Array(2 * ruleSet.facts.length).fill(Number.NaN);
    this.values = ruleSet.facts.map(() => FROM_FACTS);
    this.#written = { facts: this.#current as unknown as Facts, missing: {} };
  }

  write(a: Afdeling, index: number, validated: ValidatedAfdeling, options: FactOptions): PeriodFacts {
    const p = a.perioder[index] as ScreeningPeriode;
    const current = this.#current;
    const known = current.point(a, p);
    const shares = this.shares;
    const slots = this.#slots;
    const m = this.#missing ?? (this.#missing = new MissingFigures(p));
    m.reset(p);
    current.kommune = a.kommune;
    current.boligorganisation = a.boligorganisation;
    current.boligomraadeStatus = statusFact(m, a, p, options, validated.periodStatus[index]);
    const min = minRespondenter(options);
    // the period's figures as validation prepared them; the period itself is read only
    // where a figure is missing, to note which
    const numbers = figuresOf(validated);
    const count = a.perioder.length;
    const at = periodOffset(count, index);
    const bits = numbers[count + index] as number;
    const respondenter = numbers[at + RESPONDENTER] as number;
    // the number of answers is a fact only where both the tryghedsundersøgelse's figures are given
    current.tryghedRespondenter = respondenter === respondenter ? respondenter : undefined;
    for (let i = 0; i < SHARE_FACTS.length; i++) {
      // the stand between hærværk and the sårbare, in the order the reasons were always noted
      if (i === HAERVAERK + 1) writeStand(m, numbers, at, current);
      // shareKnown (which notes why a share is missing) only where it could say no
      const ok = ((bits >>> i) & 1) === 1 || (i === UTRYG && respondenter >= min) || shareKnown(m, a, p, SHARE_FACTS[i] as ShareFact, min);
      known[i] = ok ? 1 : 0;
      if (i === SAARBARE) writeHusstande(m, numbers[at + HUSSTANDE] as number, current, ok);
      const slot = slots[i] as number;
      if (slot < 0) continue;
      // NaN where the share is missing or no exact pair: a leaf then reads the facts
      shares[2 * slot] = ok ? (numbers[at + 2 * i] as number) : Number.NaN;
      shares[2 * slot + 1] = ok ? (numbers[at + 2 * i + 1] as number) : Number.NaN;
    }
    this.#writeValues();
    const written = this.#written;
    written.missing = m.frozen();
    return written;
  }

  /** The plain facts as the decider reads them, by index (a fact no rule reads has none), each by name (PLAIN_FACTS order). */
  #writeValues(): void {
    const c = this.#current;
    const v = this.values;
    const s = this.#plainSlots;
    let slot = s[0] as number;
    if (slot >= 0) v[slot] = c.kommune;
    slot = s[1] as number;
    if (slot >= 0) v[slot] = c.boligorganisation;
    slot = s[2] as number;
    if (slot >= 0) v[slot] = c.boligomraadeStatus;
    slot = s[3] as number;
    if (slot >= 0) v[slot] = c.tryghedRespondenter;
    slot = s[4] as number;
    if (slot >= 0) v[slot] = c.standBygninger;
    slot = s[5] as number;
    if (slot >= 0) v[slot] = c.standFriarealer;
    slot = s[6] as number;
    if (slot >= 0) v[slot] = c.saarbareIsoleredeHusstande;
  }
}

/** The count of sårbare husstande: a fact with its share, missing for the same reasons. */
function writeHusstande(m: MissingFigures, husstande: number, current: BatchPeriodFacts, known: boolean): void {
  current.saarbareIsoleredeHusstande = known ? husstande : undefined;
  if (!known) m.same('saarbareIsoleredeHusstande', 'saarbareIsoleredePct');
}

function writeStand(m: MissingFigures, numbers: Float64Array, at: number, current: BatchPeriodFacts): void {
  current.standBygninger = m.given('standBygninger', 'standBygninger', orUndefined(numbers[at + STAND_BYGNINGER] as number));
  current.standFriarealer = m.given('standFriarealer', 'standFriarealer', orUndefined(numbers[at + STAND_FRIAREALER] as number));
}

/** A prepared figure, undefined where it is missing (NaN). */
function orUndefined(v: number): number | undefined {
  return v === v ? v : undefined;
}
