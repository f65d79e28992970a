/**
 * A financing allocation as one self-contained HTML report: the tables per funder and
 * year and per afdeling (sortable), a stacked bar per year of what each funder pays, the
 * affordability of each afdeling if external financing stops, and the explanation. The
 * figures and sentences are those of `format.ts`.
 */
import { formatDato, formatKroner, formatProcent, formatSandhed, formatTal } from '../format/danish.js';
import { dataTable, explanationTree, filters, type Html, html, renderDocument, sourceText, stackedBars, type TableRow, truthMark } from '../format/html/index.js';
import { andelSomProcent, pct } from './format.js';
import { type FinancingAllocation, NOEGLE_NAVN } from './types.js';

function kroner(v: string): { content: string; sort: string } {
  return { content: formatKroner(v), sort: v };
}

function funderTable(a: FinancingAllocation): Html {
  const years = a.aar.map((y) => ({ header: String(y), numeric: true }));
  return dataTable({
    caption: 'Finansiering pr. kilde og år',
    columns: [{ header: 'Kilde' }, { header: 'Andel', numeric: true }, ...years, { header: 'I alt', numeric: true }],
    rows: a.funders.map((f) => ({ cells: [html`${f.navn}${f.description !== undefined ? html`<div class="meta">${f.description}</div>` : ''}`, andelSomProcent(f.share), ...f.perAar.map(kroner), kroner(f.total)] })),
    foot: [{ cells: ['I alt', '100 %', ...a.aarTotaler.map(kroner), kroner(a.budget)] }],
  });
}

function afdelingTables(a: FinancingAllocation): Html {
  const years = a.aar.map((y) => ({ header: String(y), numeric: true }));
  return html`${a.afdelingsfordeling.map((t, i) =>
    dataTable({
      id: `afdelinger-${i + 1}`,
      caption: `${t.navn} fordelt mellem afdelingerne efter ${NOEGLE_NAVN[a.noegle]}`,
      sortable: true,
      columns: [{ header: 'Afdeling' }, { header: NOEGLE_NAVN[a.noegle], numeric: true }, { header: 'Andel', numeric: true }, ...years, { header: 'I alt', numeric: true }],
      rows: t.rows.map((r) => ({ cells: [r.navn, { content: formatTal(r.noegleVaerdi), sort: r.noegleVaerdi }, { content: formatProcent(pct(r.andel), 2), sort: r.andel }, ...r.perAar.map(kroner), kroner(r.total)] })),
      foot: [{ cells: ['I alt', '', '100,00 %', ...t.aarTotaler.map(kroner), kroner(t.total)] }],
    }),
  )}`;
}

function yearChart(a: FinancingAllocation): Html {
  return stackedBars({
    label: `Hvad hver kilde betaler pr. år (${a.funders.map((f) => f.navn).join(', ')}); tallene står i tabellen`,
    series: a.funders.map((f) => `${f.navn} (${andelSomProcent(f.share)})`),
    categories: a.aar.map((y, i) => ({ label: String(y), values: a.funders.map((f) => Number(f.perAar[i] ?? '0')) })),
  });
}

