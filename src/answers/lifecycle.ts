/** The JSON answer of `lifecycle`: what the CLI prints with `--format json` and what the decision service returns. */
import { formatIndsatsExplanation, type PortfolioReview } from '../lifecycle/index.js';
import { envelopeJson } from '../format/envelope.js';

/** The portfolio review as JSON: each indsats's state, deadlines, start and stop parameters, recommendation and envelope, then the problems. */
export function portfolioJson(review: PortfolioReview): { asOf: string; horizonMonths: number; indsatser: unknown[]; fejl: unknown } {
  return {
    asOf: review.asOf,
    horizonMonths: review.horizonMonths,
    indsatser: review.indsatser.map((r) => {
      const a = r.assessment;
      return {
        id: r.indsats.id,
        navn: r.indsats.navn,
        kind: r.indsats.kind,
        tilstand: a.status.tilstand,
        siden: a.status.siden,
        deadlines: a.deadlines,
        kanStarte: a.kanStarte,
        startkravBrudt: a.startkravBrudt,
        start: a.start,
        metoder: a.metoder,
        stop: a.stop,
        stopPegerMod: r.stopPegerMod,
        anbefaling: a.anbefaling,
        frister: a.frister,
        efterfoelger: a.status.efterfoelger,
        facts: a.facts.facts,
        missingFacts: a.evaluation.missingFacts,
        ...envelopeJson(a),
      };
    }),
    fejl: review.fejl,
  };
}

/** The portfolio review of one indsats as JSON, with its explanation in Danish (`lifecycle --explain <id> --format json`). */
export function explainedPortfolioJson(review: PortfolioReview): unknown {
  const first = review.indsatser[0];
  return { ...portfolioJson(review), explanation: first ? formatIndsatsExplanation(first.indsats, first.assessment) : null };
}
