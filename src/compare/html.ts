/**
 * What-if answers as self-contained HTML reports. A comparison: the two sides, every
 * changed row highlighted with each outcome before and after and the conditions that
 * flipped (figures on both sides), and the counts per outcome. A sensitivity sweep: the
 * count per outcome as a line over the parameter's values, the counts as a table, and the
 * rows nearest to flipping. The sentences are those of `format.ts` and `sensitivity-format.ts`.
 */
import { formatDecimal } from '../format/explanation.js';
import { dataTable, filters, type Html, html, lineChart, renderDocument, type TableRow } from '../format/html/index.js';
import { PACKAGE_VERSION } from '../version.js';
import { changedCount, countLine, describeSide, figureLine, formatOutcomeValue, rowTitle, type SideDescription, sideState, valueNames } from './format.js';
import { changes, describeFlip, formatParameterValue, rowLabel, varyingSeries } from './sensitivity-format.js';
import type { Sensitivity } from './sensitivity.js';
import type { ChangedRow, FlippedCondition, WhatIfComparison } from './types.js';
import { antal } from '../format/danish.js';

const CHANGED_ID = 'aendrede';

function reasons(r: ChangedRow): Html {
  const conditions = r.betingelser.map((c: FlippedCondition) => {
    const before = c.foer?.figurer ?? [];
    const after = c.efter?.figurer ?? [];
    const moved: Html[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const x = figureLine(before[i]);
      const y = figureLine(after[i]);
      if (x !== y) moved.push(html`<li>før: ${x}</li><li>efter: ${y}</li>`);
    }
    return html`<li>${c.label !== undefined ? `(${c.label}) ` : ''}${c.titel} [${c.name}]: ${sideState(c.foer)} → ${sideState(c.efter)}${moved.length > 0 ? html`<ul>${moved}</ul>` : ''}</li>`;
  });
  const rules = (r.regelaendringer ?? []).map((line) => html`<li>${line}</li>`);
  if (conditions.length === 0 && rules.length === 0) return html`–`;
  const summary = conditions.length > 0 ? `${antal(conditions.length, 'betingelse', 'betingelser')} vendte` : 'reglerne er ændret';
  return html`<details><summary>Hvorfor: ${summary}</summary><ul>${conditions}${rules.length > 0 ? html`<li>Ingen betingelse vendte; reglerne rækken bruger, er ændret:<ul>${rules}</ul></li>` : ''}</ul></details>`;
}

/** The comparison of one question on two rule versions as one self-contained HTML page. */
export function formatComparisonHtml(c: WhatIfComparison, sides: { readonly foer: SideDescription; readonly efter: SideDescription }): string {
  const names = valueNames(c);
  const rows: TableRow[] = c.aendrede.flatMap((r) =>
    r.udfald.map((o, k) => ({
      highlight: true,
      filters: { udfald: [o.udfald] },
      cells: [
        { content: rowTitle(c.kommando, r), sort: `${r.id} ${r.listedato ?? ''}` },
        o.titel,
        html`<span class="merke neutral">før: ${formatOutcomeValue(o.kind, o.foer, names.get(o.udfald))}</span>`,
        html`<span class="merke info">efter: ${formatOutcomeValue(o.kind, o.efter, names.get(o.udfald))}</span>`,
        k === 0 ? reasons(r) : html`<span class="meta">se ovenfor</span>`,
      ],
    })),
  );
  const changedOutcomes = [...new Set(c.aendrede.flatMap((r) => r.udfald.map((o) => o.udfald)))];
  const counts: TableRow[] = c.optaelling.map((o) => ({
    highlight: changedCount(o),
    cells: [o.titel, changedCount(o) ? 'ændret' : 'uændret', countLine(o, names.get(o.udfald))],
  }));
  const body = html`<ul><li>Før: ${describeSide(sides.foer)}</li><li>Efter: ${describeSide(sides.efter)}</li></ul>
<p>${antal(c.raekker.foer, 'række', 'rækker')} før, ${c.raekker.efter} efter; ${c.aendrede.length === 0 ? 'ingen række får et andet udfald' : `${antal(c.aendrede.length, 'række', 'rækker')} får et andet udfald`}.</p>
<h2>Ændrede rækker</h2>
${
  rows.length === 0
    ? html`<p>Ingen række får et andet udfald.</p>`
    : html`${filters([{ tableId: CHANGED_ID, key: 'udfald', label: 'Udfald', options: changedOutcomes.map((k) => ({ value: k, label: c.udfald.find((d) => d.key === k)?.titel ?? k })) }], rows.length)}${dataTable({
        id: CHANGED_ID,
        caption: 'Hver ændring: udfaldet før og efter, og de betingelser der vendte',
        sortable: true,
        columns: [{ header: 'Række' }, { header: 'Udfald' }, { header: 'Før' }, { header: 'Efter' }, { header: 'Hvorfor' }],
        rows,
      })}`
}
<h2>Optælling pr. udfald</h2>
${dataTable({ id: 'optaelling', caption: 'Rækker pr. udfald, før → efter (markerede rækker er ændret)', columns: [{ header: 'Udfald' }, { header: 'Ændret' }, { header: 'Før → efter' }], rows: counts })}`;
  return renderDocument({ title: `Hvad sker der, hvis … (${c.kommando})`, packageVersion: PACKAGE_VERSION, ruleSets: [], body });
}

