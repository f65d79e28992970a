/** Facts that financing rules may name. */
import type { FactDefinition } from '../fact-types.js';

/** The financing fact catalogue. */
export const financingFacts: readonly FactDefinition[] = [];
