/**
 * Splitting a budget by funder, by calendar year and, for the afdelinger's share, by
 * afdeling — exact to the øre, adding up both ways, with every figure its exact
 * proportional value rounded down or up to the øre (see `rounding.ts`).
 *
 * The public financing functions — the one module of `src/financing/` that may load the
 * shipped rules: they take the package's bundled rules unless the options name
 * other rules, and leave the work to the domain core (`allocation.ts`), which takes a
 * registry and never reads the disk.
 */
import { requireObject } from '../domain/guard.js';
import { BoligsocialError, type Result } from '../errors.js';
import { rulesOrShipped } from '../shipped.js';
import { tryAllocateFinancingWith } from './allocation.js';
import type { AllocateOptions, BudgetInput, FinancingAllocation } from './types.js';

/**
 * Splits a budget between the funders of a financing scheme, by calendar year and, for
 * the share the afdelinger pay, between the afdelinger by a fordelingsnøgle; and tells
 * each afdeling what it pays per lejemål per year now and if it paid everything.
 *
 * A total budget is split between calendar years in proportion to the period's days in
 * each year; a per-year budget is used as given. Every amount is exact to the øre,
 * every table adds up across and down and to the budget, and every figure is its exact
 * proportional value rounded down or up to the øre, never further.
 *
 * @throws BoligsocialError `input-invalid` (or `share-sum`, `unknown-rule-set`, `no-rules-in-force`)
 *   carrying Danish diagnostics located by JSON pointer, when the input does not validate.
 * @example
 * const a = allocateFinancing(
 *   { periode: { from: '2024-03-01', to: '2028-02-29' }, total: '12000000.00' },
 *   { scheme: 'financing-helhedsplan-lbf-2019-2026', asOf: '2024-03-01', key: 'lejemaal',
 *     afdelinger: [{ id: 'a', lejemaal: 480 }, { id: 'b', lejemaal: 720 }] },
 * );
 * a.funders[0].total; // "9000000.00" (Landsbyggefonden, 75 %)
 */
export function allocateFinancing(budget: BudgetInput, options: AllocateOptions): FinancingAllocation {
  const result = tryAllocateFinancing(budget, options);
  if (!result.ok) {
    const first = result.errors[0];
    throw new BoligsocialError(first?.code ?? 'input-invalid', `financing input does not validate: ${result.errors.map((e) => `${e.pointer ?? ''} ${e.message}`).join('; ')}`, result.errors);
  }
  return result.value;
}

/**
 * Like {@link allocateFinancing}, but returns every problem with the input as
 * diagnostics instead of throwing. `file` is put on the diagnostics (for the CLI).
 */
export function tryAllocateFinancing(budget: unknown, options: AllocateOptions, file?: string): Result<FinancingAllocation> {
  requireObject(options, { da: 'indstillingerne (options)', en: 'options' });
  return tryAllocateFinancingWith(rulesOrShipped(options), budget, options, file);
}
