/**
 * The screening as one self-contained HTML report: an overview of every afdeling (sortable,
 * filterable by recommendation and by indicator), then per afdeling its flagged indicators
 * with margin bars, the recommendation with mål and indsatsområder, the changes since the
 * previous period, and the explanation tree with sources. The sentences are those of
 * `format.ts`; this module lays them out.
 */
import { toDecimal } from '../domain/decimal.js';
import { PACKAGE_VERSION } from '../version.js';
import { antal, formatDato, formatSandhed } from '../format/danish.js';
import { marginText } from '../format/explanation.js';
import { type Html, dataTable, drawable, explanationTree, filters, html, marginBar, renderDocument, type TableRow, truthMark } from '../format/html/index.js';
import { figurGraense, figurVaerdi, formatAendringer, formatAnbefaling, formatScreeningSummary, formatStatus, formatVaerdi, kortNavn } from './format.js';
import { ANBEFALING_NAVN } from './rule-meta.js';
import type { Anbefaling, Figur, IndikatorAendring, IndikatorResultat, ScreeningResult } from './types.js';

const UDLOEST = { ja: 'udløst', nej: 'ikke udløst' } as const;
const TABLE_ID = 'oversigt';

/** Filter tokens of a row's recommendation: the recommended kinds, "ingen" or "ukendt". */
function anbefalingTokens(r: ScreeningResult): string[] {
  const yes = r.anbefalinger.filter((a) => a.kind !== 'kontaktpersonordning' && a.outcome === true).map((a) => a.kind);
  if (yes.length > 0) return yes;
  return [r.konklusion === 'ukendt' ? 'ukendt' : 'ingen'];
}

/** The figure − threshold distance in words, when both are numbers. */
function afstand(f: Figur): string {
  const v = drawable(f.value);
  const t = drawable(f.threshold);
  if (v === undefined || t === undefined || typeof f.value === 'boolean') return f.value === undefined ? 'ukendt: tallet mangler' : '–';
  return marginText(toDecimal(f.value as string | number).minus(toDecimal(f.threshold as string | number)).toFixed());
}

function figurBar(f: Figur): Html | string {
  const t = drawable(f.threshold);
  if (t === undefined) return '–';
  const label = `${f.description}: ${figurVaerdi(f)}, grænse ${figurGraense(f)}`;
  return marginBar({ value: drawable(f.value), threshold: t, outcome: f.outcome, label });
}

function indikatorRows(list: readonly IndikatorResultat[]): TableRow[] {
  return list.flatMap((i) => {
    const figurer: readonly (Figur | undefined)[] = i.figurer.length > 0 ? i.figurer : [undefined];
    return figurer.map((f, k) => ({
      cells: [
        k === 0 ? i.titel : html`<span class="meta">${i.titel} (fortsat)</span>`,
        truthMark(i.outcome, UDLOEST),
        f === undefined ? (i.mangler.length > 0 ? `mangler: ${i.mangler.join('; ')}` : '–') : html`${f.description}: <strong>${figurVaerdi(f)}</strong>`,
        f === undefined ? '–' : figurGraense(f) || '–',
        f === undefined ? '–' : figurBar(f),
        f === undefined ? '–' : afstand(f),
      ],
    }));
  });
}

function indikatorTable(caption: string, list: readonly IndikatorResultat[]): Html {
  return dataTable({
    caption,
    columns: [{ header: 'Indikator' }, { header: 'Udfald' }, { header: 'Tal' }, { header: 'Grænse' }, { header: 'Tal mod grænse' }, { header: 'Afstand til grænsen' }],
    rows: indikatorRows(list),
  });
}

function anbefalingItem(a: Anbefaling): Html {
  const details =
    a.outcome === false
      ? ''
      : html`${a.maal.length > 0 ? html`<div>Mål: ${a.maal.map((m) => `${m.nr} ${m.navn}`).join('; ')}</div>` : ''}${
          a.indsatsomraader.length > 0 ? html`<div>Indsatsområder: ${a.indsatsomraader.map((o) => o.navn).join('; ')}</div>` : ''
        }`;
  return html`<li>${truthMark(a.outcome, { ja: 'anbefalet', nej: 'ikke anbefalet' }, 'neutral')} ${a.navn}${details}${a.mangler.length > 0 ? html`<div>Mangler: ${a.mangler.join('; ')}</div>` : ''}</li>`;
}

function aendringRows(label: string, list: readonly IndikatorAendring[]): TableRow[] {
  return list.map((c) => ({
    cells: [c.titel, label, formatSandhed(c.foer), formatSandhed(c.nu), c.figurer.map((f) => `${f.description} ${formatVaerdi(f.foer)} → ${formatVaerdi(f.nu)}`).join('; ') || '–'],
  }));
}

function aendringer(r: ScreeningResult): Html {
  const a = r.aendringer;
  if (a.forrigePeriode === undefined) return html`<h3>Ændringer</h3><p>Ingen tidligere screening at sammenligne med.</p>`;
  const rows = [...aendringRows('ny', a.nyeFlag), ...aendringRows('ophørt', a.ophoerte), ...aendringRows('forværret', a.forvaerrede), ...aendringRows('nu ukendt', a.nuUkendte)];
  const heading = `Ændringer siden ${formatDato(a.forrigePeriode)}`;
  if (rows.length === 0) return html`<h3>${heading}</h3><p>Ingen ændringer.</p>`;
  return html`<h3>${heading}</h3>${dataTable({ caption: heading, columns: [{ header: 'Indikator' }, { header: 'Ændring' }, { header: 'Før' }, { header: 'Nu' }, { header: 'Tal før → nu' }], rows })}`;
}

