/**
 * From one screening period of an afdeling to the facts the screening rules read.
 * Shares and rates are computed exactly with Decimal from counts; a figure that is
 * missing leaves its fact missing (unknown), with a note saying which figure.
 */
import type { Afdeling, PeriodeFeltKey, ScreeningPeriode } from '../domain/afdeling.js';
import { PERIODE_FELTER } from '../domain/afdeling.js';
import { Decimal, decimalString } from '../domain/decimal.js';
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

/** Fractional digits kept for a non-terminating share: far finer than any threshold, so no comparison flips. */
const SHARE_DIGITS = 20;

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
  if (typeof numerator === 'number' && typeof denominator === 'number' && Number.isSafeInteger(numerator * scale) && Number.isSafeInteger(denominator) && denominator <= MAX_CHUNKED_DENOMINATOR) {
    return integerShare(numerator * scale, denominator);
  }
  const d = new Decimal(denominator);
  if (d.isZero()) return '0';
  const exact = new Decimal(numerator).times(scale).dividedBy(d);
  return decimalString(exact.toDecimalPlaces(SHARE_DIGITS, Decimal.ROUND_DOWN));
}

/**
 * Long division of two non-negative safe integers to at most {@link SHARE_DIGITS}
 * decimals (truncated), ten decimals a step — five for denominators above 900,719 —
 * so the remainder (below the denominator) times 10^step stays an exact integer.
 */
function integerShare(n: number, d: number): string {
  if (d === 0) return '0';
  const whole = floorDivide(n, d);
  let r = n - whole * d;
  if (r === 0) return String(whole);
  const step = d <= MAX_DENOMINATOR_STEP_10 ? 10 : 5;
  const stepScale = 10 ** step;
  let frac = '';
  for (let i = 0; i < SHARE_DIGITS && r !== 0; i += step) {
    r *= stepScale;
    const q = floorDivide(r, d);
    r -= q * d;
    const digits = String(q);
    frac += digits.length === step ? digits : '0'.repeat(step - digits.length) + digits;
  }
  let end = Math.min(frac.length, SHARE_DIGITS);
  while (frac.charCodeAt(end - 1) === 48 /* 0 */) end--;
  return `${whole}.${frac.slice(0, end)}`;
}

const MAX_DENOMINATOR_STEP_10 = Math.floor(Number.MAX_SAFE_INTEGER / 1e10);
/** The largest denominator {@link integerShare} takes: a remainder times 10^5 stays an exact double. */
const MAX_CHUNKED_DENOMINATOR = Math.floor(Number.MAX_SAFE_INTEGER / 1e5);

/** ⌊n / d⌋ for non-negative safe integers: the double quotient may round across an integer, so it is corrected by the remainder. */
function floorDivide(n: number, d: number): number {
  const q = Math.floor(n / d);
  if (q * d > n) return q - 1;
  if ((q + 1) * d <= n) return q + 1;
  return q;
}

/**
 * Computes the screening facts of one period of an afdeling. Pure; never mutates.
 *
 * @example
 * periodFacts(afdeling, afdeling.perioder[0]).facts.flyttefrekvensPct // "12.5"
 */
