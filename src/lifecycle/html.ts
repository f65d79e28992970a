/**
 * The portfolio of indsatser as one self-contained HTML report: a timeline (each indsats a
 * bar from start to end, deadlines marked, overdue ones highlighted), an overview (sortable,
 * filterable by state and recommendation), a matrix of the five stop parameters, and per
 * indsats its deadlines, start and stop parameters with evidence, recommendation and
 * explanation tree. The sentences are those of `format.ts`.
 */
import { INDSATS_KIND_NAVN } from '../domain/indsats.js';
import { formatDiagnostic } from '../errors.js';
import { formatDato } from '../format/danish.js';
import { dataTable, explanationTree, filters, type Html, html, renderDocument, sourceText, type TableRow, timeline, type TimelineRow, truthMark } from '../format/html/index.js';
import { PACKAGE_VERSION } from '../version.js';
import { ANBEFALING_NAVN, type IndsatsAssessment, type ParameterResult, type Vurdering } from './assess.js';
import { explainedRuleIds, formatFrist, KORT_TYPE } from './format.js';
import type { IndsatsReview, PortfolioReview } from './review.js';
import { TILSTAND_NAVN } from './state.js';

const TABLE_ID = 'oversigt';
const OPFYLDT = { ja: 'opfyldt', nej: 'ikke opfyldt' } as const;

function truthOf(v: Vurdering): boolean | null {
  return v === 'opfyldt' ? true : v === 'ikke-opfyldt' ? false : null;
}

function overdue(a: IndsatsAssessment): boolean {
  return a.frister.some((f) => f.forfalden);
}

function anchor(i: number): string {
  return `ind-${i + 1}`;
}

function portfolioTimeline(review: PortfolioReview): Html | string {
  const dated = review.indsatser.filter((r) => r.assessment.deadlines.startDato !== null);
  if (dated.length === 0) return html`<p>Ingen indsats har en startdato.</p>`;
  const starts = dated.map((r) => r.assessment.deadlines.startDato ?? review.asOf);
  const ends = dated.map((r) => r.assessment.deadlines.slutDato ?? review.asOf);
  const from = `${[...starts, review.asOf].sort()[0]?.slice(0, 4) ?? review.asOf.slice(0, 4)}-01-01`;
  const to = `${[...ends, review.asOf].sort().reverse()[0]?.slice(0, 4) ?? review.asOf.slice(0, 4)}-12-31`;
  const rows: TimelineRow[] = dated.map((r) => {
    const a = r.assessment;
    const d = a.deadlines;
    const marks = [
      ...(d.midtvejsevalueringForfalder ? [{ date: d.midtvejsevalueringForfalder, label: `Midtvejsevaluering: ${formatDato(d.midtvejsevalueringForfalder)}` }] : []),
      ...(d.forberedEfterfoelgerFra ? [{ date: d.forberedEfterfoelgerFra, label: `Forbered ny helhedsplan senest fra ${formatDato(d.forberedEfterfoelgerFra)}` }] : []),
      ...a.frister.map((f) => ({ date: f.dato, label: formatFrist(f), overdue: f.forfalden })),
    ];
    const span = { start: d.startDato ?? review.asOf, ...(d.slutDato ? { end: d.slutDato } : {}), highlight: overdue(a), label: `${r.indsats.navn}: ${d.planlagt ? 'planlagt ' : ''}${formatDato(d.startDato ?? review.asOf)} – ${d.slutDato ? formatDato(d.slutDato) : 'uden slutdato'}` };
    return { label: r.indsats.id, spans: [span], marks };
  });
  return timeline({
    label: `Indsatsernes forløb fra start til slut; ruder er frister, røde er overskredne; den blå linje er ${formatDato(review.asOf)}`,
    from,
    to,
    rows,
    today: { date: review.asOf, label: `Opgjort pr. ${formatDato(review.asOf)}` },
  });
}

function nextDecision(a: IndsatsAssessment): Html | string {
  const next = a.frister[0];
  if (next === undefined) return '–';
  const more = a.frister.length > 1 ? ` (+${a.frister.length - 1})` : '';
  return next.forfalden ? html`<span class="merke ja">⚠ ${formatFrist(next)}</span>${more}` : `${formatFrist(next)}${more}`;
}

