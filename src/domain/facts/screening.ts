/** Facts that screening rules may name. */
import type { FactDefinition } from '../fact-types.js';

/** The screening fact catalogue. */
export const screeningFacts: readonly FactDefinition[] = [];
