/**
 * Classification and forecast as self-contained HTML reports: an overview of every list
 * row (sortable, filterable by category), then per boligområde the history as a timeline of
 * the years on each list, each criterion's figure against its threshold as a bar, whether an
 * outcome depends on the non-western criterion, and the explanation trees; the forecast
 * adds the margin in persons. The sentences are those of `format.ts` and `margins.ts`.
 */
import { formatDiagnostic, type Diagnostic } from '../errors.js';
import { antal, formatDato, formatSandhed, formatTal } from '../format/danish.js';
import {
  criterionFigures,
  criterionTable,
  dataTable,
  drawable,
  explanationTree,
  filters,
  type Html,
  html,
  marginBar,
  renderDocument,
  type TableRow,
  timeline,
  type TimelineRow,
  truthMark,
} from '../format/html/index.js';
import { PACKAGE_VERSION } from '../version.js';
import { historikKilde, KATEGORI_OVERSKRIFT, kategoriNoter, regler, type UdfaldRaekke } from './format.js';
import type { Prognose } from './forecast.js';
import type { Margin } from './margins.js';
import { type Kategori, KATEGORIER, type Klassifikation } from './types.js';

const TABLE_ID = 'oversigt';
const PAA_LISTEN = { ja: 'ja', nej: 'nej' } as const;

function kategoriCell(k: Klassifikation, kategori: Kategori): Html | string {
  const r = k.kategorier[kategori];
  if (r === undefined) return '–';
  return html`${truthMark(r.outcome, PAA_LISTEN)}${r.afhaengerAfIkkeVestlig ? html` <span class="meta">(afhænger af ikke-vestlig)</span>` : ''}`;
}

function kategoriTokens(k: Klassifikation): string[] {
  const on = KATEGORIER.filter((c) => k.kategorier[c]?.outcome === true);
  return on.length > 0 ? [...on] : ['ingen'];
}

function kategoriFilter(): { value: string; label: string }[] {
  return [...KATEGORIER.map((c) => ({ value: c, label: KATEGORI_OVERSKRIFT[c] })), { value: 'ingen', label: 'på ingen liste' }];
}

function anchorOf(ids: Map<string, number>, id: string): string {
  let n = ids.get(id);
  if (n === undefined) {
    n = ids.size + 1;
    ids.set(id, n);
  }
  return `omr-${n}`;
}

/** The categories of one list with their notes, as a list. */
function kategoriListe(k: Klassifikation): Html {
  const items = KATEGORIER.flatMap((c) => {
    const r = k.kategorier[c];
    if (r === undefined) return [];
    const notes = kategoriNoter(r);
    return [html`<li>${truthMark(r.outcome, PAA_LISTEN)} ${r.navn}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}</li>`];
  });
  return html`<ul>${items}</ul><p>Afhænger af ikke-vestlig-kriteriet: ${truthMark(k.afhaengerAfIkkeVestlig, PAA_LISTEN, 'neutral')}</p>`;
}

function historikTable(k: Klassifikation, prefix: string): Html | string {
  const h = k.historik;
  if (h === undefined) return '';
  const omd = k.kategorier.omdannelse?.navn ?? 'omdannelse';
  const rows: TableRow[] = h.aar.map((a) => ({ cells: [String(a.aar), a.listedato === undefined ? '–' : formatDato(a.listedato), truthMark(a.status, PAA_LISTEN), historikKilde(a)] }));
  return html`<p>Historik (${omd}: på listen mindst ${h.minAarIRaekke} år i træk, den aktuelle medregnet): lister i træk ${h.aarIRaekke === null ? 'ukendt (et ukendt år kan afgøre det)' : h.aarIRaekke}.${
    h.offentliggjortTilsidesat ? ' Offentliggjorte statusser er tilsidesat, fordi kriterier er slået fra.' : ''
  }</p>${rows.length > 0 ? dataTable({ caption: `${prefix}: tidligere lister`, columns: [{ header: 'År' }, { header: 'Listedato' }, { header: 'På listen' }, { header: 'Kilde' }], rows }) : ''}`;
}

function afvigelser(k: Klassifikation): Html | string {
  if (k.afvigelser.length === 0) return '';
  return html`<p>Afvigelser mellem offentliggjort og beregnet status (den offentliggjorte bruges):</p><ul>${k.afvigelser.map(
    (a) => html`<li>${a.aar}${a.listedato !== undefined ? ` (${formatDato(a.listedato)})` : ''}: offentliggjort: ${formatSandhed(a.offentliggjort)}, beregnet: ${formatSandhed(a.beregnet)}</li>`,
  )}</ul>`;
}

