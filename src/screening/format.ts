/**
 * Danish text of screening results: the overview table, CSV rows, and the full
 * reasoning for one afdeling (figures, thresholds, changes, recommendations).
 */
import type { FactValue } from '../domain/fact-types.js';
import { OPERATORS } from '../engine/operators.js';
import type { Truth } from '../engine/types.js';
import { antal, formatDato, formatSandhed, formatTal } from '../format/danish.js';
import { formatExplanation } from '../format/explanation.js';
import { type Column, renderTable } from '../format/table.js';
import { renderCsv } from '../format/csv-output.js';
import { STATUS_NAVN } from './status.js';
import type { MovedIndicator, MovedIndicators } from './changes.js';
import type { Anbefaling, Figur, IndikatorAendring, ScreeningResult } from './types.js';

const KORT: Readonly<Record<string, string>> = Object.freeze({
  'hoej-husleje': 'husleje',
  'hoej-flyttefrekvens': 'flytninger',
  'sociale-problemer': 'sociale problemer',
  utryghed: 'utryghed',
  vold: 'vold',
  haervaerk: 'hærværk',
  nedslidning: 'nedslidning',
  'saarbare-beboere': 'sårbare',
  'restancer-udsaettelser': 'restancer',
  'unge-uden-job-uddannelse': 'unge uden job',
  'unge-uden-ungdomsuddannelse': 'unge uden uddannelse',
  'elever-fagligt-niveau': 'elevniveau',
  'unge-kriminalitet': 'ungekriminalitet',
});

const KORT_INDSATS: Readonly<Record<string, string>> = Object.freeze({
  helhedsplan: 'helhedsplan',
  'lokalt-udviklingsprojekt': 'lokalt udviklingsprojekt',
  'boligsocial-ejendomsfunktionaer': 'ejendomsfunktionær',
});

/** A short Danish name of an indicator, for tables. */
export function kortNavn(indikator: string, titel?: string): string {
  return KORT[indikator] ?? titel ?? indikator;
}

/** The official status as Danish text: "udsat boligområde", "ingen liste", "ukendt". */
export function formatStatus(status: readonly string[] | null): string {
  if (status === null) return 'ukendt';
  if (status.length === 0) return '–';
  return status.map((s) => STATUS_NAVN[s] ?? s).join(', ');
}

/** The recommendation column: the recommended project kinds, or "ingen særlig indsats", with unknowns marked. */
export function formatAnbefaling(r: ScreeningResult): string {
  const projects = r.anbefalinger.filter((a) => a.kind !== 'kontaktpersonordning');
  const yes = projects.filter((a) => a.outcome === true).map((a) => KORT_INDSATS[a.kind] ?? a.navn);
  const unknown = projects.filter((a) => a.outcome === null).map((a) => `${KORT_INDSATS[a.kind] ?? a.navn}?`);
  if (yes.length === 0 && unknown.length === 0) return 'ingen særlig indsats';
  if (yes.length === 0) return `ukendt (${unknown.join(', ')})`;
  return [...yes, ...unknown].join(' + ');
}

/** The change column: new, cleared and worsened indicators since the previous period. */
export function formatAendringer(r: ScreeningResult): string {
  const a = r.aendringer;
  return formatMovedIndicators(a.forrigePeriode === undefined ? undefined : a);
}

/** The change column from the indicators that moved (undefined: the first screening, with no previous period). */
export function formatMovedIndicators(a: MovedIndicators | undefined): string {
  if (a === undefined) return 'første screening';
  const parts: string[] = [];
  const names = (list: readonly MovedIndicator[]) => list.map((c) => kortNavn(c.indikator, c.titel)).join(', ');
  if (a.nyeFlag.length > 0) parts.push(`ny: ${names(a.nyeFlag)}`);
  if (a.ophoerte.length > 0) parts.push(`ophørt: ${names(a.ophoerte)}`);
  if (a.forvaerrede.length > 0) parts.push(`værre: ${names(a.forvaerrede)}`);
  if (a.nuUkendte.length > 0) parts.push(`nu ukendt: ${names(a.nuUkendte)}`);
  return parts.length > 0 ? parts.join('; ') : 'uændret';
}

function kontakt(r: ScreeningResult): Truth {
  return r.anbefalinger.find((a) => a.kind === 'kontaktpersonordning')?.outcome ?? false;
}

