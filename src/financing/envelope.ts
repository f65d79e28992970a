/** The envelope of a financing answer: the scheme and affordability rule sets, and the affordability verdicts per afdeling. */
import { envelopeOf, outcomesOf, type Envelope } from '../engine/envelope.js';
import type { IsoDate, RuleSetInfo } from '../engine/types.js';
import type { Betalingsevne } from './types.js';

/** The scheme's rule set first, then the affordability rule set when it was used; one outcome per afdeling and affordability rule. */
export function financingEnvelope(scheme: RuleSetInfo, betalingsevne: Betalingsevne, asOf: IsoDate): Envelope {
  const evaluations = betalingsevne.afdelinger.flatMap((a) => (a.evaluation === undefined ? [] : [{ id: a.id, evaluation: a.evaluation }]));
  return envelopeOf({
    ruleSets: [scheme, betalingsevne.ruleSet],
    asOf,
    outcomes: evaluations.flatMap(({ id, evaluation }) => outcomesOf(evaluation, id)),
    mangler: evaluations.flatMap(({ evaluation }) => evaluation.missingFacts),
    evaluations: evaluations.map(({ evaluation }) => evaluation),
  });
}
