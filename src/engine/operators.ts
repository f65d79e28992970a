/**
 * The operators a condition may use: json-rules-engine's built-ins plus exact decimal
 * comparisons. Each says which fact types it accepts and what its `value` must be.
 */
import type { FactType } from '../domain/fact-types.js';

/** How an operator's `value` relates to the fact's type. */
export type OperandKind =
  /** the same scalar type as the fact */
  | 'same'
  /** an array of the fact's scalar type */
  | 'array-of-fact'
  /** one element of the fact's array type */
  | 'element'
  /** a decimal string (or a decimal/number fact) */
  | 'decimal';

/** What an operator compares. */
export interface OperatorDefinition {
  readonly name: string;
  /** Fact types the operator accepts. */
  readonly factTypes: readonly FactType[];
  readonly operand: OperandKind;
  /** Whether the operator orders values, so a margin (fact − threshold) means something. */
  readonly ordered: boolean;
  /** The comparison in Danish, as an explanation shows it ("overstiger", "mindst"). */
  readonly danish: string;
  /** The mathematical symbol (">", "≥"). */
  readonly symbol: string;
  /** Whether the operator is json-rules-engine's own (else it is registered when exporting). */
  readonly builtIn: boolean;
}

const scalar: readonly FactType[] = ['number', 'boolean', 'string', 'date'];

/** Every operator, by name. */
export const OPERATORS: ReadonlyMap<string, OperatorDefinition> = new Map(
  (
    [
      { name: 'equal', factTypes: scalar, operand: 'same', ordered: false, danish: 'er lig med', symbol: '=', builtIn: true },
      { name: 'notEqual', factTypes: scalar, operand: 'same', ordered: false, danish: 'er forskellig fra', symbol: '≠', builtIn: true },
      { name: 'lessThan', factTypes: ['number'], operand: 'same', ordered: true, danish: 'er mindre end', symbol: '<', builtIn: true },
      { name: 'lessThanInclusive', factTypes: ['number'], operand: 'same', ordered: true, danish: 'er højst', symbol: '≤', builtIn: true },
      { name: 'greaterThan', factTypes: ['number'], operand: 'same', ordered: true, danish: 'overstiger', symbol: '>', builtIn: true },
      { name: 'greaterThanInclusive', factTypes: ['number'], operand: 'same', ordered: true, danish: 'er mindst', symbol: '≥', builtIn: true },
      { name: 'in', factTypes: scalar, operand: 'array-of-fact', ordered: false, danish: 'er en af', symbol: '∈', builtIn: true },
      { name: 'notIn', factTypes: scalar, operand: 'array-of-fact', ordered: false, danish: 'er ikke en af', symbol: '∉', builtIn: true },
      { name: 'contains', factTypes: ['string[]'], operand: 'element', ordered: false, danish: 'indeholder', symbol: '∋', builtIn: true },
      { name: 'doesNotContain', factTypes: ['string[]'], operand: 'element', ordered: false, danish: 'indeholder ikke', symbol: '∌', builtIn: true },
      { name: 'decimalEqual', factTypes: ['decimal', 'number'], operand: 'decimal', ordered: true, danish: 'er lig med', symbol: '=', builtIn: false },
      { name: 'decimalNotEqual', factTypes: ['decimal', 'number'], operand: 'decimal', ordered: true, danish: 'er forskellig fra', symbol: '≠', builtIn: false },
      { name: 'decimalLessThan', factTypes: ['decimal', 'number'], operand: 'decimal', ordered: true, danish: 'er mindre end', symbol: '<', builtIn: false },
      { name: 'decimalLessThanInclusive', factTypes: ['decimal', 'number'], operand: 'decimal', ordered: true, danish: 'er højst', symbol: '≤', builtIn: false },
      { name: 'decimalGreaterThan', factTypes: ['decimal', 'number'], operand: 'decimal', ordered: true, danish: 'overstiger', symbol: '>', builtIn: false },
      { name: 'decimalGreaterThanInclusive', factTypes: ['decimal', 'number'], operand: 'decimal', ordered: true, danish: 'er mindst', symbol: '≥', builtIn: false },
    ] satisfies OperatorDefinition[]
  ).map((op) => [op.name, Object.freeze(op)] as const),
);

/** Every operator name, in a stable order. */
export const OPERATOR_NAMES: readonly string[] = [...OPERATORS.keys()];
