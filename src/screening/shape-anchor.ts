/**
 * Keeps the last result of each kind of screening (decision-only, explained) alive until
 * the next screening of that kind, so that the hidden classes of a screening's objects
 * outlive the batch that made them.
 *
 * V8's optimised code for the screening loop is specialised to the hidden classes
 * ("maps") of the objects it handles: the results, and the batch's facts, slot, decider
 * and note of missing figures. A map lives while some object has it. Once every result of
 * a batch has been let go, the next full garbage collection frees those maps, and V8
 * throws away every optimised function that relied on one (`--trace-deopt` shows about 18,
 * "for deoptimization, reason: weak objects"). The next screening then runs its first few
 * thousand afdelinger unoptimised while it optimises them again: 8,000 afdelinger took
 * 37-49 ms after two collections against 16-17 ms back to back (bench/screening.ts's
 * order). A service screening a batch per request, with collections between requests,
 * paid that on every request.
 *
 * One result of each kind keeps its maps and, through its batch, those of the batch's
 * objects. What that holds: one result, its batch (the compiled rule set, the options with
 * the status map it was given, and the arrays the batch reused) and the afdeling the result
 * screened, per kind, until the next screening of that kind replaces it — a few kilobytes
 * beside the rule set, which a service keeps anyway (a what-if sweep's derived rule sets:
 * the last one screened).
 */
import type { ScreeningResult } from './types.js';

let lastDecisionOnly: ScreeningResult | undefined;
let lastExplained: ScreeningResult | undefined;

/** Keeps `result` (the last of its screening) in place of the last one of its kind. */
export function anchorShapes(result: ScreeningResult, explained: boolean): void {
  if (explained) lastExplained = result;
  else lastDecisionOnly = result;
}

/** The results kept, for tests: what {@link anchorShapes} holds now. */
export function anchoredResults(): { readonly decisionOnly: ScreeningResult | undefined; readonly explained: ScreeningResult | undefined } {
  return { decisionOnly: lastDecisionOnly, explained: lastExplained };
}
