/**
 * Danish text of lifecycle results: the portfolio table and one indsats's
 * explanation (start and stop assessment with evidence, deadlines, recommendation).
 */
import { INDSATS_KIND_NAVN, type IndsatsKind } from '../domain/indsats.js';
import { formatDato } from '../format/danish.js';
import { formatExplanation } from '../format/explanation.js';
import { renderTable } from '../format/table.js';
import { ANBEFALING_NAVN, VURDERING_NAVN, type IndsatsAssessment, type ParameterResult, type Vurdering } from './assess.js';
import type { DueDecision } from './deadlines.js';
import { formatMetodeTjek } from './metoder-format.js';
import type { PortfolioReview } from './review.js';
import type { Indsats } from './schema.js';
import { TILSTAND_NAVN } from './state.js';

/** The short name of each kind of indsats, for tables. */
export const KORT_TYPE: Readonly<Record<IndsatsKind, string>> = {
  helhedsplan: 'helhedsplan',
  'lokalt-udviklingsprojekt': 'udviklingsprojekt',
  'boligsocial-ejendomsfunktionaer': 'ejendomsfunktionær',
};
const SYMBOL: Readonly<Record<Vurdering, string>> = { opfyldt: '✓', 'ikke-opfyldt': '·', ukendt: '?' };

/** A decision due, in Danish: "Midtvejsevaluering: forfalden 1. marts 2025". */
export function formatFrist(f: DueDecision): string {
  const when = f.forfalden ? `forfalden ${formatDato(f.dato)}` : f.dageTil === 0 ? 'nu' : formatDato(f.dato);
  return `${f.titel}: ${when}`;
}

/** The portfolio as a Danish text table, most urgent first, with a legend and any errors. */
export function formatPortfolioTable(review: PortfolioReview): string {
  const rows = review.indsatser.map((r) => {
    const a = r.assessment;
    const next = a.frister[0];
    const started = a.status.startDato !== null;
    const planned = a.deadlines.planlagt && a.status.tilstand !== 'afsluttet';
    const anbefaling = a.anbefaling === null ? '–' : `${ANBEFALING_NAVN[a.anbefaling.anbefaling]}${a.anbefaling.usikker.length ? ' (?)' : ''}`;
    return [
      r.indsats.id,
      KORT_TYPE[r.indsats.kind],
      TILSTAND_NAVN[a.status.tilstand] + (a.startkravBrudt.length > 0 ? ' (startkrav brudt)' : ''),
      a.deadlines.slutDato === null ? '–' : planned ? `(${a.deadlines.slutDato})` : a.deadlines.slutDato,
      started ? a.stop.map((s) => SYMBOL[s.resultat]).join('') : '–',
      anbefaling,
      next === undefined ? '–' : formatFrist(next) + (a.frister.length > 1 ? ` (+${a.frister.length - 1})` : ''),
    ];
  });
  const table = renderTable(
    [{ header: 'Indsats' }, { header: 'Type' }, { header: 'Tilstand' }, { header: 'Slutdato' }, { header: 'Stop 1–5' }, { header: 'Anbefaling', wrap: true }, { header: 'Næste beslutning', wrap: true }],
    rows,
  );
  const lines = [
    `Boligsociale indsatser pr. ${formatDato(review.asOf)} — beslutninger inden for ${review.horizonMonths} måneder, mest presserende først`,
    '',
    table.trimEnd(),
    '',
    'Stop 1–5: de fem stopparametre (1 behov ophørt, 2 mål nået, 3 aktiviteter forankret, 4 ingen opbakning, 5 finansiering ophørt); ✓ opfyldt, · ikke opfyldt, ? ukendt.',
    'Slutdato i parentes er planlagt; stopparametre vises først efter opstart. (?) efter anbefalingen: en højere anbefaling kan ikke afgøres, fordi oplysninger mangler.',
    'Biblioteket beslutter intet: en person bekræfter med en hændelse.',
  ];
  if (review.indsatser.some((r) => r.assessment.startkravBrudt.length > 0)) {
    lines.splice(lines.length - 1, 0, '(startkrav brudt) efter tilstanden: indsatsen er startet, selv om et startkrav ikke var opfyldt; fejlen nævner kravet.');
  }
  const due = review.indsatser.filter((r) => r.assessment.frister.length > 0);
  if (due.length) {
    lines.push('', `Beslutninger der forfalder inden ${review.horizonMonths} måneder:`);
    for (const r of due) for (const f of r.assessment.frister) lines.push(`  ${r.indsats.id}: ${formatFrist(f)}`);
  }
  return lines.join('\n') + '\n';
}