function overview(review: PortfolioReview): Html {
  const rows: TableRow[] = review.indsatser.map((r, i) => {
    const a = r.assessment;
    const d = a.deadlines;
    return {
      highlight: overdue(a),
      filters: { tilstand: [a.status.tilstand], anbefaling: [a.anbefaling?.anbefaling ?? 'ingen'] },
      cells: [
        { content: html`<a href="${`#${anchor(i)}`}">${r.indsats.id}</a>`, sort: r.indsats.id },
        r.indsats.navn,
        KORT_TYPE[r.indsats.kind],
        `${TILSTAND_NAVN[a.status.tilstand]}${a.startkravBrudt.length > 0 ? ' (startkrav brudt)' : ''}`,
        { content: d.startDato === null ? '–' : `${formatDato(d.startDato)}${d.planlagt ? ' (planlagt)' : ''}`, sort: d.startDato ?? '' },
        { content: d.slutDato === null ? '–' : formatDato(d.slutDato), sort: d.slutDato ?? '' },
        a.anbefaling === null ? '–' : `${ANBEFALING_NAVN[a.anbefaling.anbefaling]}${a.anbefaling.usikker.length > 0 ? ' (kan ændre sig)' : ''}`,
        { content: nextDecision(a), sort: r.dageTilNaesteFrist ?? 99999 },
      ],
    };
  });
  const tilstande = [...new Set(review.indsatser.map((r) => r.assessment.status.tilstand))].map((t) => ({ value: t, label: TILSTAND_NAVN[t] }));
  const anbefalinger = [...new Set(review.indsatser.map((r) => r.assessment.anbefaling?.anbefaling ?? 'ingen'))].map((k) => ({ value: k, label: k === 'ingen' ? 'ingen' : ANBEFALING_NAVN[k] }));
  return html`${filters(
    [
      { tableId: TABLE_ID, key: 'tilstand', label: 'Tilstand', options: tilstande },
      { tableId: TABLE_ID, key: 'anbefaling', label: 'Anbefaling', options: anbefalinger },
    ],
    rows.length,
  )}${dataTable({
    id: TABLE_ID,
    caption: `${review.indsatser.length} indsatser, mest presserende først (markerede rækker har en overskredet frist)`,
    sortable: true,
    columns: [{ header: 'Indsats' }, { header: 'Navn' }, { header: 'Type' }, { header: 'Tilstand' }, { header: 'Start' }, { header: 'Slut' }, { header: 'Anbefaling' }, { header: 'Næste beslutning' }],
    rows,
  })}`;
}

function stopMatrix(review: PortfolioReview): Html {
  const started = review.indsatser.filter((r) => r.assessment.status.startDato !== null);
  const params = started[0]?.assessment.stop ?? [];
  const rows: TableRow[] = started.map((r) => ({ cells: [r.indsats.id, ...r.assessment.stop.map((p) => truthMark(truthOf(p.resultat), OPFYLDT))] }));
  return dataTable({
    caption: 'De fem stopparametre pr. indsats (en konkret, individuel vurdering; biblioteket beslutter ikke)',
    columns: [{ header: 'Indsats' }, ...params.map((p) => ({ header: `${p.nr}. ${p.titel}` }))],
    rows,
  });
}

function parameterTable(caption: string, list: readonly ParameterResult[]): Html {
  const rows: TableRow[] = list.map((p) => ({
    cells: [p.titel, truthMark(truthOf(p.resultat), OPFYLDT), html`${p.evidens.length > 0 ? html`<ul>${p.evidens.map((e) => html`<li>${e}</li>`)}</ul>` : '–'}${p.kilde ? html`<div>${sourceText(p.kilde)}</div>` : ''}`],
  }));
  return dataTable({ caption, columns: [{ header: 'Parameter' }, { header: 'Vurdering' }, { header: 'Grundlag og kilde' }], rows });
}

function indsatsSection(r: IndsatsReview, i: number): Html {
  const { indsats } = r;
  const a = r.assessment;
  const s = a.status;
  const d = a.deadlines;
  const id = anchor(i);
  const anbefaling =
    a.anbefaling === null
      ? html`<p>Anbefaling: ingen (indsatsen er ${TILSTAND_NAVN[s.tilstand]}).</p>`
      : html`<p><strong>Anbefaling:</strong> ${ANBEFALING_NAVN[a.anbefaling.anbefaling]}</p><ul>${a.anbefaling.begrundelse.map((b) => html`<li>${b}</li>`)}</ul>${
          a.anbefaling.usikker.length > 0 ? html`<p>Kan ændre sig: ${a.anbefaling.usikker.join(', ')} kan ikke afgøres, fordi oplysninger mangler.</p>` : ''
        }<p class="meta">En person bekræfter anbefalingen med en hændelse.</p>`;
  return html`<section class="side indsats" id="${id}" aria-labelledby="${`${id}-titel`}">
<h2 id="${`${id}-titel`}">${indsats.navn} (${indsats.id})</h2>
<p>${INDSATS_KIND_NAVN[indsats.kind]}. Afdelinger: ${indsats.afdelinger.join(', ')}. Finansieringsordning: ${indsats.finansieringsordning}.</p>
<p>Tilstand pr. ${formatDato(a.asOf)}: <strong>${TILSTAND_NAVN[s.tilstand]}</strong>${s.siden ? ` (siden ${formatDato(s.siden)})` : ''}${s.opgivet ? ' — forberedelsen blev opgivet' : ''}.${indsats.forgaenger ? ` Forgænger: ${indsats.forgaenger}.` : ''}${s.efterfoelger ? ` Efterfølger: ${s.efterfoelger}.` : ''}</p>
<h3>Frister</h3>
<ul>
${d.startDato ? html`<li>${d.planlagt ? 'Planlagt start' : 'Start'}: ${formatDato(d.startDato)} · Slut: ${d.slutDato ? formatDato(d.slutDato) : '–'} (${d.varighedMaaneder} mdr.${d.forlaengelseMaaneder ? ` + ${d.forlaengelseMaaneder} mdr. forlængelse` : ''})</li>` : html`<li>Ingen start planlagt</li>`}
${d.midtvejsevalueringForfalder ? html`<li>Midtvejsevaluering: ${formatDato(d.midtvejsevalueringForfalder)}</li>` : ''}
${d.forberedEfterfoelgerFra ? html`<li>Forbered ny helhedsplan senest fra: ${formatDato(d.forberedEfterfoelgerFra)}</li>` : ''}
${a.frister.map((f) => html`<li>${f.forfalden ? html`<span class="merke ja">⚠ overskredet</span> ` : ''}${formatFrist(f)}</li>`)}
</ul>
<h3>Startparametre</h3>
<p>Vurderet pr. ${formatDato(a.startVurderetPr)}; alle krav opfyldt: ${truthMark(truthOf(a.kanStarte), OPFYLDT)}</p>
${parameterTable(`${indsats.id}: startparametre`, a.start)}
<h3>Stopparametre</h3>
${parameterTable(`${indsats.id}: stopparametre pr. ${formatDato(a.asOf)}`, a.stop)}
${anbefaling}
${explanationTree(a.evaluation, id, 'Regelforklaring', explainedRuleIds(a))}
</section>`;
}

/** The portfolio review as one self-contained HTML page. */
export function formatPortfolioHtml(review: PortfolioReview): string {
  const body = html`<p>Beslutninger inden for ${review.horizonMonths} måneder, mest presserende først. Biblioteket beslutter intet: en person bekræfter med en hændelse.</p>
<h2>Forløb</h2>
${portfolioTimeline(review)}
<h2>Oversigt</h2>
${overview(review)}
<h2>Stopparametre</h2>
${stopMatrix(review)}
${review.fejl.length > 0 ? html`<section class="udsnit" aria-labelledby="fejl-titel"><h2 id="fejl-titel">Fejl og advarsler</h2><ul>${review.fejl.map((d) => html`<li>${formatDiagnostic(d)}</li>`)}</ul></section>` : ''}
${review.indsatser.map(indsatsSection)}`;
  return renderDocument({
    title: `Boligsociale indsatser pr. ${formatDato(review.asOf)}`,
    asOf: review.asOf,
    packageVersion: review.indsatser[0]?.assessment.packageVersion ?? PACKAGE_VERSION,
    ruleSets: review.indsatser.flatMap((r) => r.assessment.ruleSets),
    body,
  });
}
