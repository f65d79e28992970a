/**
 * A financing plan checked against its scheme, before any arithmetic: the plan's data
 * parsed (`input.ts`), the scheme in force, and what the schemas cannot see — the
 * period's length, a budget given exactly one way and for exactly the period's years,
 * the indsats kind, the funders and their shares, the afdelinger and the
 * fordelingsnøgle. Every problem is reported, in Danish, located by JSON pointer.
 */
import type { IsoDate } from '../engine/types.js';
import { type Diagnostic, type DiagnosticCode, diagnostic, fail, ok, type Result } from '../errors.js';
import { own } from '../domain/own.js';
import type { RuleRegistry } from '../rules/registry.js';
import { parseWith, planDataSchema } from './input.js';
import { lastAllowedDay, type Periode, withinMonths, yearsOfPeriod } from './periode.js';
import { compare, mul, type Rational, rational, rationalFromDecimal, sum, toFixed } from './rational.js';
import { type FinancingScheme, type ResolvedFunder, resolveFunders, resolveScheme } from './scheme.js';
import { type AfdelingInput, type AllocateOptions, type Fordelingsnoegle, NOEGLE_NAVN } from './types.js';

/** The budget in øre: a total over the period, or an amount for each calendar year of the period (first year first). */
export type PlanBudget = { readonly type: 'total'; readonly oere: bigint } | { readonly type: 'pr-aar'; readonly years: readonly { readonly aar: number; readonly oere: bigint }[] };

/** An afdeling of the plan with its exact value of the fordelingsnøgle. */
export interface PlanAfdeling {
  readonly afdeling: AfdelingInput;
  readonly keyValue: Rational;
}

/** A plan that can be allocated: every figure checked, amounts in øre, the key's values exact. */
export interface AllocationPlan {
  readonly scheme: FinancingScheme;
  readonly asOf: IsoDate;
  readonly periode: Periode;
  readonly budget: PlanBudget;
  readonly funders: readonly ResolvedFunder[];
  readonly afdelinger: readonly PlanAfdeling[];
  readonly key: Fordelingsnoegle;
  readonly disable: readonly string[];
}

/** Records a problem at a JSON pointer of the plan. */
type Report = (pointer: string, message: string, hint: string, code?: DiagnosticCode) => void;

/**
 * Checks a budget and the allocation options against the scheme they name in `rules`.
 * `file` is put on the diagnostics (for the CLI).
 *
 * @returns the plan, or every problem found: `input-invalid`, `share-sum`,
 *   `unknown-rule-set` or `no-rules-in-force`.
 */
export function validatePlan(budget: unknown, options: Omit<AllocateOptions, 'rules'>, rules: RuleRegistry, file?: string): Result<AllocationPlan> {
  const data = {
    budget,
    asOf: options.asOf,
    afdelinger: options.afdelinger,
    key: options.key,
    ...(options.funderShares !== undefined ? { funderShares: options.funderShares } : {}),
    ...(options.funders !== undefined ? { funders: options.funders } : {}),
    ...(options.indsatsKind !== undefined ? { indsatsKind: options.indsatsKind } : {}),
  };
  const parsed = parseWith(planDataSchema, data, file);
  if (!parsed.ok) return parsed;
  const plan = parsed.value;
  const resolvedScheme = resolveScheme(options.scheme, plan.asOf, rules, file);
  if (!resolvedScheme.ok) return resolvedScheme;
  const scheme = resolvedScheme.value;

  const errors: Diagnostic[] = [];
  const report: Report = (pointer, message, hint, code = 'input-invalid') =>
    errors.push(diagnostic({ code, severity: 'error', ...(file !== undefined ? { file } : {}), pointer, message, hint }));

  const periode: Periode = plan.budget.periode;
  const periodOk = checkPeriod(periode, scheme, report);
  const planBudget = budgetOf(plan.budget, periodOk, report);
  if (plan.indsatsKind !== undefined && !scheme.financing.indsatsKinds.includes(plan.indsatsKind)) {
    report('/indsatsKind', `ordningen "${scheme.info.id}" finansierer ikke indsatstypen "${plan.indsatsKind}"`, `Ordningen finansierer: ${scheme.financing.indsatsKinds.join(', ')}.`);
  }
  const resolved = resolveFunders(scheme, plan.funderShares, plan.funders, file);
  errors.push(...resolved.errors);
  const funders = resolved.funders;
  const afdelinger: readonly AfdelingInput[] = plan.afdelinger;
  checkUniqueIds(afdelinger, report);
  const keyValues = keyValuesOf(afdelinger, plan.key, report);
  if (funders.some((f) => f.afdelinger) && afdelinger.length === 0) {
    report('/afdelinger', 'ordningen fordeler en andel mellem afdelingerne, men planen har ingen afdelinger', 'Angiv de deltagende afdelinger med deres værdier for fordelingsnøglen.');
  }
  if (keyValues !== undefined && afdelinger.length > 0) checkKeySum(keyValues.map((a) => a.keyValue), plan.key, report);
  if (errors.length > 0 || planBudget === undefined || keyValues === undefined) return fail(errors);
  return ok({ scheme, asOf: plan.asOf, periode, budget: planBudget, funders, afdelinger: keyValues, key: plan.key, disable: options.disable ?? [] });
}

