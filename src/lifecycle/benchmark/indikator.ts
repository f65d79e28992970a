/**
 * One indicator of an indsats on a date, exactly: its progress from baseline to target,
 * its trend over the latest measurements, whether it has stalled, and whether it is on
 * track for its target by the indsats's end date.
 *
 * Progress = (latest − baseline) / (target − baseline), an exact fraction. The target
 * lies on the side of the baseline the indicator's direction calls better, so the
 * fraction is 0 at the baseline, 1 at the target, grows as the value improves and is
 * negative when it moved the wrong way. Past the target counts as reached: `fremdrift`
 * is capped at 1, `fremdriftUcappet` is not. Without a measurement progress is unknown
 * (null), never 0.
 */
import { compare, div, mul, rational, rationalFromDecimal, sub, type Rational } from '../../financing/rational.js';
import type { Truth } from '../../engine/types.js';
import { decimalString, toDecimal } from '../../domain/decimal.js';
import { formatDato, formatProcent, formatTal } from '../../format/danish.js';
import { andelOf, procentOf, rationalOf, type Andel } from '../andel.js';
import { daysBetween } from '../deadlines.js';
import type { Indikator } from '../schema.js';
import type { BenchmarkParametre } from './parameters.js';

/** Why an indicator's progress is unknown. */
export type FremdriftUkendt = 'ingen-maaling' | 'maal-lig-baseline' | 'retning-modstrider-maal';

/** Danish text of a {@link FremdriftUkendt}. */
export const FREMDRIFT_UKENDT_NAVN: Readonly<Record<FremdriftUkendt, string>> = Object.freeze({
  'ingen-maaling': 'ingen måling pr. datoen',
  'maal-lig-baseline': 'målet er lig baseline, så fremdriften kan ikke regnes',
  'retning-modstrider-maal': 'målet ligger på den side af baseline, som indikatorens retning kalder værre',
});

/** An indicator's progress at one value. */
export interface IndikatorFremdrift {
  /** Progress capped at 1 (reached); null when unknown. */
  readonly fremdrift: Andel | null;
  /** Progress as measured, beyond 1 when past the target; null when unknown. */
  readonly fremdriftUcappet: Andel | null;
  /** Whether the value meets the target; null when unknown. */
  readonly naaet: Truth;
  /** Why progress is unknown; null when it is known. */
  readonly ukendt: FremdriftUkendt | null;
}

/** What a progress computation needs of an indicator. */
export type FremdriftIndikator = Pick<Indikator, 'baseline' | 'maal' | 'retning'>;

const ONE = rational(1n);

/** The exact uncapped progress at `vaerdi`, or why it cannot be computed. */
export function progressRational(ind: FremdriftIndikator, vaerdi: string): Rational | Exclude<FremdriftUkendt, 'ingen-maaling'> {
  const baseline = rationalFromDecimal(ind.baseline);
  const span = sub(rationalFromDecimal(ind.maal), baseline);
  if (span.n === 0n) return 'maal-lig-baseline';
  if ((ind.retning === 'op') !== span.n > 0n) return 'retning-modstrider-maal';
  return div(sub(rationalFromDecimal(vaerdi), baseline), span);
}

/**
 * An indicator's progress at a measured value (null: no measurement).
 * @example
 * indikatorFremdrift({ baseline: '20', maal: '15', retning: 'ned' }, '18').fremdrift?.decimal // '0.4'
 */
export function indikatorFremdrift(ind: FremdriftIndikator, vaerdi: string | null): IndikatorFremdrift {
  if (vaerdi === null) return Object.freeze({ fremdrift: null, fremdriftUcappet: null, naaet: null, ukendt: 'ingen-maaling' as const });
  const raw = progressRational(ind, vaerdi);
  if (typeof raw === 'string') return Object.freeze({ fremdrift: null, fremdriftUcappet: null, naaet: null, ukendt: raw });
  const reached = compare(raw, ONE) >= 0;
  return Object.freeze({ fremdrift: andelOf(reached ? ONE : raw), fremdriftUcappet: andelOf(raw), naaet: reached, ukendt: null });
}

/** One measurement as results show it. */
export interface BenchmarkMaaling {
  readonly periode: string;
  readonly dato: string;
  readonly vaerdi: string;
}

/** Which way an indicator moved over the latest measurements, in its own direction. */
export type TendensRetning = 'fremgang' | 'tilbagegang' | 'uaendret' | 'ukendt';

/** Danish text of a {@link TendensRetning}. */
export const TENDENS_NAVN: Readonly<Record<TendensRetning, string>> = Object.freeze({
  fremgang: 'fremgang',
  tilbagegang: 'tilbagegang',
  uaendret: 'uændret',
  ukendt: 'ukendt',
});

