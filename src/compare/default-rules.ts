/**
 * The public what-if functions that read rules: each the domain core (which takes a
 * registry) with the package's shipped rules, and their domains, when none are given.
 * The one module of `src/compare/` that may load the shipped rules.
 */
import { rulesOrShipped, SHIPPED_DOMAINS } from '../shipped.js';
import { compareQuestionWith, type ResolvedSide, resolveSidesWith, type WhatIfSides } from './compare.js';
import { type Sensitivity, type SensitivityOptions, sensitivityOfWith } from './sensitivity.js';
import type { WhatIfComparison, WhatIfQuestion } from './types.js';
import type { Result } from '../errors.js';

/** Resolves both sides: default rules (the before side's, default the shipped rules), and every name to switch off checked against the question's rule sets. */
export function resolveSides(question: WhatIfQuestion, sides: WhatIfSides): { readonly before: ResolvedSide; readonly after: ResolvedSide } {
  return resolveSidesWith(rulesOrShipped(sides.before), question, sides);
}

/**
 * Asks `question` on both sides and lists every row for which any outcome differs, with
 * before and after, the named conditions that flipped (figures, thresholds and margins on
 * both sides) and, where no condition flipped, what differs in the rules the row used.
 * The before side's rules default to the package's shipped rules. The result is deeply frozen.
 *
 * @throws BoligsocialError `unknown-disable-id` when a side switches off a name no rule set of the question has.
 * @example
 * const lower = deriveRegistry(bundledRegistry(), [{ ruleSet: 'screening', parameter: 'maxFlyttefrekvensPct', value: '12' }]);
 * if (lower.ok) {
 *   const c = compareQuestion(screeningQuestion(afdelinger, { asOf: '2024-12-01' }), { after: { rules: lower.value } });
 *   c.aendrede.map((r) => r.id); // the afdelinger that get another answer
 * }
 */
export function compareQuestion(question: WhatIfQuestion, sides: WhatIfSides): WhatIfComparison {
  return compareQuestionWith(rulesOrShipped(sides.before), question, sides);
}

/**
 * Sweeps one parameter and reports, per value, the rows per outcome, and per row the
 * values at which it flips (exact where the parameter meets a figure), nearest first.
 * The rules default to the package's shipped rules, the domains to {@link SHIPPED_DOMAINS}.
 *
 * @throws BoligsocialError `unknown-disable-id` when `disable` names nothing the question's rules know.
 * @example
 * const s = sensitivityOf(classificationQuestion(rows), { parameter: { ruleSet: 'classification', parameter: 'maxUdenArbejdePct' }, from: 35, to: 50, step: 0.5 });
 * if (s.ok) s.value.raekker[0]?.vendinger[0]; // the area nearest to changing list, and where
 */
export function sensitivityOf(question: WhatIfQuestion, options: SensitivityOptions): Result<Sensitivity> {
  return sensitivityOfWith(rulesOrShipped(options), options.domains ?? SHIPPED_DOMAINS, question, options);
}