/** One list's content: categories, criteria with bars, history, deviations, missing figures, explanation trees. */
function listeIndhold(k: Klassifikation, anchor: string, criteria: Html): Html {
  const titel = `Listen ${formatDato(k.listedato)}`;
  return html`${kategoriListe(k)}${criteria}${historikTable(k, titel)}${afvigelser(k)}${k.disabled.length > 0 ? html`<p>Slået fra: ${k.disabled.join(', ')} (tæller som ikke opfyldt)</p>` : ''}${
    k.mangler.length > 0 ? html`<p>Mangler: ${k.mangler.join(', ')}</p>` : ''
  }${k.evaluations.map((e, i) => explanationTree(e, `${anchor}-${i}`, `Fuld begrundelse (${e.ruleSet.title})`))}`;
}

function kriterier(k: Klassifikation): Html {
  return html`${k.evaluations.map((e) => criterionTable(`Listen ${formatDato(k.listedato)}: kriterierne i ${e.ruleSet.title} (regler fra ${e.ruleSet.version})`, criterionFigures(e)))}`;
}

/** The years on each list as a timeline: a row per category, a bar per list the area is on (until the next list). */
function historikTidslinje(navn: string, lists: readonly Klassifikation[]): Html | string {
  if (lists.length === 0) return '';
  const sorted = [...lists].sort((a, b) => a.listedato.localeCompare(b.listedato));
  const first = sorted[0]?.listedato ?? '';
  const last = sorted[sorted.length - 1]?.listedato ?? first;
  const to = `${Number(last.slice(0, 4)) + 1}-12-31`;
  const rows: TimelineRow[] = KATEGORIER.filter((c) => sorted.some((k) => k.kategorier[c] !== undefined)).map((c) => ({
    label: KATEGORI_OVERSKRIFT[c],
    spans: sorted.flatMap((k, i) => {
      const r = k.kategorier[c];
      if (r === undefined || r.outcome === false) return [];
      const end = sorted[i + 1]?.listedato ?? `${Number(k.listedato.slice(0, 4)) + 1}${k.listedato.slice(4)}`;
      return [{ start: k.listedato, end, highlight: r.outcome === true, label: `${r.navn} på listen ${formatDato(k.listedato)}: ${formatSandhed(r.outcome)}` }];
    }),
    marks: sorted.map((k) => ({ date: k.listedato, label: `Listen ${formatDato(k.listedato)}: ${formatSandhed(k.kategorier[c]?.outcome ?? null)}`, overdue: k.kategorier[c]?.outcome === null })),
  }));
  return timeline({ label: `${navn}: årene på hver liste; en rød bjælke er et år på listen, en gul ruder et ukendt år`, from: `${first.slice(0, 4)}-01-01`, to, rows });
}

function aarTable(navn: string, lists: readonly Klassifikation[]): Html {
  const rows: TableRow[] = [...lists]
    .sort((a, b) => a.listedato.localeCompare(b.listedato))
    .map((k) => ({ cells: [formatDato(k.listedato), ...KATEGORIER.map((c) => kategoriCell(k, c)), regler(k)] }));
  return dataTable({ caption: `${navn}: status på hver liste`, columns: [{ header: 'Liste' }, ...KATEGORIER.map((c) => ({ header: KATEGORI_OVERSKRIFT[c] })), { header: 'Regler' }], rows });
}

function errorList(rows: readonly Extract<UdfaldRaekke, { ok: false }>[] | readonly Diagnostic[]): Html | string {
  if (rows.length === 0) return '';
  const items = rows.flatMap((r) => ('ok' in r ? r.errors : [r]).map((d) => html`<li>${formatDiagnostic(d)}</li>`));
  return html`<section class="udsnit" aria-labelledby="fejl-titel"><h2 id="fejl-titel">Rækker med fejl</h2><ul>${items}</ul></section>`;
}

/**
 * The classification of boligområder as one self-contained HTML page: every row of the
 * input in the overview (bad rows with their reasons), then per boligområde its lists.
 */