/** The trend over the latest measurements. */
export interface Tendens {
  /** From the first to the last measurement of `perioder`; ukendt with fewer than two. */
  readonly retning: TendensRetning;
  /** The measurements read, oldest first (at most the benchmark's `tendensPerioder`). */
  readonly perioder: readonly BenchmarkMaaling[];
  /** Last minus first value, as an exact decimal string; null with fewer than two. */
  readonly aendring: string | null;
}

/** Everything the benchmark says about one indicator of one indsats on a date. */
export interface IndikatorVurdering extends IndikatorFremdrift {
  readonly indikatorId: string;
  readonly navn: string;
  readonly enhed: string;
  readonly retning: 'op' | 'ned';
  readonly baseline: string;
  readonly maal: string;
  /** The latest measurement available on the date (by its `dato`); null when none. */
  readonly seneste: BenchmarkMaaling | null;
  readonly tendens: Tendens;
  /** The progress expected by the latest measurement's date on a straight line from baseline at the start to the target at the end; null when unknown. */
  readonly forventetFremdrift: Andel | null;
  /** On track: reached, or progress at least the rule file's share of the expected progress; null when unknown. */
  readonly paaRetteKurs: Truth;
  /** Stalled: not reached and not improved in any of the latest `perioderIStaa` periods; null with too few measurements. */
  readonly gaaetIStaa: Truth;
  /** The reasoning in Danish. */
  readonly evidens: readonly string[];
}

/** What an indicator is judged against besides itself. */
export interface IndikatorKontekst {
  readonly asOf: string;
  /** The indsats's start (or planned start); null when unknown. */
  readonly startDato: string | null;
  /** Its last day; null when unknown. */
  readonly slutDato: string | null;
  readonly parametre: BenchmarkParametre;
}

/** The measurements available on `asOf`, oldest first (ties keep the file's order). */
function measurementsOn(ind: Indikator, asOf: string): BenchmarkMaaling[] {
  return ind.maalinger
    .filter((m) => m.dato <= asOf)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.dato === b.m.dato ? a.i - b.i : a.m.dato.localeCompare(b.m.dato)))
    .map(({ m }) => Object.freeze({ periode: m.periode, dato: m.dato, vaerdi: m.vaerdi }));
}

/** +1 when `to` is better than `from` in the indicator's direction, −1 when worse, 0 when equal. */
function movement(retning: 'op' | 'ned', from: string, to: string): -1 | 0 | 1 {
  const c = compare(rationalFromDecimal(to), rationalFromDecimal(from));
  return retning === 'op' ? c : (-c as -1 | 0 | 1);
}

const MOVEMENT_TENDENS: Readonly<Record<-1 | 0 | 1, TendensRetning>> = { [-1]: 'tilbagegang', 0: 'uaendret', 1: 'fremgang' };

function trendOf(ind: Indikator, ms: readonly BenchmarkMaaling[], n: number): Tendens {
  const perioder = Object.freeze(ms.slice(-n));
  const first = perioder[0];
  const last = perioder[perioder.length - 1];
  if (first === undefined || last === undefined || perioder.length < 2) return Object.freeze({ retning: 'ukendt' as const, perioder, aendring: null });
  const m = movement(ind.retning, first.vaerdi, last.vaerdi);
  const retning = MOVEMENT_TENDENS[m];
  return Object.freeze({ retning, perioder, aendring: decimalString(toDecimal(last.vaerdi).minus(toDecimal(first.vaerdi))) });
}

function stalledOf(ind: Indikator, ms: readonly BenchmarkMaaling[], periods: number, naaet: Truth): Truth {
  if (naaet === true) return false;
  const window = ms.slice(-(periods + 1));
  if (window.length < periods + 1) return null;
  for (let i = 1; i < window.length; i++) {
    if (movement(ind.retning, (window[i - 1] as BenchmarkMaaling).vaerdi, (window[i] as BenchmarkMaaling).vaerdi) > 0) return false;
  }
  return true;
}

/** Expected progress by `dato` on a straight line from the start (0) to the day after the end (1), clamped to [0, 1]. */
function expectedOf(ctx: IndikatorKontekst, dato: string): { andel: Rational; dage: number; ialt: number } | null {
  if (ctx.startDato === null || ctx.slutDato === null) return null;
  const ialt = daysBetween(ctx.startDato, ctx.slutDato) + 1;
  if (ialt <= 0) return null;
  const dage = Math.min(Math.max(daysBetween(ctx.startDato, dato), 0), ialt);
  return { andel: rational(BigInt(dage), BigInt(ialt)), dage, ialt };
}

