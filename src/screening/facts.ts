/**
 * From one screening period of an afdeling to the facts the screening rules read.
 * Shares and rates are exact fractions of the counts (decimal strings only when read); a figure that is
 * missing leaves its fact missing (unknown), with a note saying which figure.
 */
import type { Afdeling, PeriodeFeltKey, ScreeningPeriode } from '../domain/afdeling.js';
import { PERIODE_FELTER } from '../domain/afdeling.js';
import { Ratio, shareOf } from '../domain/ratio.js';
import type { Facts } from '../domain/fact-types.js';
import { normaliseStatus } from './status.js';

/** The facts of one period, with what was missing and why. */
export interface PeriodFacts {
  readonly facts: Facts;
  /** Fact name → the Danish reasons it is missing (the figures behind it). */
  readonly missing: Readonly<Record<string, readonly string[]>>;
}

/** Options for computing facts. */
export interface FactOptions {
  /** The official statuses of the boligområde, if known (overrides the period's and the afdeling's own `boligomraadeStatus`). */
  readonly boligomraadeStatus?: readonly string[] | undefined;
  /** Fewer answers than this in the tryghedsundersøgelse make utryghed unknown. */
  readonly minTryghedRespondenter?: number | undefined;
}

const LABEL: Readonly<Record<string, string>> = Object.fromEntries(PERIODE_FELTER.map((f) => [f.key, f.label]));

/**
 * The share `numerator / denominator × scale` as an exact decimal string when it
 * terminates within 20 decimals, else truncated after 20 decimals (for counts below
 * 10^9 a non-terminating share lies more than 10^-15 from any threshold with up to six
 * decimals, so truncation never changes a comparison). 0 / 0 is 0.
 *
 * @example
 * share(1, 8, 100) // "12.5"
 */
export function share(numerator: number | string, denominator: number | string, scale: number): string {
  return String(shareOf(numerator, denominator, scale));
}

/**
 * Computes the screening facts of one period of an afdeling, shares as decimal strings.
 * Pure; never mutates.
 *
 * @example
 * periodFacts(afdeling, afdeling.perioder[0]).facts.flyttefrekvensPct // "12.5"
 */
export function periodFacts(afdeling: Afdeling, periode: ScreeningPeriode, options: FactOptions = {}): PeriodFacts {
  const exact = exactPeriodFacts(afdeling, periode, options);
  const facts: Record<string, Facts[string]> = {};
  for (const [name, value] of Object.entries(exact.facts)) if (value !== undefined) facts[name] = value instanceof Ratio ? value.toDecimalString() : value;
  return Object.freeze({ facts: Object.freeze(facts), missing: exact.missing });
}

/**
 * The screening facts of one period with shares and rates as exact {@link Ratio}s (a
 * share of decimal-string figures, or of counts beyond safe integers, as its decimal
 * string): what the screening evaluates. Pure; never mutates.
 */
export function exactPeriodFacts(afdeling: Afdeling, periode: ScreeningPeriode, options: FactOptions = {}): PeriodFacts {
  const m = new MissingFigures(periode);
  const boligomraadeStatus = statusFact(m, afdeling, periode, options);
  const min = minRespondenter(options);
  const share = (i: number): Ratio | string | undefined => {
    const s = SHARE_FACTS[i] as ShareFact;
    return shareKnown(m, afdeling, periode, s, min) ? shareOf(numeratorOf(periode, s), denominatorOf(afdeling, periode, s), s.scale) : undefined;
  };
  // in the order the reasons were always noted: the shares up to hærværk, the stand, the rest
  const huslejeIndeks = share(0);
  const flyttefrekvensPct = share(1);
  const overfoerselsindkomstPct = share(2);
  const kontanthjaelpPct = share(3);
  const utrygPct = share(4);
  const voldPr1000Beboere = share(5);
  const haervaerkPr100Lejemaal = share(6);
  const standBygninger = m.need('standBygninger', 'standBygninger') ? (periode.standBygninger as number) : undefined;
  const standFriarealer = m.need('standFriarealer', 'standFriarealer') ? (periode.standFriarealer as number) : undefined;
  const saarbareIsoleredePct = share(7);
  if (saarbareIsoleredePct === undefined) m.same('saarbareIsoleredeHusstande', 'saarbareIsoleredePct');

  // one literal of a fixed shape (a missing fact is undefined): built at once, not grown key by key
  const facts: Facts = Object.freeze({
    kommune: afdeling.kommune,
    boligorganisation: afdeling.boligorganisation,
    boligomraadeStatus,
    huslejeIndeks,
    flyttefrekvensPct,
    overfoerselsindkomstPct,
    kontanthjaelpPct,
    tryghedRespondenter: tryghedRespondenterOf(periode),
    utrygPct,
    voldPr1000Beboere,
    haervaerkPr100Lejemaal,
    standBygninger,
    standFriarealer,
    saarbareIsoleredePct,
    saarbareIsoleredeHusstande: saarbareIsoleredePct === undefined ? undefined : (periode.saarbareIsoleredeHusstande as number),
    restancePct: share(8),
    udsaettelserPct: share(9),
    ungeUdenJobUddannelsePct: share(10),
    ungeUdenUngdomsuddannelsePct: share(11),
    eleverUnder02Pct: share(12),
    ungeSigtedePct: share(13),
  });
  return Object.freeze({ facts, missing: m.frozen() });
}

