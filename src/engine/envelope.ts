/**
 * The one envelope every answer carries, whichever of the four questions it answers:
 * which rule files it used (with their content hashes), the date it was given for, the
 * package version, each rule's three-valued outcome, what was missing, and the explained
 * evaluations. A decision logged by another service can be reproduced from these fields.
 */
import { PACKAGE_VERSION } from '../version.js';
import type { Evaluation, IsoDate, RuleSetInfo, Truth } from './types.js';

/** The outcome of one rule in an answer. */
export interface RuleOutcome {
  /** The id of the rule set the rule belongs to. */
  readonly ruleSet: string;
  readonly ruleId: string;
  /** true, false or null (unknown). */
  readonly outcome: Truth;
  /** Whom the outcome is about, when one answer decides the same rule for several (financing: the afdeling's id). */
  readonly subject?: string;
}

/** The fields every domain's result carries. */
export interface Envelope {
  /** Every rule file the answer used, the deciding one first, each with its content hash. */
  readonly ruleSets: readonly RuleSetInfo[];
  /** The date the answer was given for (for a classification: the list's date). */
  readonly asOf: IsoDate;
  /** The version of this package that gave the answer. */
  readonly packageVersion: string;
  /** Each rule's outcome, in rule-file order. */
  readonly outcomes: readonly RuleOutcome[];
  /** What was missing behind an unknown outcome, sorted and without repeats. */
  readonly mangler: readonly string[];
  /** The explained evaluations behind the outcomes (empty in a decision-only answer). */
  readonly evaluations: readonly Evaluation[];
}

/** What a domain hands to {@link envelopeOf}. */
export interface EnvelopeParts {
  readonly ruleSets: readonly (RuleSetInfo | undefined)[];
  readonly asOf: IsoDate;
  readonly outcomes: readonly RuleOutcome[];
  readonly mangler: readonly string[];
  readonly evaluations: readonly Evaluation[];
}

/**
 * Builds a frozen envelope: rule sets without repeats (same id and version) in first-use
 * order, `mangler` sorted and without repeats.
 */
export function envelopeOf(parts: EnvelopeParts): Envelope {
  const seen = new Set<string>();
  const ruleSets: RuleSetInfo[] = [];
  for (const info of parts.ruleSets) {
    if (info === undefined) continue;
    const key = `${info.id}\u0000${info.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ruleSets.push(info);
  }
  return Object.freeze({
    ruleSets: Object.freeze(ruleSets),
    asOf: parts.asOf,
    packageVersion: PACKAGE_VERSION,
    outcomes: Object.freeze(parts.outcomes.map((o) => Object.freeze({ ...o }))),
    mangler: Object.freeze([...new Set(parts.mangler)].sort()),
    evaluations: Object.freeze([...parts.evaluations]),
  });
}

/** The outcomes of an evaluation, in rule-file order, optionally about one subject. */
export function outcomesOf(evaluation: Evaluation, subject?: string): RuleOutcome[] {
  return evaluation.rules.map((r) =>
    subject === undefined ? { ruleSet: evaluation.ruleSet.id, ruleId: r.id, outcome: r.outcome } : { ruleSet: evaluation.ruleSet.id, ruleId: r.id, outcome: r.outcome, subject },
  );
}

/**
 * Returns `answer` with the envelope's fields added after its own, frozen (shallowly: the
 * parts are frozen already). With `hideEvaluations`, `evaluations` is not enumerable, so
 * JSON of the answer does not repeat trees that it already holds elsewhere.
 */
export function withEnvelope<T extends object>(answer: T, envelope: Envelope, options: { readonly hideEvaluations: boolean }): Readonly<T & Envelope> {
  const { evaluations, ...visible } = envelope;
  const result: Record<string, unknown> = Object.assign<Record<string, unknown>, T>({}, answer);
  for (const [key, value] of Object.entries(visible)) if (!Object.hasOwn(result, key)) result[key] = value;
  Object.defineProperty(result, 'evaluations', { value: evaluations, enumerable: !options.hideEvaluations, writable: false, configurable: false });
  return Object.freeze(result) as Readonly<T & Envelope>;
}
