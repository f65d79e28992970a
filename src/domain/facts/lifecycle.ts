/** Facts that lifecycle rules may name. */
import type { FactDefinition } from '../fact-types.js';

/** The lifecycle fact catalogue. */
export const lifecycleFacts: readonly FactDefinition[] = [];