/** A sensitivity sweep as one self-contained HTML page. */
export function formatSensitivityHtml(s: Sensitivity): string {
  const p = s.parameter;
  const names = new Map(s.udfald.map((d) => [d.key, d]));
  const first = s.vaerdier[0] ?? '';
  const last = s.vaerdier[s.vaerdier.length - 1] ?? '';
  const today = p.versioner.map((v) => `${formatParameterValue(v.idag, p.unit)} (${v.version})`).join(', ');
  const series = varyingSeries(s);
  const counted = series.filter((x) => x.kind === 'antal');
  const chart =
    counted.length === 0
      ? html`<p>Ingen optælling ændrer sig i intervallet.</p>`
      : lineChart({
          label: `Rækker pr. udfald over ${p.parameter} fra ${formatParameterValue(first, p.unit)} til ${formatParameterValue(last, p.unit)}; tallene står i tabellen`,
          xs: s.vaerdier.map((v) => formatDecimal(v)),
          series: counted.map((x) => ({ label: x.header, values: x.values.map(Number) })),
        });
  const countTable = dataTable({
    id: 'optaelling',
    caption: 'Rækker pr. udfald for hver værdi (kun de udfald, der ændrer sig)',
    sortable: true,
    columns: [{ header: 'Værdi', numeric: true }, ...series.map((x) => ({ header: x.header, numeric: true }))],
    rows: s.vaerdier.map((v, i) => ({ cells: [{ content: formatDecimal(v), sort: v }, ...series.map((x) => ({ content: x.kind === 'sum' ? formatDecimal(x.values[i] ?? '0') : (x.values[i] ?? '0'), sort: x.values[i] ?? '0' }))] })),
  });
  const watch: TableRow[] = s.raekker.map((r) => {
    const [nearest, ...rest] = r.vendinger;
    return {
      highlight: true,
      filters: { udfald: [...new Set(r.vendinger.flatMap((f) => f.udfald.map((o) => o.udfald)))] },
      cells: [
        rowLabel(r),
        { content: formatParameterValue(r.idag, p.unit), sort: r.idag },
        { content: nearest === undefined ? '–' : `${describeFlip(nearest, p.unit)}${r.trinvis === true ? ' (trinvis)' : ''}`, sort: nearest?.afstand ?? '' },
        nearest === undefined ? '–' : changes(nearest, names),
        rest.length === 0 ? '–' : html`<ul>${rest.map((f) => html`<li>${describeFlip(f, p.unit)} — ${changes(f, names)}</li>`)}</ul>`,
      ],
    };
  });
  const flipping = [...new Set(s.raekker.flatMap((r) => r.vendinger.flatMap((f) => f.udfald.map((o) => o.udfald))))];
  const body = html`<p>${p.ruleSet}${p.version !== undefined ? `@${p.version}` : ''}.${p.parameter} (${p.unit}) fra ${formatParameterValue(first, p.unit)} til ${formatParameterValue(last, p.unit)}, ${s.vaerdier.length} værdier (${s.kommando}, ${s.raekkerIAlt} rækker). I dag: ${today}.</p>
<p>${s.metode === 'eksakt' ? 'Vendepunkterne er eksakte: parameteren sammenlignes direkte med rækkernes tal, så de følger af afstanden til grænsen.' : 'Vendepunkterne er fundet trin for trin: parameteren bruges ikke kun som grænse for et tal.'}</p>
<h2>Optælling over parameterens værdier</h2>
${chart}
${series.length > 0 ? countTable : ''}
<h2>Nærmest at vende</h2>
${
  watch.length === 0
    ? html`<p>Ingen af de ${s.raekkerIAlt} rækker vender i intervallet.</p>`
    : html`${filters([{ tableId: 'vender', key: 'udfald', label: 'Udfald der vender', options: flipping.map((k) => ({ value: k, label: names.get(k)?.titel ?? k })) }], watch.length)}${dataTable({
        id: 'vender',
        caption: `${s.raekker.length} af ${s.raekkerIAlt} rækker vender i intervallet, nærmest først`,
        sortable: true,
        columns: [{ header: 'Række' }, { header: 'I dag' }, { header: 'Vender' }, { header: 'Udfald før → efter' }, { header: 'Og derefter' }],
        rows: watch,
      })}`
}`;
  return renderDocument({ title: `Følsomhed: ${p.parameter} (${s.kommando})`, packageVersion: PACKAGE_VERSION, ruleSets: [], body });
}
