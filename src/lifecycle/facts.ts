/**
 * Computes the lifecycle facts of an indsats from its event log, with the evidence
 * behind each in Danish. Start facts are taken as of the start (or as of the
 * assessment date while the indsats is being prepared); stop facts as of the
 * assessment date. What the log cannot tell is left missing, so the rule is unknown.
 */
import type { Truth } from '../engine/types.js';
import { differenceInMonths } from 'date-fns/differenceInMonths';
import { parseISO } from 'date-fns/parseISO';
import { Decimal, decimalString, toDecimal } from '../domain/decimal.js';
import { INDSATS_KIND_NAVN } from '../domain/indsats.js';
import type { Facts } from '../domain/fact-types.js';
import { formatDato, formatKroner, formatProcent, formatTal } from '../format/danish.js';
import type { Indikator, Indsats, IndsatsEvent } from './schema.js';
import { indsatsState, type IndsatsStatus } from './state.js';
import type { IndsatsDeadlines } from './deadlines.js';
import type { LifecycleParameters } from './parameters.js';

/** The computed facts and, per named condition of the lifecycle rule set, the evidence in Danish. */
export interface LifecycleFacts {
  readonly facts: Facts;
  /** The date the start facts were taken at (the start, or asOf before it). */
  readonly startReference: string;
  readonly evidence: Readonly<Record<string, readonly string[]>>;
}

/** What the facts are computed from besides the indsats. */
export interface LifecycleFactsInput {
  readonly asOf: string;
  readonly status: IndsatsStatus;
  readonly deadlines: IndsatsDeadlines;
  readonly parameters: LifecycleParameters;
  /** The share threshold of stop parameter 2 (a decimal string), to decide an undetermined share conservatively. */
  readonly minAndelIndikatorerPaaMaal: string;
  /** The financing scheme's maximum duration, when its rule set is known. */
  readonly schemeMaxMonths?: { readonly months: number; readonly scheme: string } | undefined;
  /**
   * Financing's affordability verdict for a cost per lejemål per year at 100 % (the
   * `financing-affordability` rule, which owns the threshold); used when a finansiering
   * event reports the cost but no verdict.
   */
  readonly affordability?: ((udgiftPrLejemaalPrAar: string) => { readonly forHoejUdgift: Truth; readonly ruleSet: string }) | undefined;
}

type Of<T extends IndsatsEvent['type']> = Extract<IndsatsEvent, { type: T }>;

function eventsUpTo<T extends IndsatsEvent['type']>(indsats: Indsats, type: T, date: string): Of<T>[] {
  return indsats.events.filter((e): e is Of<T> => e.type === type && e.date <= date);
}

function latestPerAfdeling<T extends Of<'screening'> | Of<'afdelingsmoede'>>(indsats: Indsats, events: readonly T[]): Map<string, T | undefined> {
  const map = new Map<string, T | undefined>(indsats.afdelinger.map((a) => [a, undefined]));
  for (const e of events) map.set(e.afdeling, e);
  return map;
}

type FinansieringField = 'lokalMedfinansieringDaekket' | 'eksternFinansieringDaekket' | 'eksternFinansieringFortsat' | 'udgiftPrLejemaalPrAar' | 'forHoejUdgift';

function latestFinansiering<K extends FinansieringField>(indsats: Indsats, field: K, date: string): { value: NonNullable<Of<'finansiering'>[K]>; date: string } | null {
  let found: { value: NonNullable<Of<'finansiering'>[K]>; date: string } | null = null;
  for (const e of eventsUpTo(indsats, 'finansiering', date)) {
    const v = e[field];
    if (v !== undefined) found = { value: v as NonNullable<Of<'finansiering'>[K]>, date: e.date };
  }
  return found;
}

const jaNej = (b: boolean) => (b ? 'ja' : 'nej');

/** Whether an indicator's value meets its target. */
function atTarget(ind: Indikator, v: Decimal): boolean {
  const target = toDecimal(ind.maal);
  return ind.retning === 'op' ? v.gte(target) : v.lte(target);
}

