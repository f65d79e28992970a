/**
 * Each criterion's figure against its threshold, read off an explanation tree: every
 * comparison leaf under a named condition (a statutory criterion, an indicator) with the
 * condition's title, its figure, threshold, outcome and margin. Drawn as a table with a
 * margin bar per row; a missing figure's bar says "ukendt".
 */
import type { Evaluation, ExplanationNode, FactExplanation } from '../../engine/types.js';
import { formatLeaf, marginText, nodeChildren } from '../explanation.js';
import type { Html } from './escape.js';
import { dataTable, truthMark, type TableRow } from './parts.js';
import { drawable, marginBar } from './svg.js';

/** One comparison of an evaluation, with the named condition it belongs to. */
export interface CriterionFigure {
  /** The title of the innermost named condition around it (or the rule's). */
  readonly criterion: string;
  readonly leaf: FactExplanation;
}

function walk(node: ExplanationNode, title: string, out: CriterionFigure[], seen: Set<string>): void {
  if (node.kind === 'fact') {
    const key = `${title}\u0000${node.fact}\u0000${node.operator}\u0000${String(node.threshold.value)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ criterion: title, leaf: node });
    }
    return;
  }
  const inner = node.kind === 'condition' ? node.title : title;
  for (const c of nodeChildren(node)) walk(c, inner, out, seen);
}

/** The comparisons of an evaluation's rules (all, or those named), each once, in tree order. */
export function criterionFigures(evaluation: Evaluation, ruleIds?: readonly string[]): readonly CriterionFigure[] {
  const out: CriterionFigure[] = [];
  const seen = new Set<string>();
  for (const r of evaluation.rules) if (ruleIds === undefined || ruleIds.includes(r.id)) walk(r.explanation, r.title, out, seen);
  return out;
}

/** A table of criteria: each figure, threshold and outcome as text, a margin bar, and the distance in words. */
export function criterionTable(caption: string, figures: readonly CriterionFigure[], words = { ja: 'opfyldt', nej: 'ikke opfyldt' }): Html {
  const rows: TableRow[] = figures.map(({ criterion, leaf }) => {
    const threshold = drawable(leaf.threshold.value);
    const bar =
      threshold === undefined
        ? '–'
        : marginBar({ value: drawable(leaf.factValue), threshold, outcome: leaf.outcome, label: `${criterion}: ${formatLeaf(leaf)}` });
    return {
      cells: [criterion, truthMark(leaf.outcome, words), formatLeaf(leaf), bar, leaf.margin === undefined ? (leaf.factValue === undefined ? 'ukendt: tallet mangler' : '–') : marginText(leaf.margin)],
    };
  });
  return dataTable({ caption, columns: [{ header: 'Kriterium' }, { header: 'Udfald' }, { header: 'Tal og krav' }, { header: 'Tal mod grænse' }, { header: 'Afstand til grænsen' }], rows });
}