const serie = (ms: readonly BenchmarkMaaling[]) => ms.map((m) => `${m.periode}: ${formatTal(m.vaerdi)}`).join(', ');
const pct = (a: Andel) => formatProcent(procentOf(a));

/**
 * Judges one indicator of an indsats on `ctx.asOf`.
 * @example
 * vurderIndikator(ind, { asOf: '2025-06-01', startDato: '2023-07-01', slutDato: '2027-06-30', parametre }).paaRetteKurs
 */
export function vurderIndikator(ind: Indikator, ctx: IndikatorKontekst): IndikatorVurdering {
  const ms = measurementsOn(ind, ctx.asOf);
  const seneste = ms[ms.length - 1] ?? null;
  const progress = indikatorFremdrift(ind, seneste?.vaerdi ?? null);
  const tendens = trendOf(ind, ms, ctx.parametre.tendensPerioder);
  const gaaetIStaa = progress.ukendt === null ? stalledOf(ind, ms, ctx.parametre.perioderIStaa, progress.naaet) : null;
  const expected = seneste === null ? null : expectedOf(ctx, seneste.dato);
  let paaRetteKurs: Truth = null;
  if (progress.naaet === true) paaRetteKurs = true;
  else if (progress.fremdrift !== null && expected !== null) {
    const wanted = mul(expected.andel, rationalFromDecimal(ctx.parametre.andelAfForventetFremdrift));
    paaRetteKurs = compare(rationalOf(progress.fremdrift), wanted) >= 0;
  }
  const evidens: string[] = [];
  const retningTekst = ind.retning === 'op' ? 'højere er bedre' : 'lavere er bedre';
  const head = `${ind.navn} (${ind.enhed}, ${retningTekst}): baseline ${formatTal(ind.baseline)}, mål ${formatTal(ind.maal)}`;
  if (seneste === null) evidens.push(`${head}; ingen måling pr. ${formatDato(ctx.asOf)} — fremdrift ukendt`);
  else if (progress.fremdrift === null || progress.fremdriftUcappet === null) {
    evidens.push(`${head}; seneste ${formatTal(seneste.vaerdi)} (${seneste.periode}) — fremdrift ukendt: ${FREMDRIFT_UKENDT_NAVN[progress.ukendt ?? 'ingen-maaling']}`);
  } else {
    const over = progress.naaet === true && compare(rationalOf(progress.fremdriftUcappet), ONE) > 0 ? ` (${pct(progress.fremdriftUcappet)} før afskæring: ud over målet)` : '';
    evidens.push(`${head}; seneste ${formatTal(seneste.vaerdi)} (${seneste.periode}, ${formatDato(seneste.dato)}) — fremdrift ${pct(progress.fremdrift)}${over}`);
  }
  evidens.push(tendens.retning === 'ukendt' ? `Tendens ukendt: ${tendens.perioder.length} måling(er)` : `Tendens ${TENDENS_NAVN[tendens.retning]} over ${serie(tendens.perioder)}`);
  if (progress.naaet === true) evidens.push('På rette kurs: målet er nået');
  else if (expected !== null && progress.fremdrift !== null) {
    const forventet = pct(andelOf(expected.andel));
    evidens.push(
      `${paaRetteKurs === true ? 'På rette kurs' : 'Ikke på rette kurs'}: forventet fremdrift ${forventet} (${formatTal(expected.dage)} af ${formatTal(expected.ialt)} dage fra opstart til slut)${ctx.parametre.andelAfForventetFremdrift === '1' ? '' : ` × ${formatTal(ctx.parametre.andelAfForventetFremdrift)}`}`,
    );
  } else evidens.push('På rette kurs: ukendt');
  const periods = ctx.parametre.perioderIStaa;
  if (gaaetIStaa === true) evidens.push(`Gået i stå: ikke forbedret i de seneste ${periods} perioder (${serie(ms.slice(-(periods + 1)))})`);
  else if (gaaetIStaa === null && progress.ukendt === null) evidens.push(`Gået i stå: ukendt (kræver ${periods + 1} målinger, der er ${ms.length})`);
  return Object.freeze({
    indikatorId: ind.id,
    navn: ind.navn,
    enhed: ind.enhed,
    retning: ind.retning,
    baseline: ind.baseline,
    maal: ind.maal,
    seneste,
    ...progress,
    tendens,
    forventetFremdrift: expected === null ? null : andelOf(expected.andel),
    paaRetteKurs,
    gaaetIStaa,
    evidens: Object.freeze(evidens),
  });
}
