/** Facts that classification rules may name. */
import type { FactDefinition } from '../fact-types.js';

/** The classification fact catalogue. */
export const classificationFacts: readonly FactDefinition[] = [];