function affordability(a: FinancingAllocation): Html | string {
  const b = a.betalingsevne;
  if (b.afdelinger.length === 0) return '';
  const missing = (v: string | undefined, f: (x: string) => string) => (v === undefined ? 'mangler' : f(v));
  const verdict = (t: boolean | null) => (t === null ? 'ukendt' : t ? 'for-hoej' : 'kan-baeres');
  const rows: TableRow[] = b.afdelinger.map((x) => ({
    filters: { udgift: [verdict(x.udenEksternFinansiering.forHoejUdgift)] },
    cells: [
      x.navn,
      { content: missing(x.nu.prLejemaalPrAar, formatKroner), sort: x.nu.prLejemaalPrAar ?? '' },
      { content: missing(x.nu.pctAfHusleje, (v) => formatProcent(v, 2)), sort: x.nu.pctAfHusleje ?? '' },
      { content: missing(x.udenEksternFinansiering.prLejemaalPrAar, formatKroner), sort: x.udenEksternFinansiering.prLejemaalPrAar ?? '' },
      { content: missing(x.udenEksternFinansiering.pctAfHusleje, (v) => formatProcent(v, 2)), sort: x.udenEksternFinansiering.pctAfHusleje ?? '' },
      { content: truthMark(x.udenEksternFinansiering.forHoejUdgift, { ja: 'for høj', nej: 'kan bæres' }), sort: formatSandhed(x.udenEksternFinansiering.forHoejUdgift) },
    ],
  }));
  return html`<h2>Betalingsevne (stopparameter 5)</h2>
<p>Gennemsnit pr. år over ${formatTal(b.periodeAar)} år: hvad afdelingerne betaler nu, og hvis de selv skal betale 100 %, fordi den eksterne finansiering ophører.</p>
${filters(
  [{ tableId: 'betalingsevne', key: 'udgift', label: 'Udgift ved 100 %', options: [{ value: 'for-hoej', label: 'for høj' }, { value: 'kan-baeres', label: 'kan bæres' }, { value: 'ukendt', label: 'ukendt' }] }],
  rows.length,
)}
${dataTable({
  id: 'betalingsevne',
  caption: 'Afdelingernes betalingsevne',
  sortable: true,
  columns: [{ header: 'Afdeling' }, { header: 'Nu pr. lejemål/år', numeric: true }, { header: 'Nu af husleje', numeric: true }, { header: '100 % pr. lejemål/år', numeric: true }, { header: '100 % af husleje', numeric: true }, { header: 'Udgift ved 100 %' }],
  rows,
})}
${b.graenser.length > 0 ? html`<p>Grænser (${b.ruleSet?.id ?? ''}): ${b.graenser.map((g) => `${g.description} (${formatTal(g.value)} ${g.unit}${g.status !== undefined ? `, ${g.status}` : ''})`).join(' ')}</p>` : ''}
<ul>${b.afdelinger.map((x) => html`<li>${x.forklaring}</li>`)}</ul>
${b.afdelinger.map((x, i) => (x.evaluation === undefined ? '' : explanationTree(x.evaluation, `bet-${i + 1}`, `Begrundelse for ${x.navn} (${x.id}), hvis afdelingerne betaler 100 %`)))}`;
}

/** The allocation of a financing plan as one self-contained HTML page; `navn` is the plan's name. */
export function formatFinancingHtml(a: FinancingAllocation, navn?: string): string {
  const unconfirmed = a.schemeNotes.filter((n) => n.startsWith('UBEKRÆFTET'));
  const body = html`<p>Ordning: ${a.scheme.title} (${a.scheme.id}, version ${a.scheme.version}). Periode: ${formatDato(a.periode.from)} – ${formatDato(a.periode.to)} (højst ${a.maxDurationMonths} måneder). Budget: ${formatKroner(a.budget)}${a.budgetType === 'pr-aar' ? ' (angivet pr. år)' : ''}.</p>
${a.schemeSources.length > 0 ? html`<ul>${a.schemeSources.map((s) => html`<li>${sourceText(s)}</li>`)}</ul>` : ''}
<h2>Finansiering pr. kilde og år</h2>
${yearChart(a)}
${funderTable(a)}
<h2>Fordeling på afdelinger</h2>
${afdelingTables(a)}
${affordability(a)}
<h2>Forklaring</h2>
<ul>${a.forklaring.map((l) => html`<li>${l}</li>`)}</ul>
${unconfirmed.length > 0 ? html`<h3>Ubekræftet i ordningen</h3><ul>${unconfirmed.map((n) => html`<li>${n}</li>`)}</ul>` : ''}`;
  return renderDocument({
    title: navn === undefined ? `Finansiering: ${a.scheme.title}` : `Finansiering: ${navn}`,
    asOf: a.asOf,
    packageVersion: a.packageVersion,
    ruleSets: a.ruleSets,
    body,
  });
}