/** The overview as an aligned Danish text table with a summary line. */
export function formatScreeningTable(results: readonly ScreeningResult[], asOf: string): string {
  const columns: Column[] = [
    { header: 'Afd.' },
    { header: 'Navn' },
    { header: 'Periode' },
    { header: 'Boligområdets status', wrap: true },
    { header: 'Udløste indikatorer', wrap: true },
    { header: 'Anbefaling', wrap: true },
    { header: 'Kontaktperson' },
    { header: 'Siden forrige screening', wrap: true },
  ];
  const rows = results.map((r) => {
    const ukendte = r.indikatorer.filter((i) => i.outcome === null).length;
    const udloest = r.indikatorer.filter((i) => i.outcome === true).map((i) => kortNavn(i.id, i.titel));
    const udloestTekst = `${udloest.length > 0 ? udloest.join(', ') : '–'}${ukendte > 0 ? ` (${antal(ukendte, 'ukendt', 'ukendte')})` : ''}`;
    return [r.afdeling.id, r.afdeling.navn, r.periode, formatStatus(r.boligomraadeStatus), udloestTekst, formatAnbefaling(r), formatSandhed(kontakt(r)), formatAendringer(r)];
  });
  return `Screening af ${antal(results.length, 'afdeling', 'afdelinger')} pr. ${formatDato(asOf)}\n\n${renderTable(columns, rows)}\n${formatScreeningSummary(results)}\n`;
}

/** The totals line under the overview: how many afdelinger get which recommendation. */
export function formatScreeningSummary(results: readonly ScreeningResult[]): string {
  const count = (kind: string) => results.filter((r) => r.anbefalinger.some((a) => a.kind === kind && a.outcome === true)).length;
  const ingen = results.filter((r) => r.konklusion === 'ingen-saerlig-indsats').length;
  const ukendt = results.filter((r) => r.konklusion === 'ukendt').length;
  return (
    `I alt: ${count('helhedsplan')} boligsocial helhedsplan, ${count('lokalt-udviklingsprojekt')} lokalt udviklingsprojekt, ` +
    `${count('boligsocial-ejendomsfunktionaer')} boligsocial ejendomsfunktionær, ${ingen} ingen særlig indsats, ${ukendt} ukendt (mangler tal); ` +
    `${count('kontaktpersonordning')} omfattet af kontaktpersonordningen.`
  );
}

/** The columns of `--format csv`. */
export const SCREENING_CSV_HEADERS = [
  'afdeling_id',
  'navn',
  'periode',
  'boligomraade_status',
  'udloeste_indikatorer',
  'ukendte_indikatorer',
  'helhedsplan',
  'lokalt_udviklingsprojekt',
  'boligsocial_ejendomsfunktionaer',
  'kontaktpersonordning',
  'konklusion',
  'nye_flag',
  'ophoerte',
  'forvaerrede',
  'mangler',
] as const;

/** The results as CSV, one row per afdeling; lists are `|`-separated; truth values ja/nej/ukendt. */
export function formatScreeningCsv(results: readonly ScreeningResult[]): string {
  const outcome = (r: ScreeningResult, kind: string) => formatSandhed(r.anbefalinger.find((a) => a.kind === kind)?.outcome ?? false);
  const rows = results.map((r) => [
    r.afdeling.id,
    r.afdeling.navn,
    r.periode,
    r.boligomraadeStatus === null ? 'ukendt' : r.boligomraadeStatus.join('|'),
    r.udloeste.join('|'),
    r.indikatorer.filter((i) => i.outcome === null).map((i) => i.id).join('|'),
    outcome(r, 'helhedsplan'),
    outcome(r, 'lokalt-udviklingsprojekt'),
    outcome(r, 'boligsocial-ejendomsfunktionaer'),
    outcome(r, 'kontaktpersonordning'),
    r.konklusion,
    r.aendringer.nyeFlag.map((c) => c.indikator).join('|'),
    r.aendringer.ophoerte.map((c) => c.indikator).join('|'),
    r.aendringer.forvaerrede.map((c) => c.indikator).join('|'),
    r.mangler.join('|'),
  ]);
  return renderCsv(SCREENING_CSV_HEADERS, rows);
}

