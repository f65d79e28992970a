/**
 * The JSON answers of the commands, built from input already read: one builder for what
 * the CLI prints with `--format json` and what the decision service (`src/serve`) returns.
 */
export { classifyJson, forecastJson, historikFromRows, isGoodRow, rowsOfList, sortPrognoser, udfaldOf, udfaldOfRows } from './classify.js';
export type { InputRow } from './classify.js';
export { comparisonJson, describeChanges } from './compare.js';
export type { SideDescriptions } from './compare.js';
export { explainedPortfolioJson, portfolioJson } from './lifecycle.js';
export { screeningJson } from './screen.js';
