/** Financing: the public surface of `src/financing/`. */
export { allocateFinancing, tryAllocateFinancing } from './default-rules.js';
export { tryAllocateFinancingWith } from './allocation.js';
export { AFFORDABILITY_RULE_SET, FOR_HOEJ_UDGIFT_RULE, assessAffordability, stopParameter5Facts } from './affordability.js';
export type { AffordabilityInput, StopParameter5Facts } from './affordability.js';
export { andelSomProcent, formatAffordabilityExplanations, formatFinancingCsv, formatFinancingTable } from './format.js';
export { formatFinancingHtml } from './html.js';
export { afdelingInputSchema, budgetSchema, funderInputSchema, parseWith, planAllocation, planDataSchema, planFileSchema } from './input.js';
export type { PlanFile } from './input.js';
export { daysOfPeriod, lengthInYears, yearsOfPeriod } from './periode.js';
export type { AarsAndel, Periode } from './periode.js';
export { AFRUNDING_FORKLARING, AFRUNDING_METODE, roundCirculation } from './rounding.js';
export type { FlowEdge } from './rounding.js';
export { FORDELINGSNOEGLER, NOEGLE_NAVN } from './types.js';
export type {
  AfdelingBetalingsevne,
  AfdelingInput,
  AfdelingRow,
  AfdelingsTabel,
  AllocateOptions,
  Betalingsevne,
  BudgetInput,
  FinancingAllocation,
  Fordelingsnoegle,
  FunderInput,
  FunderRow,
  Udgift,
} from './types.js';
export { financingPlanJsonSchema } from './json-schema.js';