/** A fact value the Danish way: decimals with comma, at most two decimals for long fractions. */
export function formatVaerdi(value: FactValue | undefined): string {
  if (value === undefined) return 'mangler';
  if (typeof value === 'number') return formatTal(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    const decimals = value.split('.')[1]?.length ?? 0;
    return formatTal(value, decimals > 2 ? 2 : undefined);
  }
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A figure's value: "6,21 pr. 1.000 beboere", or "mangler". */
export function figurVaerdi(f: Figur): string {
  return f.value === undefined ? 'mangler' : `${formatVaerdi(f.value)} ${f.unit}`;
}

/** A figure's threshold: "overstiger 5 [maxVoldPr1000Beboere]", or "" when it has none. */
export function figurGraense(f: Figur): string {
  const op = OPERATORS.get(f.operator);
  return f.threshold === undefined ? '' : `${op?.danish ?? f.operator} ${formatVaerdi(f.threshold)}${f.parameter ? ` [${f.parameter}]` : ''}`;
}

function figurLinje(f: Figur): string {
  const mark = f.outcome === true ? '✓' : f.outcome === false ? '✗' : '?';
  const threshold = figurGraense(f);
  return `${mark} ${f.description}: ${figurVaerdi(f)}${threshold === '' ? '' : ` — grænse: ${threshold}`}`;
}

function anbefalingLinje(a: Anbefaling): string[] {
  const lines = [`  ${a.outcome === true ? '✓' : a.outcome === false ? '✗' : '?'} ${a.navn}: ${a.outcome === true ? 'anbefalet' : a.outcome === false ? 'ikke anbefalet' : 'ukendt'}`];
  if (a.outcome !== false) {
    if (a.maal.length > 0) lines.push(`      mål: ${a.maal.map((m) => `${m.nr} ${m.navn}`).join('; ')}`);
    if (a.indsatsomraader.length > 0) lines.push(`      indsatsområder: ${a.indsatsomraader.map((o) => o.navn).join('; ')}`);
  }
  if (a.mangler.length > 0) lines.push(`      mangler: ${a.mangler.join('; ')}`);
  return lines;
}

function aendringLinjer(label: string, list: readonly IndikatorAendring[]): string[] {
  return list.map((c) => {
    const figs = c.figurer.map((f) => `${f.description} ${formatVaerdi(f.foer)} → ${formatVaerdi(f.nu)}`).join('; ');
    return `  ${label}: ${c.titel} (før: ${formatSandhed(c.foer)}, nu: ${formatSandhed(c.nu)})${figs ? ` — ${figs}` : ''}`;
  });
}

/**
 * The full reasoning for one afdeling, in Danish: its data, every indicator with figures
 * and thresholds, changes since the previous period, the recommendations with mål and
 * indsatsområder, what is missing, and the rule engine's explanation tree.
 */
export function formatScreeningExplanation(r: ScreeningResult): string {
  const a = r.afdeling;
  const lines: string[] = [];
  lines.push(`Afdeling ${a.id} ${a.navn} (${a.boligorganisation}, ${a.kommune})`);
  lines.push(`Screenet pr. ${formatDato(r.asOf)} på tal fra perioden ${formatDato(r.periode)}`);
  lines.push(`Boligområde: ${a.boligomraade ?? 'ingen'}; officiel status: ${formatStatus(r.boligomraadeStatus)}`);
  lines.push(`Regler: ${r.ruleSet.title} (${r.ruleSet.id}, i kraft fra ${formatDato(r.ruleSet.effective.from)})`);
  lines.push('');
  lines.push(`Konklusion: ${r.konklusionTekst}`);
  lines.push('');
  lines.push('Indikatorer:');
  for (const i of r.indikatorer) {
    lines.push(`  ${i.outcome === true ? '✓' : i.outcome === false ? '✗' : '?'} ${i.titel}: ${i.outcome === true ? 'udløst' : i.outcome === false ? 'ikke udløst' : 'ukendt'}`);
    for (const f of i.figurer) lines.push(`      ${figurLinje(f)}`);
    if (i.mangler.length > 0) lines.push(`      mangler: ${i.mangler.join('; ')}`);
  }
  lines.push('');
  lines.push('Anbefalinger:');
  for (const an of r.anbefalinger) lines.push(...anbefalingLinje(an));
  lines.push('');
  const ae = r.aendringer;
  if (ae.forrigePeriode === undefined) lines.push('Ændringer: ingen tidligere screening at sammenligne med.');
  else {
    lines.push(`Ændringer siden ${formatDato(ae.forrigePeriode)}:`);
    const body = [
      ...aendringLinjer('ny', ae.nyeFlag),
      ...aendringLinjer('ophørt', ae.ophoerte),
      ...aendringLinjer('forværret', ae.forvaerrede),
      ...aendringLinjer('nu ukendt', ae.nuUkendte),
    ];
    lines.push(...(body.length > 0 ? body : ['  ingen']));
  }
  if (r.mangler.length > 0) {
    lines.push('');
    lines.push(`Manglende tal: ${r.mangler.join('; ')}`);
  }
  if (r.evaluation) {
    lines.push('');
    lines.push('Fuld begrundelse:');
    lines.push(formatExplanation(r.evaluation).trimEnd());
  }
  return lines.join('\n') + '\n';
}