function parameterLines(p: ParameterResult, label: string): string[] {
  const out = [`  ${label}[${VURDERING_NAVN[p.resultat]}] ${p.titel}`];
  for (const e of p.evidens) out.push(`      – ${e}`);
  if (p.kilde) out.push(`      Kilde: ${p.kilde.reference}`);
  return out;
}

/** The rules the explanation tree of one indsats shows: start, the five stop parameters, the recommendations. */
export function explainedRuleIds(a: IndsatsAssessment): string[] {
  return ['start-kan-starte', 'start-samarbejdsaftaler', ...a.stop.map((p) => p.id), 'anbefal-afslut', 'anbefal-forbered-ny-helhedsplan', 'anbefal-forbered-afslutning'];
}

/** One indsats's assessment explained in Danish: state, deadlines, start and stop parameters with evidence, recommendation. */
export function formatIndsatsExplanation(indsats: Indsats, a: IndsatsAssessment, options: { readonly tree?: boolean } = {}): string {
  const s = a.status;
  const d = a.deadlines;
  const lines: string[] = [
    `${indsats.navn} (${indsats.id})`,
    `Type: ${INDSATS_KIND_NAVN[indsats.kind]} · Afdelinger: ${indsats.afdelinger.join(', ')} · Finansieringsordning: ${indsats.finansieringsordning}`,
    `Tilstand pr. ${formatDato(a.asOf)}: ${TILSTAND_NAVN[s.tilstand]}${s.siden ? ` (siden ${formatDato(s.siden)})` : ''}${s.opgivet ? ' — forberedelsen blev opgivet' : ''}`,
    `Regler: ${a.evaluation.ruleSet.id} ${a.evaluation.ruleSet.version}`,
  ];
  if (indsats.forgaenger) lines.push(`Forgænger: ${indsats.forgaenger}`);
  if (s.efterfoelger) lines.push(`Efterfølger: ${s.efterfoelger}`);
  lines.push('', 'Frister');
  if (d.startDato) lines.push(`  ${d.planlagt ? 'Planlagt start' : 'Start'}: ${formatDato(d.startDato)} · Slut: ${d.slutDato ? formatDato(d.slutDato) : '–'} (${d.varighedMaaneder} mdr.${d.forlaengelseMaaneder ? ` + ${d.forlaengelseMaaneder} mdr. forlængelse` : ''})`);
  else lines.push('  Ingen start planlagt');
  if (d.midtvejsevalueringForfalder) {
    lines.push(`  Midtvejsevaluering: ${formatDato(d.midtvejsevalueringForfalder)}${s.midtvejsevalueringer.length ? ` (gennemført ${s.midtvejsevalueringer.map(formatDato).join(', ')})` : ''}`);
  }
  if (d.forberedEfterfoelgerFra) lines.push(`  Forbered ny helhedsplan senest fra: ${formatDato(d.forberedEfterfoelgerFra)}`);
  lines.push('', `Startparametre, vurderet pr. ${formatDato(a.startVurderetPr)}${s.startDato ? ' (opstart)' : ''} — alle krav opfyldt: ${VURDERING_NAVN[a.kanStarte]}`);
  for (const p of a.start) lines.push(...parameterLines(p, p.alvor === 'advarsel' ? '(advarsel) ' : ''));
  lines.push(...formatMetodeTjek(a.metoder));
  lines.push('', `Stopparametre pr. ${formatDato(a.asOf)} (en konkret, individuel vurdering; biblioteket beslutter ikke)`);
  for (const p of a.stop) lines.push(...parameterLines(p, ''));
  lines.push('');
  if (a.anbefaling === null) lines.push(`Anbefaling: ingen (indsatsen er ${TILSTAND_NAVN[s.tilstand]})`);
  else {
    lines.push(`Anbefaling: ${ANBEFALING_NAVN[a.anbefaling.anbefaling]}`);
    for (const b of a.anbefaling.begrundelse) lines.push(`  – ${b}`);
    if (a.anbefaling.usikker.length) lines.push(`  Kan ændre sig: ${a.anbefaling.usikker.join(', ')} kan ikke afgøres, fordi oplysninger mangler (${a.evaluation.missingFacts.join(', ')})`);
    lines.push('  En person bekræfter anbefalingen med en hændelse (fx beslutning-om-afslutning, forlaengelse eller efterfoelger).');
  }
  lines.push('', a.frister.length ? 'Beslutninger der forfalder:' : 'Ingen beslutninger forfalder inden for horisonten.');
  for (const f of a.frister) lines.push(`  – ${formatFrist(f)}`);
  if (options.tree === true) {
    lines.push('', 'Regelforklaring', formatExplanation(a.evaluation, explainedRuleIds(a)).trimEnd());
  }
  return lines.join('\n') + '\n';
}
