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
  const { lejemaal, beboere } = afdeling;
  const shareFact = (fact: string, numerator: PeriodeFeltKey, denominator: PeriodeFeltKey | number, scale: number): Ratio | string | undefined =>
    periodShare(m, periode, fact, numerator, denominator, scale);

  // official status of the boligområde
  let boligomraadeStatus: readonly string[] | undefined;
  const status = options.boligomraadeStatus ?? periode.boligomraadeStatus ?? afdeling.boligomraadeStatus ?? undefined;
  if (afdeling.boligomraade === undefined || afdeling.boligomraade === null) boligomraadeStatus = NO_STATUS;
  else if (status !== undefined && status !== null) boligomraadeStatus = Object.freeze(status.map(normaliseStatus));
  else m.add('boligomraadeStatus', `officiel status for boligområdet ${afdeling.boligomraade}`);

  const huslejeIndeks = shareFact('huslejeIndeks', 'huslejeKrPrM2', 'huslejeReferenceKrPrM2', 1);
  const flyttefrekvensPct = shareFact('flyttefrekvensPct', 'fraflytninger', lejemaal, 100);
  const overfoerselsindkomstPct = shareFact('overfoerselsindkomstPct', 'overfoerselsindkomst', 'voksne18til64', 100);
  const kontanthjaelpPct = shareFact('kontanthjaelpPct', 'kontanthjaelp', 'voksne18til64', 100);

  let tryghedRespondenter: number | undefined;
  let utrygPct: Ratio | string | undefined;
  if (m.need2('utrygPct', 'tryghedRespondenter', 'tryghedUtrygge')) {
    const respondenter = periode.tryghedRespondenter as number;
    tryghedRespondenter = respondenter;
    const min = Math.max(1, options.minTryghedRespondenter ?? 1);
    if (respondenter < min) m.add('utrygPct', `tryghedsundersøgelsen har kun ${respondenter} besvarelser (mindst ${min} kræves)`);
    else utrygPct = shareOf(periode.tryghedUtrygge as number | string, respondenter, 100);
  }

  let voldPr1000Beboere: Ratio | string | undefined;
  if (m.need('voldPr1000Beboere', 'voldHaendelser')) {
    if (beboere === 0) m.add('voldPr1000Beboere', 'antal beboere er 0');
    else voldPr1000Beboere = shareOf(periode.voldHaendelser as number | string, beboere, 1000);
  }
  const haervaerkPr100Lejemaal = shareFact('haervaerkPr100Lejemaal', 'haervaerkHaendelser', lejemaal, 100);
  const standBygninger = m.need('standBygninger', 'standBygninger') ? (periode.standBygninger as number) : undefined;
  const standFriarealer = m.need('standFriarealer', 'standFriarealer') ? (periode.standFriarealer as number) : undefined;
  const saarbareIsoleredePct = shareFact('saarbareIsoleredePct', 'saarbareIsoleredeHusstande', lejemaal, 100);
  const saarbareIsoleredeHusstande = saarbareIsoleredePct === undefined ? undefined : (periode.saarbareIsoleredeHusstande as number);
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
    tryghedRespondenter,
    utrygPct,
    voldPr1000Beboere,
    haervaerkPr100Lejemaal,
    standBygninger,
    standFriarealer,
    saarbareIsoleredePct,
    saarbareIsoleredeHusstande,
    restancePct: shareFact('restancePct', 'restancer', lejemaal, 100),
    udsaettelserPct: shareFact('udsaettelserPct', 'udsaettelser', lejemaal, 100),
    ungeUdenJobUddannelsePct: shareFact('ungeUdenJobUddannelsePct', 'ungeUdenJobUddannelse', 'unge18til29', 100),
    ungeUdenUngdomsuddannelsePct: shareFact('ungeUdenUngdomsuddannelsePct', 'ungeUdenUngdomsuddannelse', 'unge20til24', 100),
    eleverUnder02Pct: shareFact('eleverUnder02Pct', 'eleverUnder02', 'elever9klasse', 100),
    ungeSigtedePct: shareFact('ungeSigtedePct', 'ungeSigtede', 'unge15til25', 100),
  });
  return Object.freeze({ facts, missing: m.frozen() });
}

/**
 * The share of two period figures, or of a period figure and an afdeling count (a number);
 * undefined, and noted in `m`, when a figure is missing.
 */
function periodShare(m: MissingFigures, periode: ScreeningPeriode, fact: string, numerator: PeriodeFeltKey, denominator: PeriodeFeltKey | number, scale: number): Ratio | string | undefined {
  if (typeof denominator === 'number') {
    if (!m.need(fact, numerator)) return undefined;
    return shareOf(periode[numerator] as number | string, denominator, scale);
  }
  if (!m.need2(fact, numerator, denominator)) return undefined;
  return shareOf(periode[numerator] as number | string, periode[denominator] as number | string, scale);
}

/** The Danish reasons a period's facts are missing, by fact; no object is made while nothing is missing. */
class MissingFigures {
  private byFact: Record<string, string[]> | undefined;

  constructor(private readonly periode: ScreeningPeriode) {}

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