/** True if the period ends on or after its start and within the scheme's maximum duration. */
function checkPeriod(periode: Periode, scheme: FinancingScheme, report: Report): boolean {
  if (periode.to < periode.from) {
    report('/budget/periode/to', `periodens slutdato ${periode.to} ligger før startdatoen ${periode.from}`, 'Slutdatoen er periodens sidste dag og skal ligge på eller efter startdatoen.');
    return false;
  }
  const months = scheme.financing.maxDurationMonths;
  if (!withinMonths(periode, months)) {
    report(
      '/budget/periode/to',
      `perioden ${periode.from} – ${periode.to} er længere end ordningens maksimum på ${months} måneder`,
      `Med start ${periode.from} er den seneste slutdato ${lastAllowedDay(periode.from, months)} (ordningen ${scheme.info.id}).`,
    );
    return false;
  }
  return true;
}

/**
 * The budget in øre: a total, or an amount for exactly each calendar year of the period
 * (checked only for a period that is itself valid). Undefined when it is not usable.
 */
function budgetOf(budget: { readonly periode: Periode; readonly total?: string | undefined; readonly perAar?: Readonly<Record<string, string>> | undefined }, periodOk: boolean, report: Report): PlanBudget | undefined {
  const { total, perAar } = budget;
  if (total !== undefined && perAar !== undefined) {
    report('/budget', 'budgettet har både "total" og "perAar"', BUDGET_ONE_WAY);
    return undefined;
  }
  if (total !== undefined) return { type: 'total', oere: oereOf(total) };
  if (perAar === undefined) {
    report('/budget', 'budgettet mangler: angiv enten "total" eller "perAar"', BUDGET_ONE_WAY);
    return undefined;
  }
  if (!periodOk) return undefined;
  const years = yearsOfPeriod(budget.periode);
  const expected = years.map((y) => String(y.aar));
  const given = Object.keys(perAar).sort();
  const amounts = years.flatMap(({ aar }) => {
    const amount = own(perAar, String(aar));
    return amount === undefined ? [] : [{ aar, oere: oereOf(amount) }];
  });
  if (amounts.length !== expected.length || given.length !== expected.length) {
    report('/budget/perAar', `budgettet pr. år angiver årene ${given.join(', ') || 'ingen'}, men perioden dækker ${expected.join(', ')}`, `Angiv præcis ét beløb for hvert kalenderår i perioden: ${expected.join(', ')}.`);
    return undefined;
  }
  return { type: 'pr-aar', years: amounts };
}

const BUDGET_ONE_WAY = 'Angiv enten et samlet beløb for perioden ("total") eller et beløb pr. kalenderår ("perAar"), ikke begge.';

/** A checked amount in kroner ("1234.50") in øre. */
function oereOf(kroner: string): bigint {
  return mul(rationalFromDecimal(kroner), rational(100n)).n;
}

function checkUniqueIds(afdelinger: readonly AfdelingInput[], report: Report): void {
  const seen = new Map<string, number>();
  afdelinger.forEach((a, i) => {
    const first = seen.get(a.id);
    if (first !== undefined) report(`/afdelinger/${i}/id`, `afdeling "${a.id}" er angivet to gange (nr. ${first + 1} og nr. ${i + 1})`, 'Hver afdeling må kun stå én gang; slå rækkerne sammen.');
    else seen.set(a.id, i);
  });
}

/** Each afdeling with its exact value of the key; undefined (each one reported) when any afdeling lacks it. */
function keyValuesOf(afdelinger: readonly AfdelingInput[], key: Fordelingsnoegle, report: Report): PlanAfdeling[] | undefined {
  const values: PlanAfdeling[] = [];
  let missing = false;
  afdelinger.forEach((a, i) => {
    const v = a[key];
    if (v === undefined) {
      missing = true;
      report(`/afdelinger/${i}/${key}`, `afdeling "${a.id}" mangler ${NOEGLE_NAVN[key]}, som er fordelingsnøglen`, `Angiv "${key}" for afdelingen, eller vælg en anden fordelingsnøgle.`);
      return;
    }
    values.push({ afdeling: a, keyValue: typeof v === 'number' ? rational(BigInt(v)) : rationalFromDecimal(v) });
  });
  return missing ? undefined : values;
}

/** The key must be above 0 somewhere, and fixed shares must sum to exactly 1. */
function checkKeySum(keyValues: readonly Rational[], key: Fordelingsnoegle, report: Report): void {
  const keySum = sum(keyValues);
  if (keySum.n === 0n) {
    report('/afdelinger', `fordelingsnøglen (${NOEGLE_NAVN[key]}) er 0 for alle afdelinger`, 'Mindst én afdeling skal have en værdi over 0, ellers kan andelen ikke fordeles.');
  } else if (key === 'andel' && compare(keySum, rational(1n)) !== 0) {
    report('/afdelinger', `afdelingernes faste andele summerer til ${toFixed(keySum, 6)}, ikke præcis 1`, 'Ret andelene, så de tilsammen er 1.', 'share-sum');
  }
}
