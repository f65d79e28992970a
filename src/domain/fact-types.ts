/**
 * Types of the fact catalogue: every fact a rule may name, with its type, unit and
 * Danish description.
 */
import type { Ratio } from './ratio.js';

/** The package's own rule-set domains; each declares its facts, events and parameters to the loader (`src/shipped.ts`). */
export const DOMAINS = ['classification', 'screening', 'lifecycle', 'financing'] as const;

/** A rule-set domain: which question the rule set answers, and so which facts it may name. */
export type Domain = (typeof DOMAINS)[number];

/**
 * The type of a fact's value.
 *
 * - `number`: a JSON number (counts, months, grades); compared with the built-in operators.
 * - `decimal`: an exact decimal (shares, ratios, money) given as a decimal string or number;
 *   compared with the `decimal…` operators, never as a float.
 * - `boolean`, `string`, `date` (`YYYY-MM-DD` string).
 * - `string[]`: a list of strings (for `contains`/`doesNotContain`).
 * - `object`: a JSON object read with `path` (a JSON pointer).
 */
export type FactType = 'number' | 'decimal' | 'boolean' | 'string' | 'date' | 'string[]' | 'object';

/** One fact a rule may name. */
export interface FactDefinition {
  /** The name rules use (`fact` in a condition). ASCII, camelCase, Danish domain nouns. */
  readonly name: string;
  readonly type: FactType;
  /** Unit, in Danish ("pct.", "personer", "kr. pr. m² pr. år", "antal"). */
  readonly unit: string;
  /** What the fact is, in Danish. */
  readonly description: string;
}

/**
 * A value a fact may hold at evaluation time. `undefined` and `null` mean missing
 * (unknown). A `decimal` fact may also be an exact {@link Ratio} (a share of counts).
 */
export type FactValue = number | string | boolean | Ratio | readonly string[] | { readonly [key: string]: unknown };

/** The facts given to an evaluation: fact name → value; absent, `undefined` or `null` = unknown. */
export type Facts = { readonly [name: string]: FactValue | null | undefined };