/** The stability of one indicator over its last `n` measurements up to `asOf`: true, false or null (too few). */
export function indicatorStable(ind: Indikator, asOf: string, n: number): { stable: boolean | null; text: string } {
  const ms = ind.maalinger.filter((m) => m.dato <= asOf).sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0));
  const last = ms.slice(-n);
  const series = last.map((m) => `${m.periode}: ${formatTal(m.vaerdi)}`).join(', ');
  const head = `${ind.navn} (mål ${ind.retning === 'op' ? '≥' : '≤'} ${formatTal(ind.maal)} ${ind.enhed}, baseline ${formatTal(ind.baseline)})`;
  if (last.length < n) return { stable: null, text: `${head}: kun ${last.length} af ${n} målinger${series ? ` (${series})` : ''} — ukendt` };
  const values = last.map((m) => toDecimal(m.vaerdi));
  const allAt = values.every((v) => atTarget(ind, v));
  let worsened = false;
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1] as Decimal;
    const cur = values[i] as Decimal;
    if (ind.retning === 'op' ? cur.lt(prev) : cur.gt(prev)) worsened = true;
  }
  const stable = allAt && !worsened;
  const why = stable ? 'stabilt på mål' : !allAt ? 'ikke på mål i alle perioder' : 'på mål, men forværret';
  return { stable, text: `${head}: ${series} — ${why}` };
}

/**
 * The lifecycle facts of `indsats` and their evidence.
 * @example
 * computeLifecycleFacts(indsats, { asOf, status, deadlines, parameters, minAndelIndikatorerPaaMaal: '1' }).facts.perioderUdenFlag
 */
