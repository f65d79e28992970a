/**
 * What the screening code reads from a screening rule set besides outcomes: which rules
 * are indicators and which are recommendations (by their event), the mål and
 * indsatsområder in each event's params (validated by the loader against
 * {@link screeningRules}), and which facts each rule reads.
 */
import { evaluateRuleSet } from '../engine/evaluate.js';
import type { CompiledRuleSet, ExplanationNode, FactExplanation } from '../engine/types.js';
import { type Indsatsomraade, indsatsomraadeList, type Maal, maalList } from './maal.js';
import { ANBEFALING_KINDS, type AnbefalingKind, screeningRules } from './rule-domain.js';

export { ANBEFALING_KINDS, type AnbefalingKind };

/** Danish names of the recommended kinds. */
export const ANBEFALING_NAVN: Readonly<Record<AnbefalingKind, string>> = Object.freeze({
  helhedsplan: 'boligsocial helhedsplan',
  'lokalt-udviklingsprojekt': 'lokalt udviklingsprojekt',
  'boligsocial-ejendomsfunktionaer': 'boligsocial ejendomsfunktionær',
  kontaktpersonordning: 'kontaktpersonordningen',
});

/** An indicator rule of the rule set. */
export interface IndikatorMeta {
  readonly ruleId: string;
  /** The rule's position in the rule set (and so in an evaluation's `rules`). */
  readonly ruleIndex: number;
  readonly id: string;
  readonly titel: string;
  readonly social: boolean;
  readonly maal: readonly (1 | 2 | 3 | 4)[];
  readonly indsatsomraader: readonly string[];
  /** The facts the rule reads, in the order its conditions name them. */
  readonly facts: readonly string[];
  /** `maal` and `indsatsomraader` resolved to their names (shared, frozen). */
  readonly maalListe: readonly Maal[];
  readonly indsatsomraadeListe: readonly Indsatsomraade[];
}

/** A recommendation rule of the rule set. */
export interface AnbefalingMeta {
  readonly ruleId: string;
  /** The rule's position in the rule set (and so in an evaluation's `rules`). */
  readonly ruleIndex: number;
  readonly kind: AnbefalingKind;
  readonly titel: string;
  readonly description?: string;
  readonly maal: readonly (1 | 2 | 3 | 4)[] | 'fra-indikatorer';
  readonly indsatsomraader: readonly string[] | 'fra-indikatorer';
  readonly facts: readonly string[];
  /** Fixed `maal` and `indsatsomraader` resolved to their names (shared, frozen); empty where they come from the indicators. */
  readonly maalListe: readonly Maal[];
  readonly indsatsomraadeListe: readonly Indsatsomraade[];
}

/** The screening view of a rule set. */
export interface ScreeningMeta {
  readonly indikatorer: readonly IndikatorMeta[];
  readonly anbefalinger: readonly AnbefalingMeta[];
  /** Fewer answers than this make utryghed unknown (parameter `minTryghedRespondenter`, default 1). */
  readonly minTryghedRespondenter: number;
}

const cache = new WeakMap<CompiledRuleSet, ScreeningMeta>();

/**
 * Reads the indicator and recommendation rules of a screening rule set (cached per rule set).
 * @throws BoligsocialError `unknown-rule-set` if the rule set was not loaded under {@link screeningRules}.
 */
export function screeningMeta(ruleSet: CompiledRuleSet): ScreeningMeta {
  const hit = cache.get(ruleSet);
  if (hit) return hit;
  // The explanation tree's shape does not depend on the facts: evaluate once without facts to see which facts each rule reads.
  const template = evaluateRuleSet(ruleSet, {});
  const factsOf = new Map(template.rules.map((r) => [r.id, leafFacts(r.explanation)]));
  const indikatorer: IndikatorMeta[] = [];
  const anbefalinger: AnbefalingMeta[] = [];
  for (const [ruleIndex, rule] of ruleSet.rules.entries()) {
    const facts = factsOf.get(rule.id) ?? [];
    const indikator = screeningRules.eventParams(ruleSet, rule, 'indikator');
    const anbefaling = screeningRules.eventParams(ruleSet, rule, 'anbefaling');
    if (indikator !== undefined) {
      const p = indikator;
      indikatorer.push(
        Object.freeze({
          ruleId: rule.id,
          ruleIndex,
          id: p.indikator,
          titel: rule.title,
          social: p.social,
          maal: p.maal,
          indsatsomraader: p.indsatsomraader,
          facts,
          maalListe: maalList(p.maal),
          indsatsomraadeListe: indsatsomraadeList(p.indsatsomraader),
        }),
      );
    } else if (anbefaling !== undefined) {
      const p = anbefaling;
      anbefalinger.push(
        Object.freeze({
          ruleId: rule.id,
          ruleIndex,
          kind: p.indsats,
          titel: rule.title,
          ...(rule.description !== undefined ? { description: rule.description } : {}),
          maal: p.maal,
          indsatsomraader: p.indsatsomraader,
          facts,
          maalListe: maalList(p.maal === 'fra-indikatorer' ? [] : p.maal),
          indsatsomraadeListe: indsatsomraadeList(p.indsatsomraader === 'fra-indikatorer' ? [] : p.indsatsomraader),
        }),
      );
    }
  }
  const meta: ScreeningMeta = Object.freeze({
    indikatorer: Object.freeze(indikatorer),
    anbefalinger: Object.freeze(anbefalinger),
    minTryghedRespondenter: screeningRules.parameter(ruleSet, 'minTryghedRespondenter') ?? 1,
  });
  cache.set(ruleSet, meta);
  return meta;
}

/** Every fact read in an explanation tree, first occurrence order. */
export function leafFacts(node: ExplanationNode): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (n: ExplanationNode) => {
    switch (n.kind) {
      case 'fact':
        if (!seen.has(n.fact)) {
          seen.add(n.fact);
          out.push(n.fact);
        }
        return;
      case 'all':
      case 'any':
      case 'atLeast':
        n.children.forEach(visit);
        return;
      case 'not':
        visit(n.child);
        return;
      case 'condition':
        if (n.child) visit(n.child);
        return;
    }
  };
  visit(node);
  return out;
}

/** Every fact leaf in an explanation tree (for showing figures and thresholds). */
export function leaves(node: ExplanationNode): FactExplanation[] {
  const out: FactExplanation[] = [];
  const visit = (n: ExplanationNode) => {
    if (n.kind === 'fact') out.push(n);
    else if (n.kind === 'not') visit(n.child);
    else if (n.kind === 'condition') {
      if (n.child) visit(n.child);
    } else n.children.forEach(visit);
  };
  visit(node);
  return out;
}
