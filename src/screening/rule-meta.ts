/**
 * What the screening code reads from a screening rule set besides outcomes: which rules
 * are indicators and which are recommendations (by their event), the mål and
 * indsatsområder in each event's params, and which facts each rule reads.
 */
import { z } from 'zod';
import { evaluateRuleSet } from '../engine/evaluate.js';
import type { CompiledRuleSet, ExplanationNode, FactExplanation } from '../engine/types.js';
import { BoligsocialError, diagnostic } from '../errors.js';
import { INDSATSOMRAADER, type Indsatsomraade, indsatsomraadeList, type Maal, maalList } from './maal.js';
import { safeParseDanish } from '../domain/parse.js';

/** The kinds of indsats the screening recommends (the three project kinds and the permanent kontaktpersonordning). */
export const ANBEFALING_KINDS = ['helhedsplan', 'lokalt-udviklingsprojekt', 'boligsocial-ejendomsfunktionaer', 'kontaktpersonordning'] as const;

/** A recommended kind of indsats. */
export type AnbefalingKind = (typeof ANBEFALING_KINDS)[number];

/** Danish names of the recommended kinds. */
export const ANBEFALING_NAVN: Readonly<Record<AnbefalingKind, string>> = Object.freeze({
  helhedsplan: 'boligsocial helhedsplan',
  'lokalt-udviklingsprojekt': 'lokalt udviklingsprojekt',
  'boligsocial-ejendomsfunktionaer': 'boligsocial ejendomsfunktionær',
  kontaktpersonordning: 'kontaktpersonordningen',
});

const maalNr = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const omraade = z.enum(INDSATSOMRAADER);
const indikatorParams = z.object({ indikator: z.string().min(1), social: z.boolean(), maal: z.array(maalNr), indsatsomraader: z.array(omraade) });
const anbefalingParams = z.object({
  indsats: z.enum(ANBEFALING_KINDS),
  maal: z.union([z.array(maalNr), z.literal('fra-indikatorer')]),
  indsatsomraader: z.union([z.array(omraade), z.literal('fra-indikatorer')]),
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
 * @throws BoligsocialError `schema` if an `indikator` or `anbefaling` event has malformed params.
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
    if (rule.event.type === 'indikator') {
      const p = parse(indikatorParams, rule.event.params, ruleSet, rule.id);
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
    } else if (rule.event.type === 'anbefaling') {
      const p = parse(anbefalingParams, rule.event.params, ruleSet, rule.id);
      anbefalinger.push(
        Object.freeze({
          ruleId: rule.id,
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
  const minParam = ruleSet.parameters['minTryghedRespondenter']?.value;
  const meta: ScreeningMeta = Object.freeze({
    indikatorer: Object.freeze(indikatorer),
    anbefalinger: Object.freeze(anbefalinger),
    minTryghedRespondenter: typeof minParam === 'number' ? minParam : 1,
  });
  cache.set(ruleSet, meta);
  return meta;
}

function parse<T>(schema: z.ZodType<T>, params: unknown, ruleSet: CompiledRuleSet, ruleId: string): T {
  const r = safeParseDanish(schema, params ?? {});
  if (r.success) return r.data;
  const where = r.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
  throw new BoligsocialError('schema', `screening rule ${ruleId} in ${ruleSet.info.id} ${ruleSet.info.version} has malformed event params: ${where}`, [
    diagnostic({
      code: 'schema',
      severity: 'error',
      ...(ruleSet.info.file !== undefined ? { file: ruleSet.info.file } : {}),
      message: `reglen ${ruleId} har ugyldige event.params: ${where}`,
      hint: 'En indikator-regel skal have indikator, social, maal og indsatsomraader; en anbefaling skal have indsats, maal og indsatsomraader.',
    }),
  ]);
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