export function formatKlassifikationHtml(rows: readonly UdfaldRaekke[]): string {
  const ids = new Map<string, number>();
  const byArea = new Map<string, Klassifikation[]>();
  const bad: Extract<UdfaldRaekke, { ok: false }>[] = [];
  const tableRows: TableRow[] = rows.map((r) => {
    if (!r.ok) {
      bad.push(r);
      return { filters: { kategori: ['fejl'] }, cells: [r.id ?? '?', '', r.listedato ?? '', { content: html`<span class="merke ukendt">? fejl i række ${r.row}</span>` }, '', '', '', '', ''] };
    }
    const k = r.klassifikation;
    const list = byArea.get(k.id) ?? [];
    list.push(k);
    byArea.set(k.id, list);
    return {
      filters: { kategori: kategoriTokens(k), afhaenger: [k.afhaengerAfIkkeVestlig ? 'ja' : 'nej'] },
      cells: [
        { content: html`<a href="${`#${anchorOf(ids, k.id)}`}">${k.id}</a>`, sort: k.id },
        k.navn ?? '',
        { content: formatDato(k.listedato), sort: k.listedato },
        ...KATEGORIER.map((c) => ({ content: kategoriCell(k, c), sort: formatSandhed(k.kategorier[c]?.outcome ?? null) })),
        truthMark(k.afhaengerAfIkkeVestlig, PAA_LISTEN, 'neutral'),
        regler(k),
      ],
    };
  });
  const sections = [...byArea].map(([id, lists]) => {
    const anchor = anchorOf(ids, id);
    const navn = `${id}${lists[0]?.navn !== undefined ? ` ${lists[0].navn}` : ''}`;
    const sorted = [...lists].sort((a, b) => b.listedato.localeCompare(a.listedato));
    const [newest, ...older] = sorted;
    return html`<section class="side omraade" id="${anchor}" aria-labelledby="${`${anchor}-titel`}">
<h2 id="${`${anchor}-titel`}">Boligområde ${navn}</h2>
${lists[0]?.kommune !== undefined ? html`<p>${lists[0].kommune}.</p>` : ''}
<h3>Historik</h3>
${historikTidslinje(navn, lists)}
${aarTable(navn, lists)}
${newest === undefined ? '' : html`<h3>Listen ${formatDato(newest.listedato)} (den nyeste)</h3>${listeIndhold(newest, `${anchor}-l0`, kriterier(newest))}`}
${older.map((k, i) => html`<details><summary>Listen ${formatDato(k.listedato)}: kriterier og begrundelse</summary>${listeIndhold(k, `${anchor}-l${i + 1}`, kriterier(k))}</details>`)}
</section>`;
  });
  const ok = rows.filter((r): r is Extract<UdfaldRaekke, { ok: true }> => r.ok);
  const body = html`<p>${antal(rows.length, 'række', 'rækker')}: ${antal(byArea.size, 'boligområde', 'boligområder')}${bad.length > 0 ? `, ${bad.length} med fejl` : ''}.</p>
${filters(
  [
    { tableId: TABLE_ID, key: 'kategori', label: 'På listen', options: [...kategoriFilter(), ...(bad.length > 0 ? [{ value: 'fejl', label: 'rækker med fejl' }] : [])] },
    { tableId: TABLE_ID, key: 'afhaenger', label: 'Afhænger af ikke-vestlig-kriteriet', options: [{ value: 'ja', label: 'ja' }, { value: 'nej', label: 'nej' }] },
  ],
  rows.length,
)}
${dataTable({
  id: TABLE_ID,
  caption: `Oversigt over ${antal(rows.length, 'række', 'rækker')}`,
  sortable: true,
  columns: [{ header: 'Boligområde' }, { header: 'Navn' }, { header: 'Liste' }, ...KATEGORIER.map((c) => ({ header: KATEGORI_OVERSKRIFT[c] })), { header: 'Afhænger af ikke-vestlig' }, { header: 'Regler' }],
  rows: tableRows,
})}
${errorList(bad)}
${sections}`;
  return renderDocument({
    title: `Klassifikation af ${antal(byArea.size, 'boligområde', 'boligområder')}`,
    packageVersion: ok[0]?.klassifikation.packageVersion ?? PACKAGE_VERSION,
    ruleSets: ok.flatMap((r) => r.klassifikation.ruleSets),
    body,
  });
}

function marginRows(margener: readonly Margin[]): TableRow[] {
  return margener.map((m) => {
    const t = drawable(m.graense);
    const value = m.vaerdi === null ? undefined : drawable(m.vaerdi);
    return {
      cells: [
        m.titel,
        truthMark(m.opfyldt, { ja: 'opfyldt', nej: 'ikke opfyldt' }),
        { content: m.vaerdi === null ? 'ukendt' : formatTal(m.vaerdi, 2), sort: m.vaerdi ?? '' },
        { content: formatTal(m.graense), sort: m.graense },
        t === undefined ? '–' : marginBar({ value, threshold: t, outcome: m.opfyldt, label: `${m.titel}: ${m.vaerdi === null ? 'ukendt' : formatTal(m.vaerdi, 2)} mod grænsen ${formatTal(m.graense)}` }),
        { content: m.personer === undefined ? '–' : formatTal(m.personer), sort: m.personer ?? '' },
        m.tekst,
      ],
    };
  });
}

/**
 * The forecast of the next list as one self-contained HTML page: per boligområde the
 * categories, the history, and each criterion's margin as a bar and in persons.
 */
export function formatPrognoseHtml(prognoser: readonly Prognose[], listedato: string, errors: readonly Diagnostic[] = []): string {
  const ids = new Map<string, number>();
  const tableRows: TableRow[] = prognoser.map((p) => {
    const k = p.klassifikation;
    const naermest = p.margener.filter((m) => m.personer !== undefined).sort((a, b) => (a.personer ?? 0) - (b.personer ?? 0))[0];
    return {
      filters: { kategori: kategoriTokens(k), afhaenger: [k.afhaengerAfIkkeVestlig ? 'ja' : 'nej'] },
      cells: [
        { content: html`<a href="${`#${anchorOf(ids, p.boligomraade)}`}">${p.boligomraade}</a>`, sort: p.boligomraade },
        k.navn ?? '',
        { content: p.afdelinger.join(', '), sort: p.afdelinger.length },
        ...KATEGORIER.map((c) => ({ content: kategoriCell(k, c), sort: formatSandhed(k.kategorier[c]?.outcome ?? null) })),
        truthMark(k.afhaengerAfIkkeVestlig, PAA_LISTEN, 'neutral'),
        { content: naermest === undefined ? '–' : `${formatTal(naermest.personer ?? 0)} (${naermest.titel})`, sort: naermest?.personer ?? '' },
      ],
    };
  });
  const sections = prognoser.map((p) => {
    const anchor = anchorOf(ids, p.boligomraade);
    const k = p.klassifikation;
    const navn = `${p.boligomraade}${k.navn !== undefined ? ` ${k.navn}` : ''}`;
    const margins = dataTable({
      caption: `${navn}: hvert kriteriums afstand til grænsen`,
      columns: [{ header: 'Kriterium' }, { header: 'Opfyldt' }, { header: 'Værdi', numeric: true }, { header: 'Grænse', numeric: true }, { header: 'Værdi mod grænse' }, { header: 'Personer der vender det', numeric: true }, { header: 'Afstand og hvad der skal til' }],
      rows: marginRows(p.margener),
    });
    return html`<section class="side omraade" id="${anchor}" aria-labelledby="${`${anchor}-titel`}">
<h2 id="${`${anchor}-titel`}">Boligområde ${navn}</h2>
<p>${antal(p.afdelinger.length, 'afdeling', 'afdelinger')}: ${p.afdelinger.join(', ')}. Prognose for listen ${formatDato(k.listedato)}, regler fra ${k.ruleSets.map((r) => r.version).join(' og ')}.</p>
${listeIndhold(k, anchor, margins)}
</section>`;
  });
  const body = html`<p>Prognose for ${antal(prognoser.length, 'boligområde', 'boligområder')}: afdelingernes tal summeret pr. boligområde, med afstanden til hver grænse i personer.</p>
${filters(
  [
    { tableId: TABLE_ID, key: 'kategori', label: 'På listen', options: kategoriFilter() },
    { tableId: TABLE_ID, key: 'afhaenger', label: 'Afhænger af ikke-vestlig-kriteriet', options: [{ value: 'ja', label: 'ja' }, { value: 'nej', label: 'nej' }] },
  ],
  prognoser.length,
)}
${dataTable({
  id: TABLE_ID,
  caption: `Prognose for ${antal(prognoser.length, 'boligområde', 'boligområder')}`,
  sortable: true,
  columns: [{ header: 'Boligområde' }, { header: 'Navn' }, { header: 'Afdelinger' }, ...KATEGORIER.map((c) => ({ header: KATEGORI_OVERSKRIFT[c] })), { header: 'Afhænger af ikke-vestlig' }, { header: 'Nærmeste grænse i personer' }],
  rows: tableRows,
})}
${errorList(errors.filter((d) => d.severity === 'error'))}
${sections}`;
  return renderDocument({
    title: `Prognose for listen ${formatDato(listedato)}`,
    asOf: listedato,
    packageVersion: prognoser[0]?.klassifikation.packageVersion ?? PACKAGE_VERSION,
    ruleSets: prognoser.flatMap((p) => p.klassifikation.ruleSets),
    body,
  });
}