/** A share fact: `numerator / denominator × scale` of a period figure and a period figure or an afdeling count. */
export interface ShareFact {
  readonly fact: string;
  readonly numerator: PeriodeFeltKey;
  readonly denominator: PeriodeFeltKey | 'lejemaal' | 'beboere';
  readonly scale: number;
}

/** The share facts, in the order their missing figures are noted. */
export const SHARE_FACTS: readonly ShareFact[] = Object.freeze(
  (
    [
      ['huslejeIndeks', 'huslejeKrPrM2', 'huslejeReferenceKrPrM2', 1],
      ['flyttefrekvensPct', 'fraflytninger', 'lejemaal', 100],
      ['overfoerselsindkomstPct', 'overfoerselsindkomst', 'voksne18til64', 100],
      ['kontanthjaelpPct', 'kontanthjaelp', 'voksne18til64', 100],
      ['utrygPct', 'tryghedUtrygge', 'tryghedRespondenter', 100],
      ['voldPr1000Beboere', 'voldHaendelser', 'beboere', 1000],
      ['haervaerkPr100Lejemaal', 'haervaerkHaendelser', 'lejemaal', 100],
      ['saarbareIsoleredePct', 'saarbareIsoleredeHusstande', 'lejemaal', 100],
      ['restancePct', 'restancer', 'lejemaal', 100],
      ['udsaettelserPct', 'udsaettelser', 'lejemaal', 100],
      ['ungeUdenJobUddannelsePct', 'ungeUdenJobUddannelse', 'unge18til29', 100],
      ['ungeUdenUngdomsuddannelsePct', 'ungeUdenUngdomsuddannelse', 'unge20til24', 100],
      ['eleverUnder02Pct', 'eleverUnder02', 'elever9klasse', 100],
      ['ungeSigtedePct', 'ungeSigtede', 'unge15til25', 100],
    ] as const
  ).map(([fact, numerator, denominator, scale]) => Object.freeze({ fact, numerator, denominator, scale })),
);

/**
 * Whether share `s` of the period can be computed; when not, notes in `m` why (each
 * missing figure; too few answers to the tryghedsundersøgelse; no beboere).
 */
export function shareKnown(m: MissingFigures, afdeling: Afdeling, periode: ScreeningPeriode, s: ShareFact, minRespondenter: number): boolean {
  const { fact, numerator, denominator } = s;
  if (denominator === 'lejemaal') return m.need(fact, numerator);
  if (denominator === 'beboere') {
    if (!m.need(fact, numerator)) return false;
    if (afdeling.beboere !== 0) return true;
    m.add(fact, 'antal beboere er 0');
    return false;
  }
  if (fact !== 'utrygPct') return m.need2(fact, numerator, denominator);
  // the answers are asked for before the unsafe ones, as they always were
  if (!m.need2(fact, denominator, numerator)) return false;
  const respondenter = periode.tryghedRespondenter as number;
  if (respondenter >= minRespondenter) return true;
  m.add(fact, `tryghedsundersøgelsen har kun ${respondenter} besvarelser (mindst ${minRespondenter} kræves)`);
  return false;
}

/** The numerator figure of a share {@link shareKnown} found known. */
export function numeratorOf(periode: ScreeningPeriode, s: ShareFact): number | string {
  return periode[s.numerator] as number | string;
}

/** The denominator of a share {@link shareKnown} found known: a period figure or an afdeling count. */
export function denominatorOf(afdeling: Afdeling, periode: ScreeningPeriode, s: ShareFact): number | string {
  const d = s.denominator;
  return d === 'lejemaal' ? afdeling.lejemaal : d === 'beboere' ? afdeling.beboere : (periode[d] as number | string);
}

