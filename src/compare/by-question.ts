/**
 * One typed what-if function per question, for services: the question's input and
 * options as its own function takes them, and the two sides.
 */
import type { BatchOptions } from '../classification/batch.js';
import type { Indsats } from '../lifecycle/schema.js';
import type { WhatIfSides } from './compare.js';
import { compareQuestion } from './default-rules.js';
import { classificationQuestion, forecastQuestion, type ForecastQuestionOptions } from './questions/classification.js';
import { financingQuestion, type FinancingQuestionOptions } from './questions/financing.js';
import { lifecycleQuestion, type LifecycleQuestionOptions } from './questions/lifecycle.js';
import { screeningQuestion, type ScreeningQuestionOptions } from './questions/screening.js';
import type { WhatIfComparison } from './types.js';

/**
 * The afdelinger whose screening differs between two rule versions.
 * @example
 * compareScreening(afdelinger, { asOf: '2025-01-01' }, { before: { rules: today }, after: { rules: fromJanuary } }).aendrede
 */
export function compareScreening(afdelinger: readonly unknown[], options: ScreeningQuestionOptions, sides: WhatIfSides): WhatIfComparison {
  return compareQuestion(screeningQuestion(afdelinger, options), sides);
}

/**
 * The boligområder (per list) whose classification differs between two rule versions.
 * @example
 * compareClassification(rows, {}, { after: { disable: ['ikke-vestlige'] } }).aendrede.map((r) => `${r.id} ${r.listedato}`)
 */
export function compareClassification(rows: readonly unknown[], options: Omit<BatchOptions, 'rules'>, sides: WhatIfSides): WhatIfComparison {
  return compareQuestion(classificationQuestion(rows, options), sides);
}

/** The forecast boligområder whose categories differ between two rule versions. */
export function compareForecast(afdelinger: readonly unknown[], options: ForecastQuestionOptions, sides: WhatIfSides): WhatIfComparison {
  return compareQuestion(forecastQuestion(afdelinger, options), sides);
}

/** The indsatser whose state, start or stop parameters, recommendation or decisions due differ between two rule versions. */
export function compareLifecycle(indsatser: readonly Indsats[], options: LifecycleQuestionOptions, sides: WhatIfSides): WhatIfComparison {
  return compareQuestion(lifecycleQuestion(indsatser, options), sides);
}

/** The financing rows (funders, afdelinger's parts, affordability) whose amounts or verdicts differ between two rule versions. */
export function compareFinancing(budget: unknown, options: FinancingQuestionOptions, sides: WhatIfSides): WhatIfComparison {
  return compareQuestion(financingQuestion(budget, options), sides);
}
