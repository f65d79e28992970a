/**
 * Short text of rule-file parts for a diff: a condition tree in a compact notation a
 * reviewer reads at a glance (`alle(beboere ≥ [minBeboere], mindst [minKriterier] af(‹uden-arbejde›, …))`),
 * a source, a value.
 */
import { OPERATORS } from '../engine/operators.js';
import type { SourceDefinition } from '../engine/definition.js';
import { isRefTo, type ConditionInput } from '../engine/grammar.js';

/** A value as JSON text; a parameter reference as `[name]`. */
export function renderValue(value: unknown): string {
  if (isRefTo(value, 'parameter')) return `[${value.parameter}]`;
  if (isRefTo(value, 'fact')) return `${value.fact}${value.path ?? ''}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** A source as one line: reference, URL and note. */
export function renderSource(s: SourceDefinition): string {
  return `${s.reference}${s.url !== undefined ? ` <${s.url}>` : ''}${s.note !== undefined ? ` (${s.note})` : ''}`;
}

/**
 * A condition tree in compact notation: comparisons with their symbol (`udenArbejdePct > [maxUdenArbejdePct]`),
 * named conditions as `‹name›`, and `alle(…)`, `en af(…)`, `ikke(…)`, `mindst k af(…)`.
 */
export function renderCondition(node: ConditionInput): string {
  if ('all' in node) return `alle(${node.all.map(renderCondition).join(', ')})`;
  if ('any' in node) return `en af(${node.any.map(renderCondition).join(', ')})`;
  if ('not' in node) return `ikke(${renderCondition(node.not)})`;
  if ('atLeast' in node) return `mindst ${renderValue(node.atLeast)} af(${node.of.map(renderCondition).join(', ')})`;
  if ('condition' in node) return `‹${node.condition}›`;
  const symbol = OPERATORS.get(node.operator)?.symbol ?? node.operator;
  return `${node.fact}${node.path ?? ''} ${symbol} ${renderValue(node.value)}`;
}
