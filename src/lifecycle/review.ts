/**
 * The portfolio view: every indsats's state, the decisions due within a horizon, and
 * those whose stop parameters point to ending, sorted by urgency.
 */
import { diagnostic, type Diagnostic, type DiagnosticCode } from '../errors.js';
import type { RuleRegistry } from '../rules/registry.js';
import { assessIndsatsWith, type AnbefalingKind, type IndsatsAssessment } from './assess.js';
import type { Indsats, StopParameterId } from './schema.js';
import { LifecycleEventError, TILSTAND_NAVN } from './state.js';
import { requireList, requireObject } from '../domain/guard.js';
import { indsatsShapeProblems } from './parse.js';
import { concurrentHelhedsplaner } from './overlap.js';

/** One indsats in the portfolio view. */
export interface IndsatsReview {
  readonly indsats: Indsats;
  readonly assessment: IndsatsAssessment;
  /** The stop parameters assessed as opfyldt (pointing to ending). */
  readonly stopPegerMod: readonly StopParameterId[];
  /** Days to the earliest decision due (negative when overdue); null when none is due within the horizon. */
  readonly dageTilNaesteFrist: number | null;
}

/** The portfolio view on one date. */
export interface PortfolioReview {
  readonly asOf: string;
  readonly horizonMonths: number;
  /** Most urgent first. */
  readonly indsatser: readonly IndsatsReview[];
  /** Indsatser that could not be assessed (an event rule broken, a duplicate id), with the reason. */
  readonly fejl: readonly Diagnostic[];
}

const RANK: Readonly<Record<AnbefalingKind, number>> = { afslut: 0, 'forbered-ny-helhedsplan': 1, 'forbered-afslutning': 2, fortsaet: 3 };

function compare(a: IndsatsReview, b: IndsatsReview): number {
  const ended = (r: IndsatsReview) => (r.assessment.status.tilstand === 'afsluttet' ? 1 : 0);
  if (ended(a) !== ended(b)) return ended(a) - ended(b);
  const days = (r: IndsatsReview) => r.dageTilNaesteFrist ?? Number.POSITIVE_INFINITY;
  if (days(a) !== days(b)) return days(a) < days(b) ? -1 : 1;
  const rank = (r: IndsatsReview) => (r.assessment.anbefaling ? RANK[r.assessment.anbefaling.anbefaling] : 4);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return a.indsats.id < b.indsats.id ? -1 : a.indsats.id > b.indsats.id ? 1 : 0;
}

/** Warnings where consecutive indsatser are not linked both ways (efterfoelger ↔ forgaenger) within the portfolio. */
function successorLinks(reviews: readonly IndsatsReview[], asOf: string): Diagnostic[] {
  const byId = new Map(reviews.map((r) => [r.indsats.id, r]));
  const out: Diagnostic[] = [];
  const warn = (id: string, message: string, hint: string) => out.push(diagnostic({ code: 'input-invalid', severity: 'warning', message, hint, id }));
  for (const r of reviews) {
    const succ = r.assessment.status.efterfoelger;
    if (succ !== null) {
      const next = byId.get(succ);
      if (next === undefined) warn(r.indsats.id, `Efterfølgeren "${succ}" findes ikke blandt indsatserne`, 'Tilføj efterfølgeren, eller ret id\'et i efterfoelger-hændelsen.');
      else if (next.indsats.forgaenger !== r.indsats.id) warn(succ, `"${succ}" er efterfølger til "${r.indsats.id}", men angiver ${next.indsats.forgaenger ? `"${next.indsats.forgaenger}"` : 'ingen'} som forgænger`, 'Sæt "forgaenger" på efterfølgeren.');
    }
    const prev = r.indsats.forgaenger;
    if (prev !== undefined) {
      const before = byId.get(prev);
      if (before !== undefined && before.assessment.status.efterfoelger !== r.indsats.id && r.assessment.status.tilstand !== 'under-forberedelse') {
        warn(prev, `"${prev}" er forgænger til "${r.indsats.id}", men har pr. ${asOf} ingen efterfoelger-hændelse, der peger på den`, 'Registrér en efterfoelger-hændelse på forgængeren.');
      }
    }
  }
  return out;
}