export function computeLifecycleFacts(indsats: Indsats, input: LifecycleFactsInput): LifecycleFacts {
  const { asOf, status, deadlines, parameters } = input;
  const startRef = status.startDato ?? asOf;
  const startStatus = status.startDato === null ? status : indsatsState(indsats, { asOf: startRef });
  const evidence: Record<string, string[]> = {};
  const ev = (name: string, text: string) => (evidence[name] ??= []).push(text);
  const facts: Record<string, Facts[string]> = { indsatsType: indsats.kind };
  const ved = status.startDato === null ? `pr. ${formatDato(asOf)}` : `ved opstart ${formatDato(startRef)}`;

  // Start: screening recommends this kind for every afdeling.
  const screenStart = latestPerAfdeling(indsats, eventsUpTo(indsats, 'screening', startRef));
  let anbefaler: boolean | null = true;
  for (const [afd, s] of screenStart) {
    if (s === undefined) {
      ev('screening-anbefaler-typen', `${afd}: ingen screening ${ved}`);
      if (anbefaler === true) anbefaler = null;
    } else {
      const ok = s.anbefaling === indsats.kind;
      ev('screening-anbefaler-typen', `${afd}: screening ${s.periode} (${formatDato(s.date)}) anbefaler ${s.anbefaling === 'ingen' ? 'ingen indsats' : INDSATS_KIND_NAVN[s.anbefaling]}${s.flag.length ? `; flag: ${s.flag.join(', ')}` : ''}`);
      if (!ok) anbefaler = false;
    }
  }
  facts.screeningAnbefalerTypen = anbefaler;

  // Start: an active yes from each afdeling.
  const moederStart = latestPerAfdeling(indsats, eventsUpTo(indsats, 'afdelingsmoede', startRef));
  let ja = 0;
  for (const [afd, m] of moederStart) {
    if (m?.beslutning === 'for') ja++;
    ev('ja-fra-alle-afdelinger', m === undefined ? `${afd}: intet afdelingsmøde ${ved}` : `${afd}: afdelingsmøde ${formatDato(m.date)} stemte ${m.beslutning}`);
  }
  facts.afdelingerIAlt = indsats.afdelinger.length;
  facts.afdelingerMedJa = ja;

  // Start: financing from the financing module.
  for (const [cond, field, what] of [
    ['lokal-medfinansiering', 'lokalMedfinansieringDaekket', 'Lokal medfinansiering dækket'],
    ['ekstern-finansiering', 'eksternFinansieringDaekket', 'Ekstern finansiering bevilget'],
  ] as const) {
    const f = latestFinansiering(indsats, field, startRef);
    facts[field] = f?.value ?? null;
    ev(cond, f === null ? `${what}: ukendt (ingen oplysning fra finansieringen ${ved})` : `${what}: ${jaNej(f.value)} (finansiering ${formatDato(f.date)})`);
  }
  if (indsats.kind !== 'helhedsplan') {
    ev('praekvalifikation', `Kræves ikke for ${INDSATS_KIND_NAVN[indsats.kind]}`);
    ev('ekstern-finansiering', `Kræves ikke for ${INDSATS_KIND_NAVN[indsats.kind]}`);
  }
  facts.praekvalificeret = startStatus.praekvalifikation === 'bevilget';
  if (indsats.kind === 'helhedsplan') {
    const p = eventsUpTo(indsats, 'praekvalifikation-bevilget', startRef)[0];
    ev('praekvalifikation', p ? `Prækvalificeret ${formatDato(p.date)}` : `Prækvalifikation: ${startStatus.praekvalifikation === 'ingen' ? 'ikke søgt' : startStatus.praekvalifikation === 'ansoegt' ? 'søgt, ikke afgjort' : startStatus.praekvalifikation === 'afslaaet' ? 'afslået' : 'bevilget'} ${ved}`);
  }

  // Start: samarbejdsaftaler (a warning).
  if (indsats.samarbejdspartnere === undefined) {
    facts.samarbejdspartnereUdenAftale = null;
    ev('samarbejdsaftaler', 'De relevante samarbejdspartnere er ikke angivet');
  } else {
    const signed = new Set(eventsUpTo(indsats, 'samarbejdsaftale', startRef).map((e) => e.partner));
    const missing = indsats.samarbejdspartnere.filter((p) => !signed.has(p));
    facts.samarbejdspartnereUdenAftale = missing.length;
    for (const p of indsats.samarbejdspartnere) ev('samarbejdsaftaler', `${p}: ${signed.has(p) ? 'aftale indgået' : `ingen aftale ${ved}`}`);
  }

  // Start: duration within the scheme maximum.
  const granted = startStatus.bevilling?.varighedMaaneder ?? indsats.planlagtVarighedMaaneder;
  facts.varighedMaaneder = granted ?? null;
  const max = input.schemeMaxMonths?.months ?? parameters.standardVarighedMaaneder;
  facts.maksVarighedMaaneder = max;
  ev('varighed-inden-for-maksimum', granted === undefined ? 'Varigheden er hverken planlagt eller bevilget' : `Varighed ${granted} måneder (${startStatus.bevilling?.varighedMaaneder !== undefined ? 'bevilget' : 'planlagt'})`);
  ev('varighed-inden-for-maksimum', input.schemeMaxMonths ? `Maksimum ${max} måneder efter finansieringsordningen ${input.schemeMaxMonths.scheme}` : `Maksimum ${max} måneder (standard; finansieringsordningen ${indsats.finansieringsordning} angiver intet i regelsættet)`);

  // Stop 1: periods without flags, the least over the afdelinger.
  const screenings = eventsUpTo(indsats, 'screening', asOf);
  let minRun: number | null = Number.POSITIVE_INFINITY;
  for (const afd of indsats.afdelinger) {
    const own = screenings.filter((s) => s.afdeling === afd);
    if (own.length === 0) {
      ev('behov-ophoert', `${afd}: ingen screening pr. ${formatDato(asOf)}`);
      minRun = null;
      continue;
    }
    let run = 0;
    for (let i = own.length - 1; i >= 0 && (own[i]?.flag.length ?? 1) === 0; i--) run++;
    const last = own[own.length - 1];
    ev('behov-ophoert', `${afd}: ${run} seneste periode(r) i træk uden flag${last && last.flag.length ? ` (seneste ${last.periode}: ${last.flag.join(', ')})` : last ? ` (seneste ${last.periode})` : ''}`);
    if (minRun !== null) minRun = Math.min(minRun, run);
  }
  facts.perioderUdenFlag = minRun === null || !Number.isFinite(minRun) ? null : minRun;

  // Stop 2: indicators stably at target.
  const indicators = indsats.maal.flatMap((m) => m.indikatorer);
  if (indicators.length === 0) {
    facts.andelIndikatorerStabiltPaaMaal = null;
    ev('maal-naaet', 'Indsatsen har ingen indikatorer');
  } else {
    let met = 0;
    let unknown = 0;
    for (const ind of indicators) {
      const r = indicatorStable(ind, asOf, parameters.perioderStabilUdvikling);
      if (r.stable === null) unknown++;
      else if (r.stable) met++;
      ev('maal-naaet', r.text);
    }
    const total = new Decimal(indicators.length);
    const lower = new Decimal(met).div(total);
    const upper = new Decimal(met + unknown).div(total);
    const threshold = toDecimal(input.minAndelIndikatorerPaaMaal);
    facts.andelIndikatorerStabiltPaaMaal = unknown === 0 || lower.gte(threshold) ? decimalString(lower) : upper.lt(threshold) ? decimalString(upper) : null;
    ev('maal-naaet', `${met} af ${indicators.length} indikatorer stabilt på mål${unknown ? `, ${unknown} ukendt` : ''} (de seneste ${parameters.perioderStabilUdvikling} målinger)`);
  }

  // Stop 3: share of relevant activities forankret.
  const relevant = indsats.aktiviteter.filter((a) => a.relevantForForankring !== false);
  if (relevant.length === 0) {
    facts.andelAktiviteterForankret = null;
    ev('aktiviteter-forankret', 'Ingen relevante aktiviteter er angivet');
  } else {
    const forankret = relevant.filter((a) => a.forankring !== undefined && a.forankring.dato <= asOf);
    facts.andelAktiviteterForankret = decimalString(new Decimal(forankret.length).div(relevant.length));
    for (const a of relevant) {
      const f = a.forankring !== undefined && a.forankring.dato <= asOf ? a.forankring : undefined;
      ev('aktiviteter-forankret', f ? `${a.navn}: forankret hos ${f.ejer} (${f.hos}) fra ${formatDato(f.dato)}` : `${a.navn}: ikke forankret`);
    }
    ev('aktiviteter-forankret', `${forankret.length} af ${relevant.length} relevante aktiviteter forankret (${formatProcent(new Decimal(forankret.length).div(relevant.length).times(100))})`);
  }

  // Stop 4: afdelinger whose latest afdelingsmøde voted against.
  const moeder = latestPerAfdeling(indsats, eventsUpTo(indsats, 'afdelingsmoede', asOf));
  let imod = 0;
  for (const [afd, m] of moeder) {
    if (m?.beslutning === 'imod') imod++;
    ev('ingen-opbakning', m === undefined ? `${afd}: intet afdelingsmøde registreret` : `${afd}: seneste afdelingsmøde ${formatDato(m.date)} stemte ${m.beslutning}`);
  }
  facts.afdelingerImod = imod;

  // Stop 5: external financing gone and too costly for the afdeling.
  const fortsat = latestFinansiering(indsats, 'eksternFinansieringFortsat', asOf);
  const hoej = latestFinansiering(indsats, 'forHoejUdgift', asOf);
  const udgift = latestFinansiering(indsats, 'udgiftPrLejemaalPrAar', asOf);
  facts.eksternFinansieringFortsat = fortsat?.value ?? null;
  const derived = hoej === null && udgift !== null ? input.affordability?.(udgift.value) : undefined;
  facts.forHoejUdgift = hoej?.value ?? derived?.forHoejUdgift ?? null;
  ev('finansiering-ophoert', fortsat ? `Ekstern støtte til fortsættelse kan opnås: ${jaNej(fortsat.value)} (${formatDato(fortsat.date)})` : 'Ekstern støtte til fortsættelse: ukendt');
  ev('finansiering-ophoert', udgift ? `Afdelingens udgift ved fuld egenfinansiering: ${formatKroner(udgift.value)} pr. lejemål pr. år (${formatDato(udgift.date)})` : 'Afdelingens udgift pr. lejemål: ukendt');
  if (hoej) ev('finansiering-ophoert', `Finansieringens vurdering: ${hoej.value ? 'for høj udgift' : 'ikke for høj udgift'} (${formatDato(hoej.date)})`);
  else if (derived) ev('finansiering-ophoert', `Vurderet efter ${derived.ruleSet}: ${derived.forHoejUdgift === null ? 'ukendt' : derived.forHoejUdgift ? 'for høj udgift' : 'ikke for høj udgift'}`);

  // Deadlines.
  facts.maanederSidenStart = status.startDato === null ? null : differenceInMonths(parseISO(asOf), parseISO(status.startDato));
  facts.maanederTilSlut = deadlines.slutDato === null ? null : differenceInMonths(parseISO(deadlines.slutDato), parseISO(asOf));
  facts.midtvejsevalueringGennemfoert = status.midtvejsevalueringer.length > 0;
  facts.harEfterfoelger = status.efterfoelger !== null;
  if (deadlines.slutDato !== null) ev('i-forberedelsesvindue', `Slutdato ${formatDato(deadlines.slutDato)}; ${String(facts.maanederTilSlut)} hele måneder til slut; forberedelse af ny helhedsplan tager ${parameters.forberedelseMaaneder} måneder`);
  else ev('i-forberedelsesvindue', 'Ingen slutdato (indsatsen er ikke startet)');

  return Object.freeze({
    facts: Object.freeze(facts),
    startReference: startRef,
    evidence: Object.freeze(Object.fromEntries(Object.entries(evidence).map(([k, v]) => [k, Object.freeze(v)]))),
  });
}
