/**
 * The domain core of an allocation: a plan checked against the rules it is given
 * (`allocation-input.ts`), its tables built as one exact flow network
 * (`budget-network.ts`) and rounded to the øre (`rounding.ts`), the afdelinger's
 * affordability assessed (`affordability.ts`), and the result explained and put in the
 * envelope every answer carries. It never reads the disk: the rules come from the caller.
 */
import { withEnvelope } from '../engine/envelope.js';
import { ok, type Result } from '../errors.js';
import type { RuleRegistry } from '../rules/registry.js';
import { assessAffordability } from './affordability.js';
import { type AllocationPlan, validatePlan } from './allocation-input.js';
import { budgetNetwork, type ExactYear, type KeyedAfdeling } from './budget-network.js';
import { financingEnvelope } from './envelope.js';
import type { FlowArc } from './flow-network.js';
import { fordelingForklaring } from './format.js';
import { type AarsAndel, daysOfPeriod, yearsOfPeriod } from './periode.js';
import { mul, oereToKroner, rational, sum, toFixed } from './rational.js';
import { AFRUNDING_FORKLARING, AFRUNDING_METODE } from './rounding.js';
import type { AfdelingInput, AfdelingsTabel, AllocateOptions, FinancingAllocation, FunderRow } from './types.js';

/**
 * Allocates a budget with the given rules: the domain core of `allocateFinancing`, which
 * supplies the package's bundled rules when the options name none (`options.rules` is
 * not read here). `file` is put on the diagnostics (for the CLI).
 *
 * @returns the allocation, or every problem with the input as Danish diagnostics.
 */
export function tryAllocateFinancingWith(rules: RuleRegistry, budget: unknown, options: Omit<AllocateOptions, 'rules'>, file?: string): Result<FinancingAllocation> {
  const plan = validatePlan(budget, options, rules, file);
  if (!plan.ok) return plan;
  return ok(allocationOf(plan.value, rules));
}

/** The exact tables of a checked plan, rounded, with affordability and explanation. */
function allocationOf(plan: AllocationPlan, rules: RuleRegistry): FinancingAllocation {
  const { scheme, periode, funders } = plan;
  const years = yearsOfPeriod(periode);
  const budgetOere = plan.budget.type === 'total' ? plan.budget.oere : plan.budget.years.reduce((a, y) => a + y.oere, 0n);
  const exactYears = exactYearsOf(plan, years);
  const keyed = keyedAfdelinger(plan);
  const net = budgetNetwork(budgetOere, exactYears, funders, keyed);
  const flow = net.network.round();
  const kr = (arc: FlowArc) => oereToKroner(flow.oere(arc));

  const funderRows = net.funders.map(({ funder: f, total, perYear }): FunderRow =>
    Object.freeze({
      id: f.id,
      navn: f.navn,
      share: f.shareText,
      lokal: f.lokal,
      afdelinger: f.afdelinger,
      ...(f.description !== undefined ? { description: f.description } : {}),
      perAar: Object.freeze(perYear.map(kr)),
      total: kr(total),
    }),
  );
  const tables = net.funders.flatMap(({ funder: f, total, perYear, afdelinger }): AfdelingsTabel[] => {
    if (afdelinger === undefined) return [];
    const rows = afdelinger.map((row) =>
      Object.freeze({
        id: row.keyed.afdeling.id,
        navn: row.keyed.afdeling.navn ?? row.keyed.afdeling.id,
        noegleVaerdi: String(row.keyed.afdeling[plan.key]),
        andel: toFixed(row.keyed.keyShare, 6),
        perAar: Object.freeze(row.perYear.map(kr)),
        total: kr(row.total),
      }),
    );
    return [Object.freeze({ funder: f.id, navn: f.navn, rows: Object.freeze(rows), aarTotaler: Object.freeze(perYear.map(kr)), total: kr(total) })];
  });

  // what each afdeling pays now: its rows in every table split between afdelinger
  const paidNow = new Map<KeyedAfdeling<AfdelingInput>, bigint>();
  for (const f of net.funders) for (const row of f.afdelinger ?? []) paidNow.set(row.keyed, (paidNow.get(row.keyed) ?? 0n) + flow.oere(row.total));
  const betalingsevne = assessAffordability({
    asOf: plan.asOf,
    periode,
    budgetOere,
    afdelinger: plan.afdelinger.map((a) => a.afdeling),
    keyShares: keyed.map((k) => k.keyShare),
    paidNowOere: keyed.map((k) => paidNow.get(k) ?? 0n),
    rules,
    disable: plan.disable,
  });

  const answer = {
    scheme: scheme.info,
    schemeSources: scheme.sources,
    schemeNotes: scheme.notes,
    maxDurationMonths: scheme.financing.maxDurationMonths,
    asOf: plan.asOf,
    periode: Object.freeze({ from: periode.from, to: periode.to }),
    aar: Object.freeze(years.map((y) => y.aar)),
    dagePrAar: Object.freeze(years.map((y) => y.dage)),
    budgetType: plan.budget.type,
    budget: oereToKroner(budgetOere),
    noegle: plan.key,
    funders: Object.freeze(funderRows),
    aarTotaler: Object.freeze(net.yearTotals.map(kr)),
    afdelingsfordeling: Object.freeze(tables),
    betalingsevne,
    afrunding: Object.freeze({ metode: AFRUNDING_METODE, forklaring: AFRUNDING_FORKLARING }),
    forklaring: Object.freeze(
      fordelingForklaring({
        scheme: scheme.info,
        funders: plan.funders.map((f) => ({ navn: f.navn, share: f.shareText })),
        budget: oereToKroner(budgetOere),
        budgetType: plan.budget.type,
        periode,
        noegle: plan.key,
        // the afdelinger's key shares, in percent to four decimals, when their part is split between them
        noeglefordeling: tables.length === 0 ? undefined : keyed.map((k) => ({ navn: k.afdeling.navn ?? k.id, noegleVaerdi: String(k.afdeling[plan.key]), procent: toFixed(mul(k.keyShare, rational(100n)), 4) })),
      }),
    ),
  };
  return withEnvelope(answer, financingEnvelope(scheme.info, betalingsevne, plan.asOf), { hideEvaluations: true });
}

/** Each calendar year's exact amount: as given per year, or the total by the period's days in the year. */
function exactYearsOf(plan: AllocationPlan, years: readonly AarsAndel[]): ExactYear[] {
  const { budget } = plan;
  if (budget.type === 'pr-aar') return budget.years.map((y) => ({ aar: y.aar, oere: rational(y.oere) }));
  const days = BigInt(daysOfPeriod(plan.periode));
  return years.map((y) => ({ aar: y.aar, oere: rational(budget.oere * BigInt(y.dage), days) }));
}

/** The afdelinger with their exact shares of the key (all 0 when the key sums to 0). */
function keyedAfdelinger(plan: AllocationPlan): KeyedAfdeling<AfdelingInput>[] {
  const keySum = sum(plan.afdelinger.map((a) => a.keyValue));
  const perUnit = keySum.n === 0n ? rational(0n) : rational(keySum.d, keySum.n);
  return plan.afdelinger.map(({ afdeling, keyValue }) => ({ afdeling, id: afdeling.id, keyShare: mul(keyValue, perUnit) }));
}

