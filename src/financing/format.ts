/**
 * Danish text of a financing allocation: the sentences the result carries (how the
 * figures were found, each afdeling's affordability), and for the CLI the funder × year
 * table, each afdeling × year table, affordability, and the explanation — amounts as
 * `1.234.567,89 kr.`; and the same tables as CSV (Danish numbers, no "kr.").
 */
import { Decimal } from '../domain/decimal.js';
import { formatDato, formatKroner, formatProcent, formatSandhed, formatTal } from '../format/danish.js';
import { formatExplanation } from '../format/explanation.js';
import { type Column, renderTable } from '../format/table.js';
import { renderCsv } from '../format/csv-output.js';
import type { RuleSetInfo } from '../engine/types.js';
import { daysOfPeriod, type Periode, yearsOfPeriod } from './periode.js';
import { AFRUNDING_FORKLARING } from './rounding.js';
import { type FinancingAllocation, type Fordelingsnoegle, NOEGLE_NAVN, type Udgift } from './types.js';

/** A share ("0.125") as a Danish percentage with as many decimals as it needs ("12,5 %"). */
export function andelSomProcent(share: string): string {
  return `${formatTal(new Decimal(share).times(100))} %`;
}

/** What {@link fordelingForklaring} says how an allocation was found from. */
export interface FordelingForklaringInput {
  readonly scheme: RuleSetInfo;
  /** The funders with their shares as decimal strings ("0.75"). */
  readonly funders: readonly { readonly navn: string; readonly share: string }[];
  /** The whole budget, kroner as a decimal string. */
  readonly budget: string;
  readonly budgetType: 'total' | 'pr-aar';
  readonly periode: Periode;
  readonly noegle: Fordelingsnoegle;
  /** Each afdeling's key value and exact share in percent (decimal string), when the afdelinger's part is split between them. */
  readonly noeglefordeling: readonly { readonly navn: string; readonly noegleVaerdi: string; readonly procent: string }[] | undefined;
}

/** How an allocation's figures were found, in Danish, one sentence a line (an allocation's `forklaring`). */
export function fordelingForklaring(input: FordelingForklaringInput): string[] {
  const { scheme, periode } = input;
  const budget = formatKroner(input.budget);
  const lines = [`Ordningen "${scheme.title}" (${scheme.id}, version ${scheme.version}) fordeler budgettet: ${input.funders.map((f) => `${f.navn} ${andelSomProcent(f.share)}`).join(', ')}.`];
  if (input.budgetType === 'pr-aar') lines.push(`Budgettet på ${budget} er angivet pr. kalenderår og bruges som angivet.`);
  else {
    const days = daysOfPeriod(periode);
    const perYear = yearsOfPeriod(periode).map((y) => `${y.aar}: ${formatTal(y.dage)} af ${formatTal(days)} dage`);
    lines.push(`Budgettet på ${budget} for perioden ${formatDato(periode.from)} – ${formatDato(periode.to)} er fordelt på kalenderår efter periodens dage i hvert år: ${perYear.join(', ')}.`);
  }
  if (input.noeglefordeling !== undefined) {
    const shares = input.noeglefordeling.map((k) => `${k.navn} ${formatTal(k.noegleVaerdi)} (${formatProcent(k.procent, 2)})`);
    lines.push(`Afdelingernes andel er fordelt mellem afdelingerne efter ${NOEGLE_NAVN[input.noegle]}: ${shares.join(', ')}.`);
  }
  lines.push(AFRUNDING_FORKLARING);
  return lines;
}

/** A cost in words: per lejemål per year (or per year, when the number of lejemål is missing) and as a share of the rent. */
function udgiftITekst(u: Udgift): string {
  const parts: string[] = [];
  if (u.prLejemaalPrAar !== undefined) parts.push(`${formatKroner(u.prLejemaalPrAar)} pr. lejemål pr. år`);
  else parts.push(`${formatKroner(u.prAar)} pr. år (antal lejemål mangler)`);
  if (u.pctAfHusleje !== undefined) parts.push(`${formatProcent(u.pctAfHusleje, 2)} af den årlige husleje`);
  return parts.join(', ');
}