function afdelingSection(r: ScreeningResult, index: number): Html {
  const a = r.afdeling;
  const flagged = r.indikatorer.filter((i) => i.outcome !== false);
  const rest = r.indikatorer.filter((i) => i.outcome === false);
  return html`<section class="side afdeling" id="${`afd-${index}`}" aria-labelledby="${`afd-${index}-titel`}">
<h2 id="${`afd-${index}-titel`}">Afdeling ${a.id} ${a.navn}</h2>
<p>${a.boligorganisation}, ${a.kommune}. Tal fra perioden ${formatDato(r.periode)}. Boligområde: ${a.boligomraade ?? 'ingen'}; officiel status: ${formatStatus(r.boligomraadeStatus)}.</p>
<p class="udsnit"><strong>Konklusion:</strong> ${r.konklusionTekst}</p>
<h3>Udløste og ukendte indikatorer</h3>
${flagged.length > 0 ? indikatorTable(`Afdeling ${a.id}: udløste og ukendte indikatorer`, flagged) : html`<p>Ingen indikatorer er udløst.</p>`}
${rest.length > 0 ? html`<details><summary>Øvrige indikatorer (${rest.length} ikke udløst)</summary>${indikatorTable(`Afdeling ${a.id}: indikatorer der ikke er udløst`, rest)}</details>` : ''}
<h3>Anbefaling</h3>
<ul>${r.anbefalinger.map(anbefalingItem)}</ul>
${aendringer(r)}
${r.mangler.length > 0 ? html`<p>Manglende tal: ${r.mangler.join('; ')}</p>` : ''}
${r.evaluation ? explanationTree(r.evaluation, `afd-${index}`) : ''}
</section>`;
}

function overview(results: readonly ScreeningResult[]): Html {
  const indikatorer = new Map<string, string>();
  for (const r of results) for (const i of r.indikatorer) if (!indikatorer.has(i.id)) indikatorer.set(i.id, i.titel);
  const anbefalinger = [
    ...(['helhedsplan', 'lokalt-udviklingsprojekt', 'boligsocial-ejendomsfunktionaer'] as const).map((k) => ({ value: k, label: ANBEFALING_NAVN[k] })),
    { value: 'ingen', label: 'ingen særlig indsats' },
    { value: 'ukendt', label: 'ukendt (mangler tal)' },
  ];
  const rows: TableRow[] = results.map((r, index) => {
    const ukendte = r.indikatorer.filter((i) => i.outcome === null).length;
    const udloest = r.indikatorer.filter((i) => i.outcome === true).map((i) => kortNavn(i.id, i.titel));
    const kontakt = r.anbefalinger.find((a) => a.kind === 'kontaktpersonordning')?.outcome ?? false;
    const konklusion = r.konklusion === 'indsats' ? 'info' : r.konklusion === 'ukendt' ? 'ukendt' : 'neutral';
    return {
      filters: { anbefaling: anbefalingTokens(r), indikator: r.indikatorer.filter((i) => i.outcome === true).map((i) => i.id) },
      cells: [
        { content: html`<a href="${`#afd-${index}`}">${r.afdeling.id}</a>`, sort: r.afdeling.id },
        r.afdeling.navn,
        r.periode,
        formatStatus(r.boligomraadeStatus),
        { content: html`${udloest.length > 0 ? udloest.join(', ') : '–'}${ukendte > 0 ? html` ${truthMark(null, { ja: '', nej: '', ukendt: `${antal(ukendte, 'ukendt', 'ukendte')}` })}` : ''}`, sort: udloest.length },
        { content: html`<span class="${`merke ${konklusion}`}">${konklusion === 'info' ? '✓' : konklusion === 'neutral' ? '✗' : '?'} ${formatAnbefaling(r)}</span>`, sort: formatAnbefaling(r) },
        truthMark(kontakt, { ja: 'ja', nej: 'nej' }, 'neutral'),
        formatAendringer(r),
      ],
    };
  });
  return html`${filters(
    [
      { tableId: TABLE_ID, key: 'anbefaling', label: 'Anbefaling', options: anbefalinger },
      { tableId: TABLE_ID, key: 'indikator', label: 'Udløst indikator', options: [...indikatorer].map(([value, label]) => ({ value, label })) },
    ],
    results.length,
  )}${dataTable({
    id: TABLE_ID,
    caption: `Oversigt over ${antal(results.length, 'afdeling', 'afdelinger')}`,
    sortable: true,
    columns: [{ header: 'Afd.' }, { header: 'Navn' }, { header: 'Periode' }, { header: 'Boligområdets status' }, { header: 'Udløste indikatorer' }, { header: 'Anbefaling' }, { header: 'Kontaktperson' }, { header: 'Siden forrige screening' }],
    rows,
  })}`;
}

/**
 * The screening of afdelinger as one self-contained HTML page (Danish, printable, each
 * afdeling on its own page). Give it explained results (`explain: true`) for the figures,
 * margin bars and explanation trees; decision-only results show outcomes only.
 */
export function formatScreeningHtml(results: readonly ScreeningResult[], asOf: string): string {
  const body = html`<p>${formatScreeningSummary(results)}</p>
${overview(results)}
${results.map(afdelingSection)}`;
  return renderDocument({
    title: `Screening af ${antal(results.length, 'afdeling', 'afdelinger')} pr. ${formatDato(asOf)}`,
    asOf,
    packageVersion: results[0]?.packageVersion ?? PACKAGE_VERSION,
    ruleSets: results.flatMap((r) => r.ruleSets),
    body,
  });
}