/**
 * The codes of what the review finds about how the portfolio is run (a start requirement
 * broken, two helhedsplaner at once), as opposed to an indsats that cannot be read or
 * assessed. The benchmark, which only measures progress, leaves them to `lifecycle`.
 */
export const PORTFOLIO_FINDINGS: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['start-requirement', 'concurrent-indsats']);

/**
 * One diagnostic per start requirement an indsats broke although it started: an error
 * while it runs (it counts in the CLI's exit code), a warning once it has ended.
 */
function brokenStartRequirements({ indsats, assessment }: IndsatsReview): Diagnostic[] {
  const running = assessment.status.tilstand === 'i-gang' || assessment.status.tilstand === 'under-afslutning';
  return assessment.startkravBrudt.map((ruleId) => {
    const p = assessment.start.find((s) => s.id === ruleId);
    const evidens = p === undefined || p.evidens.length === 0 ? '' : ` (${p.evidens.join('; ')})`;
    return diagnostic({
      code: 'start-requirement',
      severity: running ? 'error' : 'warning',
      id: indsats.id,
      message: `Indsatsen "${indsats.id}" er ${TILSTAND_NAVN[assessment.status.tilstand]}, men startkravet "${p?.titel ?? ruleId}" (regel "${ruleId}") var ikke opfyldt ved starten${evidens}`,
      hint: running ? 'Ret indsatsen, så kravet holder (fx varigheden i bevillingen), eller registrér beslutningen om afslutning.' : 'Indsatsen er afsluttet; kontrollér hændelserne, hvis kravet faktisk var opfyldt.',
    });
  });
}

/** Options of {@link reviewIndsatser}. */
export interface ReviewOptions {
  readonly asOf: string;
  /** Months ahead that a decision counts as due (default 12). */
  readonly horizonMonths?: number;
  /** The rules to use; default the package's shipped rules. */
  readonly rules?: RuleRegistry;
  /** Conditions or rules of the lifecycle rule set to switch off (they count as not met). */
  readonly disable?: readonly string[];
}

/**
 * {@link reviewIndsatser} under the rules given (the domain core: `options.rules` is not
 * read, and nothing is loaded from disk).
 */
export function reviewIndsatserWith(rules: RuleRegistry, indsatser: readonly Indsats[], options: ReviewOptions): PortfolioReview {
  requireList(indsatser, { da: 'indsatserne', en: 'indsatser' });
  requireObject(options, { da: 'indstillingerne (options)', en: 'options' });
  const horizonMonths = options.horizonMonths ?? 12;
  const out: IndsatsReview[] = [];
  const fejl: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const indsats of indsatser) {
    // one bad indsats is reported, the others still reviewed
    const problems = indsatsShapeProblems(indsats);
    if (problems.length > 0) {
      fejl.push(...problems);
      continue;
    }
    if (seen.has(indsats.id)) {
      fejl.push(diagnostic({ code: 'input-invalid', severity: 'error', message: `Indsatsen "${indsats.id}" findes flere gange`, hint: 'Giv hver indsats et entydigt id.', id: indsats.id }));
      continue;
    }
    seen.add(indsats.id);
    try {
      const assessment = assessIndsatsWith(rules, indsats, { asOf: options.asOf, horizonMonths, ...(options.disable !== undefined ? { disable: options.disable } : {}) });
      const first = assessment.frister[0];
      out.push(
        Object.freeze({
          indsats,
          assessment,
          stopPegerMod: Object.freeze(assessment.stop.filter((s) => s.resultat === 'opfyldt').map((s) => s.parameter)),
          dageTilNaesteFrist: first === undefined ? null : first.dageTil,
        }),
      );
    } catch (e) {
      if (e instanceof LifecycleEventError) fejl.push(...e.diagnostics);
      else throw e;
    }
  }
  fejl.push(...successorLinks(out, options.asOf), ...out.flatMap(brokenStartRequirements), ...concurrentHelhedsplaner(out));
  out.sort(compare);
  return Object.freeze({ asOf: options.asOf, horizonMonths, indsatser: Object.freeze(out), fejl: Object.freeze(fejl) });
}