/**
 * One afdeling's affordability in a Danish sentence (its `forklaring`): what it pays now,
 * what it would pay if the afdelinger paid 100 %, and the verdict against fsb's limits
 * (`graenser`: the affordability rule set's parameters; `undefined` when none is in force).
 */
export function betalingsevneForklaring(navn: string, nu: Udgift, uden: Udgift, graenser: readonly { readonly value: unknown; readonly unit: string }[] | undefined): string {
  const head = `${navn} betaler nu ${udgiftITekst(nu)}; betaler afdelingerne 100 %, bliver det ${udgiftITekst(uden)}.`;
  if (graenser === undefined) return `${head} Der er ingen betalingsevneregler i kraft, så udgiften er ikke vurderet.`;
  const limits = graenser.map((p) => (p.unit.startsWith('kr') ? `${formatKroner(String(p.value))} ${p.unit.replace(/^kr\.\s*/, '')}` : `${formatTal(String(p.value))} ${p.unit}`)).join(' eller ');
  if (uden.forHoejUdgift === true) return `${head} Det er over fsb's grænse (${limits}): en for høj økonomisk udgift, hvis den eksterne finansiering ophører (stopparameter 5).`;
  if (uden.forHoejUdgift === false) return `${head} Det er ikke over fsb's grænse (${limits}), så afdelingen kan efter reglerne bære indsatsen selv.`;
  return `${head} Det kan ikke vurderes mod fsb's grænse (${limits}), fordi tal mangler.`;
}

/** The allocation as Danish text tables with the explanation under them. */
export function formatFinancingTable(a: FinancingAllocation, navn?: string): string {
  const out: string[] = [];
  if (navn !== undefined) out.push(navn);
  out.push(`Ordning: ${a.scheme.title} (${a.scheme.id}, version ${a.scheme.version})`);
  out.push(`Periode: ${formatDato(a.periode.from)} – ${formatDato(a.periode.to)} (højst ${a.maxDurationMonths} måneder)`);
  out.push(`Budget: ${formatKroner(a.budget)}${a.budgetType === 'pr-aar' ? ' (angivet pr. år)' : ''}`);
  out.push('');
  out.push('Finansiering pr. kilde og år');
  const yearCols: Column[] = a.aar.map((y) => ({ header: String(y), right: true }));
  out.push(
    renderTable(
      [{ header: 'Kilde', wrap: true }, { header: 'Andel', right: true }, ...yearCols, { header: 'I alt', right: true }],
      [
        ...a.funders.map((f) => [f.navn, andelSomProcent(f.share), ...f.perAar.map(formatKroner), formatKroner(f.total)]),
        ['I alt', '100 %', ...a.aarTotaler.map(formatKroner), formatKroner(a.budget)],
      ],
    ).trimEnd(),
  );
  const notes = a.funders.filter((f) => f.description !== undefined);
  if (notes.length > 0) for (const f of notes) out.push(`  ${f.navn}: ${f.description}`);
  for (const t of a.afdelingsfordeling) {
    out.push('');
    out.push(`${t.navn} fordelt mellem afdelingerne efter ${NOEGLE_NAVN[a.noegle]}`);
    out.push(
      renderTable(
        [{ header: 'Afdeling', wrap: true }, { header: NOEGLE_NAVN[a.noegle], right: true }, { header: 'Andel', right: true }, ...yearCols, { header: 'I alt', right: true }],
        [
          ...t.rows.map((r) => [r.navn, formatTal(r.noegleVaerdi), formatProcent(pct(r.andel), 2), ...r.perAar.map(formatKroner), formatKroner(r.total)]),
          ['I alt', '', '100,00 %', ...t.aarTotaler.map(formatKroner), formatKroner(t.total)],
        ],
      ).trimEnd(),
    );
  }
  const b = a.betalingsevne;
  if (b.afdelinger.length > 0) {
    out.push('');
    out.push(`Betalingsevne (stopparameter 5): gennemsnit pr. år over ${formatTal(b.periodeAar)} år`);
    out.push(
      renderTable(
        [
          { header: 'Afdeling', wrap: true },
          { header: 'Nu pr. lejemål/år', right: true },
          { header: 'Nu af husleje', right: true },
          { header: '100 % pr. lejemål/år', right: true },
          { header: '100 % af husleje', right: true },
          { header: 'For høj udgift ved 100 %', right: true },
        ],
        b.afdelinger.map((x) => [
          x.navn,
          x.nu.prLejemaalPrAar !== undefined ? formatKroner(x.nu.prLejemaalPrAar) : 'mangler',
          x.nu.pctAfHusleje !== undefined ? formatProcent(x.nu.pctAfHusleje, 2) : 'mangler',
          x.udenEksternFinansiering.prLejemaalPrAar !== undefined ? formatKroner(x.udenEksternFinansiering.prLejemaalPrAar) : 'mangler',
          x.udenEksternFinansiering.pctAfHusleje !== undefined ? formatProcent(x.udenEksternFinansiering.pctAfHusleje, 2) : 'mangler',
          formatSandhed(x.udenEksternFinansiering.forHoejUdgift),
        ]),
      ).trimEnd(),
    );
    if (b.graenser.length > 0) {
      out.push(`Grænser (${b.ruleSet?.id ?? ''}): ${b.graenser.map((g) => `${g.description} (${formatTal(g.value)} ${g.unit}${g.status !== undefined ? `, ${g.status}` : ''})`).join(' ')}`);
    }
    for (const x of b.afdelinger) out.push(`- ${x.forklaring}`);
  }
  out.push('');
  out.push('Forklaring');
  for (const line of a.forklaring) out.push(`- ${line}`);
  const unconfirmed = a.schemeNotes.filter((n) => n.startsWith('UBEKRÆFTET'));
  if (unconfirmed.length > 0) {
    out.push('');
    out.push('Ubekræftet i ordningen');
    for (const n of unconfirmed) out.push(`- ${n}`);
  }
  return `${out.join('\n')}\n`;
}

