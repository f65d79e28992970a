/**
 * Danish text of an explanation tree: one line per node, indented as the conditions
 * nest, each leaf with its figure, comparison, threshold, distance to the threshold
 * and source.
 */
import type { FactValue } from '../domain/fact-types.js';
import { OPERATORS } from '../engine/operators.js';
import type { Evaluation, ExplanationNode, FactExplanation, RuleEvaluation, Truth } from '../engine/types.js';
import { formatDato, formatSandhed, formatTal } from './danish.js';

/** The explanation of an evaluation's rules (all, or those named) as indented Danish text. */
export function formatExplanation(evaluation: Evaluation, ruleIds?: readonly string[]): string {
  const lines: string[] = [];
  const { ruleSet } = evaluation;
  lines.push(`Regelsæt: ${ruleSet.title} (${ruleSet.id}, i kraft fra ${formatDato(ruleSet.effective.from)}${ruleSet.effective.to ? ` til og med ${formatDato(ruleSet.effective.to)}` : ''})`);
  for (const rule of evaluation.rules) {
    if (ruleIds !== undefined && !ruleIds.includes(rule.id)) continue;
    lines.push(...formatRule(rule));
  }
  if (evaluation.missingFacts.length > 0) lines.push(`Mangler: ${evaluation.missingFacts.join(', ')}`);
  if (evaluation.disabled.length > 0) lines.push(`Slået fra: ${evaluation.disabled.join(', ')}`);
  return lines.join('\n') + '\n';
}

/** One rule's explanation as lines of Danish text. */
export function formatRule(rule: RuleEvaluation, indent = '  '): string[] {
  const lines = [`${indent}${truthSign(rule.outcome)} ${describeRule(rule)}`];
  if (rule.source) lines.push(`${indent}    kilde: ${rule.source.reference}`);
  lines.push(...formatNode(rule.explanation, `${indent}    `));
  return lines;
}

/** A rule's head line without its mark: "Høj husleje: nej", "… (slået fra)". */
export function describeRule(rule: RuleEvaluation): string {
  return `${rule.title}: ${formatSandhed(rule.outcome)}${rule.disabled ? ' (slået fra)' : ''}`;
}

/**
 * What one explanation node says, without its mark and children: "alle skal være opfyldt: ja",
 * "kriterier opfyldt: 2 af 4 (mindst 2 kræves): ja", a condition's title and state, or a
 * leaf's comparison ({@link formatLeaf}). The text and HTML explanations both use it.
 */
export function describeNode(node: ExplanationNode): string {
  switch (node.kind) {
    case 'all':
    case 'any':
      return `${node.kind === 'all' ? 'alle skal være opfyldt' : 'mindst én skal være opfyldt'}: ${formatSandhed(node.outcome)}`;
    case 'not':
      return `må ikke være opfyldt: ${formatSandhed(node.outcome)}`;
    case 'atLeast': {
      const unknown = node.unknown > 0 ? `, ${node.unknown} ukendt${node.unknown === 1 ? '' : e(node.unknown)}` : '';
      return `kriterier opfyldt: ${node.met} af ${node.total}${unknown} (mindst ${node.required} kræves): ${formatSandhed(node.outcome)}`;
    }
    case 'condition': {
      const state = node.disabled ? 'slået fra (tæller som ikke opfyldt)' : node.overridden ? `${formatSandhed(node.outcome)} (tvunget)` : formatSandhed(node.outcome);
      return `${node.title}: ${state}`;
    }
    case 'fact':
      return formatLeaf(node);
  }
}

/** A node's children in the tree (a condition's one child, a junction's children). */
export function nodeChildren(node: ExplanationNode): readonly ExplanationNode[] {
  switch (node.kind) {
    case 'all':
    case 'any':
    case 'atLeast':
      return node.children;
    case 'not':
      return [node.child];
    case 'condition':
      return node.child ? [node.child] : [];
    case 'fact':
      return [];
  }
}

/** One explanation node and its children as lines of Danish text. */
export function formatNode(node: ExplanationNode, indent: string): string[] {
  const lines = [`${indent}${truthSign(node.outcome)} ${describeNode(node)}`];
  if (node.kind === 'condition' && node.source) lines.push(`${indent}    kilde: ${node.source.reference}`);
  for (const child of nodeChildren(node)) lines.push(...formatNode(child, `${indent}  `));
  return lines;
}

/**
 * A comparison in words: "Andel uden for arbejdsmarkedet: 40,1 pct. — krav: overstiger 40 pct.
 * [ledighedPct] — opfyldt, 0,1 over grænsen".
 */
export function formatLeaf(node: FactExplanation): string {
  const op = OPERATORS.get(node.operator);
  const words = op?.danish ?? node.operator;
  const value = node.factValue === undefined ? 'mangler' : `${formatValue(node.factValue)}${unitSuffix(node.unit)}`;
  const t = node.threshold;
  const thresholdText =
    t.value === undefined ? `${t.fact ?? '?'} (mangler)` : `${formatValue(t.value)}${unitSuffix(t.unit ?? node.unit)}${t.parameter ? ` [${t.parameter}]` : t.fact ? ` [${t.fact}]` : ''}`;
  const verdict = node.outcome === null ? 'ukendt' : node.outcome ? 'opfyldt' : 'ikke opfyldt';
  const margin = node.margin === undefined ? '' : `, ${marginText(node.margin)}`;
  return `${node.description}${node.path ? ` (${node.path})` : ''}: ${value} — krav: ${words} ${thresholdText} — ${verdict}${margin}`;
}

/** A margin (figure − threshold, a decimal string) in words: "0,1 over grænsen", "præcis på grænsen". */
export function marginText(margin: string): string {
  if (/^-?0(\.0+)?$/.test(margin)) return 'præcis på grænsen';
  return margin.startsWith('-') ? `${formatDecimal(margin.slice(1))} under grænsen` : `${formatDecimal(margin)} over grænsen`;
}

/** Max decimals shown in text; results keep every digit. */
const SHOWN_DECIMALS = 3;

/** A decimal for reading: as written up to three decimals, else rounded and marked "≈". */
export function formatDecimal(v: string | number): string {
  const text = String(v);
  const point = text.indexOf('.');
  if (point < 0 || text.length - point - 1 <= SHOWN_DECIMALS) return formatTal(v);
  const rounded = formatTal(v, SHOWN_DECIMALS).replace(/,?0+$/, '');
  return `≈ ${rounded}`;
}

function formatValue(v: FactValue): string {
  if (typeof v === 'number') return formatDecimal(v);
  if (typeof v === 'string') return /^-?\d+(\.\d+)?$/.test(v) ? formatDecimal(v) : /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDato(v) : `"${v}"`;
  if (typeof v === 'boolean') return v ? 'ja' : 'nej';
  if (Array.isArray(v)) return `[${v.map((x) => formatValue(x as FactValue)).join(', ')}]`;
  return JSON.stringify(v);
}

function unitSuffix(unit: string | undefined): string {
  if (unit === undefined || ['navn', 'ja/nej', 'dato', 'liste', 'objekt', 'tekst'].includes(unit)) return '';
  return ` ${unit}`;
}

/** The sign of a truth value: ✓ true, ✗ false, ? unknown. */
export function truthSign(t: Truth): string {
  return t === null ? '?' : t ? '✓' : '✗';
}

function e(n: number): string {
  return n === 1 ? '' : 'e';
}