/** Fewer answers than this make utryghed unknown (at least 1). */
export function minRespondenter(options: FactOptions): number {
  return Math.max(1, options.minTryghedRespondenter ?? 1);
}

/** The tryghedsundersøgelse's number of answers, a fact only where both its figures are given. */
export function tryghedRespondenterOf(periode: ScreeningPeriode): number | undefined {
  const { tryghedRespondenter, tryghedUtrygge } = periode;
  return tryghedRespondenter === undefined || tryghedRespondenter === null || tryghedUtrygge === undefined || tryghedUtrygge === null ? undefined : tryghedRespondenter;
}

/**
 * The official statuses of the boligområde (none outside one); undefined, and noted, when
 * they are not known. `own`, when given, is the period's own statuses (else the
 * afdeling's) already normalised, or null where neither is given: what a validated
 * afdeling's memo holds (see {@link ownStatusOf}); the options' statuses come first.
 */
export function statusFact(m: MissingFigures, afdeling: Afdeling, periode: ScreeningPeriode, options: FactOptions, own?: readonly string[] | null): readonly string[] | undefined {
  if (afdeling.boligomraade === undefined || afdeling.boligomraade === null) return NO_STATUS;
  const given = options.boligomraadeStatus;
  if (given !== undefined && given !== null) return normalisedStatus(given);
  const status = own !== undefined ? own : ownStatusOf(afdeling, periode);
  if (status !== null) return status;
  m.add('boligomraadeStatus', `officiel status for boligområdet ${afdeling.boligomraade}`);
  return undefined;
}

/** A period's own statuses, else its afdeling's, normalised; null where neither is given. */
export function ownStatusOf(afdeling: Afdeling, periode: ScreeningPeriode): readonly string[] | null {
  const status = periode.boligomraadeStatus ?? afdeling.boligomraadeStatus;
  return status === undefined || status === null ? null : normalisedStatus(status);
}

/** A status list normalised to rule ids, frozen; made once per frozen list (a validated afdeling's, a checked status map's). */
function normalisedStatus(status: readonly string[]): readonly string[] {
  if (!Object.isFrozen(status)) return Object.freeze(status.map(normaliseStatus));
  let normalised = NORMALISED.get(status);
  if (normalised === undefined) NORMALISED.set(status, (normalised = Object.freeze(status.map(normaliseStatus))));
  return normalised;
}

const NORMALISED = new WeakMap<readonly string[], readonly string[]>();

/** The Danish reasons a period's facts are missing, by fact; no object is made while nothing is missing. */
export class MissingFigures {
  private byFact: Record<string, string[]> | undefined;

  constructor(private periode: ScreeningPeriode) {}

  /** Starts over for another period (a batch reuses one). */
  reset(periode: ScreeningPeriode): void {
    this.periode = periode;
    this.byFact = undefined;
  }

  /** Notes one reason a fact is missing. */
  add(fact: string, reason: string): void {
    const byFact = (this.byFact ??= {});
    (byFact[fact] ??= []).push(reason);
  }

  /** Whether the figure behind a fact is present; notes it when it is not. */
  need(fact: string, key: PeriodeFeltKey): boolean {
    const v = this.periode[key];
    if (v !== undefined && v !== null) return true;
    this.add(fact, LABEL[key] ?? key);
    return false;
  }

  /** A figure already read from the period (`value`, its field `key`), or undefined, noted as missing for `fact`. */
  given(fact: string, key: PeriodeFeltKey, value: number | string | null | undefined): number | undefined {
    if (value !== undefined && value !== null) return value as number;
    this.add(fact, LABEL[key] ?? key);
    return undefined;
  }

  /** Whether both figures behind a fact are present; notes each one that is not. */
  need2(fact: string, first: PeriodeFeltKey, second: PeriodeFeltKey): boolean {
    const a = this.need(fact, first);
    return this.need(fact, second) && a;
  }

  /** Gives `fact` the reasons noted for `like` (a count missing for the same reasons as its share). */
  same(fact: string, like: string): void {
    const reasons = this.byFact?.[like];
    if (reasons !== undefined && this.byFact !== undefined) this.byFact[fact] = reasons;
  }

  frozen(): Readonly<Record<string, readonly string[]>> {
    const byFact = this.byFact;
    if (byFact === undefined) return NO_MISSING;
    for (const k of Object.keys(byFact)) Object.freeze(byFact[k]);
    return Object.freeze(byFact);
  }
}

const NO_MISSING: Readonly<Record<string, readonly string[]>> = Object.freeze({});
const NO_STATUS: readonly string[] = Object.freeze([]);

