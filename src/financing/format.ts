/**
 * Danish text of a financing allocation for the CLI: the funder × year table, each
 * afdeling × year table, affordability, and the explanation — amounts as
 * `1.234.567,89 kr.`; and the same tables as CSV (Danish numbers, no "kr.").
 */
import { Decimal } from '../domain/decimal.js';
import { formatDato, formatKroner, formatProcent, formatSandhed, formatTal } from '../format/danish.js';
import { formatExplanation } from '../format/explanation.js';
import { type Column, renderTable } from '../format/table.js';
import { renderCsv } from '../format/csv-output.js';
import { type FinancingAllocation, NOEGLE_NAVN } from './types.js';

/** A share ("0.125") as a Danish percentage with as many decimals as it needs ("12,5 %"). */
export function andelSomProcent(share: string): string {
  return `${formatTal(new Decimal(share).times(100))} %`;
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