/** The rule explanation of each afdeling's 100 % case, as indented Danish text. */
export function formatAffordabilityExplanations(a: FinancingAllocation): string {
  return a.betalingsevne.afdelinger
    .filter((x) => x.evaluation !== undefined)
    .map((x) => `${x.navn} (${x.id}), hvis afdelingerne betaler 100 %:\n${formatExplanation(x.evaluation as NonNullable<typeof x.evaluation>)}`)
    .join('\n');
}

/** The tables as CSV: one line per funder and per afdeling row, years as columns, Danish numbers. */
export function formatFinancingCsv(a: FinancingAllocation): string {
  const headers = ['tabel', 'id', 'navn', 'andel', ...a.aar.map(String), 'i_alt'];
  const rows: string[][] = [
    ...a.funders.map((f) => ['kilde', f.id, f.navn, formatTal(f.share), ...f.perAar.map((v) => formatTal(v, 2)), formatTal(f.total, 2)]),
    ['kilde', 'i-alt', 'I alt', '1', ...a.aarTotaler.map((v) => formatTal(v, 2)), formatTal(a.budget, 2)],
  ];
  for (const t of a.afdelingsfordeling) {
    for (const r of t.rows) rows.push([`afdeling:${t.funder}`, r.id, r.navn, formatTal(r.andel), ...r.perAar.map((v) => formatTal(v, 2)), formatTal(r.total, 2)]);
    rows.push([`afdeling:${t.funder}`, 'i-alt', 'I alt', '1', ...t.aarTotaler.map((v) => formatTal(v, 2)), formatTal(t.total, 2)]);
  }
  return renderCsv(headers, rows);
}

/** A share ("0.125") in percent as a decimal string ("12.5"). */
export function pct(share: string): string {
  return new Decimal(share).times(100).toFixed();
}