export function periodFacts(afdeling: Afdeling, periode: ScreeningPeriode, options: FactOptions = {}): PeriodFacts {
  const facts: Record<string, Facts[string]> = {
    kommune: afdeling.kommune,
    boligorganisation: afdeling.boligorganisation,
  };
  let missing: Record<string, string[]> | undefined;
  const miss = (fact: string, reason: string) => {
    missing ??= {};
    (missing[fact] ??= []).push(reason);
  };
  const need = (fact: string, keys: readonly PeriodeFeltKey[]): boolean => {
    let ok = true;
    for (const k of keys) {
      const v = periode[k];
      if (v === undefined || v === null) {
        miss(fact, LABEL[k] ?? k);
        ok = false;
      }
    }
    return ok;
  };
  const num = (k: PeriodeFeltKey): number | string => periode[k] as number | string;

  // official status of the boligområde
  const status = options.boligomraadeStatus ?? periode.boligomraadeStatus ?? afdeling.boligomraadeStatus ?? undefined;
  if (afdeling.boligomraade === undefined || afdeling.boligomraade === null) facts.boligomraadeStatus = NO_STATUS;
  else if (status !== undefined && status !== null) facts.boligomraadeStatus = Object.freeze(status.map(normaliseStatus));
  else miss('boligomraadeStatus', `officiel status for boligområdet ${afdeling.boligomraade}`);

  if (need('huslejeIndeks', ['huslejeKrPrM2', 'huslejeReferenceKrPrM2'])) {
    facts.huslejeIndeks = share(num('huslejeKrPrM2'), num('huslejeReferenceKrPrM2'), 1);
  }
  if (need('flyttefrekvensPct', ['fraflytninger'])) facts.flyttefrekvensPct = share(num('fraflytninger'), afdeling.lejemaal, 100);
  if (need('overfoerselsindkomstPct', ['overfoerselsindkomst', 'voksne18til64'])) {
    facts.overfoerselsindkomstPct = share(num('overfoerselsindkomst'), num('voksne18til64'), 100);
  }
  if (need('kontanthjaelpPct', ['kontanthjaelp', 'voksne18til64'])) facts.kontanthjaelpPct = share(num('kontanthjaelp'), num('voksne18til64'), 100);

  if (need('utrygPct', ['tryghedRespondenter', 'tryghedUtrygge'])) {
    const respondenter = periode.tryghedRespondenter as number;
    facts.tryghedRespondenter = respondenter;
    const min = options.minTryghedRespondenter ?? 1;
    if (respondenter < Math.max(1, min)) {
      miss('utrygPct', `tryghedsundersøgelsen har kun ${respondenter} besvarelser (mindst ${Math.max(1, min)} kræves)`);
    } else {
      facts.utrygPct = share(respondenter === 0 ? 0 : num('tryghedUtrygge'), respondenter, 100);
    }
  }

  if (need('voldPr1000Beboere', ['voldHaendelser'])) {
    if (afdeling.beboere === 0) miss('voldPr1000Beboere', 'antal beboere er 0');
    else facts.voldPr1000Beboere = share(num('voldHaendelser'), afdeling.beboere, 1000);
  }
  if (need('haervaerkPr100Lejemaal', ['haervaerkHaendelser'])) facts.haervaerkPr100Lejemaal = share(num('haervaerkHaendelser'), afdeling.lejemaal, 100);
  if (need('standBygninger', ['standBygninger'])) facts.standBygninger = num('standBygninger');
  if (need('standFriarealer', ['standFriarealer'])) facts.standFriarealer = num('standFriarealer');
  if (need('saarbareIsoleredePct', ['saarbareIsoleredeHusstande'])) {
    facts.saarbareIsoleredePct = share(num('saarbareIsoleredeHusstande'), afdeling.lejemaal, 100);
    facts.saarbareIsoleredeHusstande = num('saarbareIsoleredeHusstande');
  } else if (missing?.saarbareIsoleredePct) {
    missing.saarbareIsoleredeHusstande = missing.saarbareIsoleredePct;
  }
  if (need('restancePct', ['restancer'])) facts.restancePct = share(num('restancer'), afdeling.lejemaal, 100);
  if (need('udsaettelserPct', ['udsaettelser'])) facts.udsaettelserPct = share(num('udsaettelser'), afdeling.lejemaal, 100);
  if (need('ungeUdenJobUddannelsePct', ['ungeUdenJobUddannelse', 'unge18til29'])) {
    facts.ungeUdenJobUddannelsePct = share(num('ungeUdenJobUddannelse'), num('unge18til29'), 100);
  }
  if (need('ungeUdenUngdomsuddannelsePct', ['ungeUdenUngdomsuddannelse', 'unge20til24'])) {
    facts.ungeUdenUngdomsuddannelsePct = share(num('ungeUdenUngdomsuddannelse'), num('unge20til24'), 100);
  }
  if (need('eleverUnder02Pct', ['eleverUnder02', 'elever9klasse'])) facts.eleverUnder02Pct = share(num('eleverUnder02'), num('elever9klasse'), 100);
  if (need('ungeSigtedePct', ['ungeSigtede', 'unge15til25'])) facts.ungeSigtedePct = share(num('ungeSigtede'), num('unge15til25'), 100);

  const m: Record<string, readonly string[]> | undefined = missing;
  if (m !== undefined) for (const k of Object.keys(m)) Object.freeze(m[k]);
  return Object.freeze({ facts: Object.freeze(facts), missing: m === undefined ? NO_MISSING : Object.freeze(m) });
}

const NO_MISSING: Readonly<Record<string, readonly string[]>> = Object.freeze({});
const NO_STATUS: readonly string[] = Object.freeze([]);

