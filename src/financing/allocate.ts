/**
 * Splitting a budget by funder, by calendar year and, for the afdelinger's share, by
 * afdeling — exact to the øre, adding up both ways, with every figure its exact
 * proportional value rounded down or up to the øre (see `rounding.ts`).
 */
import { Decimal } from '../domain/decimal.js';
import type { CompiledRuleSet, FinancingSection } from '../engine/types.js';
import { BoligsocialError, type Diagnostic, diagnostic, fail, ok, type Result } from '../errors.js';
import { formatDato, formatKroner, formatProcent, formatTal } from '../format/danish.js';
import { bundledRegistry } from '../shipped.js';
import { assessAffordability } from './affordability.js';
import { parseWith, planDataSchema } from './input.js';
import { daysOfPeriod, lastAllowedDay, type Periode, withinMonths, yearsOfPeriod } from './periode.js';
import { compare, mul, oereToKroner, type Rational, rational, rationalFromDecimal, sum, toFixed } from './rational.js';
import { AFRUNDING_FORKLARING, AFRUNDING_METODE, type FlowEdge, roundCirculation } from './rounding.js';
import { type ResolvedFunder, resolveFunders, resolveScheme } from './scheme.js';
import { withEnvelope } from '../engine/envelope.js';
import { financingEnvelope } from './envelope.js';
import { type AfdelingInput, type AllocateOptions, type BudgetInput, type FinancingAllocation, type Fordelingsnoegle, NOEGLE_NAVN } from './types.js';
import { requireObject } from '../domain/guard.js';

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
  if (!parsed.ok) return fail(parsed.errors);
  const plan = parsed.value;
  const rules = options.rules ?? bundledRegistry();
  const scheme = resolveScheme(options.scheme, plan.asOf, rules, file);
  if (!scheme.ok) return fail(scheme.errors);
  const rs = scheme.value;

  const at = (pointer: string) => ({ ...(file !== undefined ? { file } : {}), pointer });
  const errors: Diagnostic[] = [];
  const err = (pointer: string, message: string, hint: string, code: Diagnostic['code'] = 'input-invalid') =>
    errors.push(diagnostic({ code, severity: 'error', ...at(pointer), message, hint }));

  // the period and the budget
  const periode: Periode = plan.budget.periode;
  let periodOk = true;
  if (periode.to < periode.from) {
    periodOk = false;
    err('/budget/periode/to', `periodens slutdato ${periode.to} ligger før startdatoen ${periode.from}`, 'Slutdatoen er periodens sidste dag og skal ligge på eller efter startdatoen.');
  } else if (!withinMonths(periode, rs.financing.maxDurationMonths)) {
    periodOk = false;
    err(
      '/budget/periode/to',
      `perioden ${periode.from} – ${periode.to} er længere end ordningens maksimum på ${rs.financing.maxDurationMonths} måneder`,
      `Med start ${periode.from} er den seneste slutdato ${lastAllowedDay(periode.from, rs.financing.maxDurationMonths)} (ordningen ${rs.info.id}).`,
    );
  }
  const years = periodOk ? yearsOfPeriod(periode) : [];
  const total = plan.budget.total as string | undefined;
  const perAar = plan.budget.perAar as Readonly<Record<string, string>> | undefined;
  if ((total === undefined) === (perAar === undefined)) {
    err('/budget', total === undefined ? 'budgettet mangler: angiv enten "total" eller "perAar"' : 'budgettet har både "total" og "perAar"', 'Angiv enten et samlet beløb for perioden ("total") eller et beløb pr. kalenderår ("perAar"), ikke begge.');
  } else if (perAar !== undefined && periodOk) {
    const expected = years.map((y) => String(y.aar));
    const given = Object.keys(perAar).sort();
    if (expected.join() !== given.join()) {
      err('/budget/perAar', `budgettet pr. år angiver årene ${given.join(', ') || 'ingen'}, men perioden dækker ${expected.join(', ')}`, `Angiv præcis ét beløb for hvert kalenderår i perioden: ${expected.join(', ')}.`);
    }
  }

  // the indsats kind
  if (plan.indsatsKind !== undefined && !rs.financing.indsatsKinds.includes(plan.indsatsKind)) {
    err('/indsatsKind', `ordningen "${rs.info.id}" finansierer ikke indsatstypen "${plan.indsatsKind}"`, `Ordningen finansierer: ${rs.financing.indsatsKinds.join(', ')}.`);
  }

  // the funders
  const resolved = resolveFunders(rs, plan.funderShares as Record<string, string> | undefined, plan.funders as AllocateOptions['funders'], file);
  errors.push(...resolved.errors);
  const funders = resolved.funders;

  // the afdelinger and the key
  const afdelinger = plan.afdelinger as readonly AfdelingInput[];
  const seen = new Map<string, number>();
  afdelinger.forEach((a, i) => {
    const first = seen.get(a.id);
    if (first !== undefined) err(`/afdelinger/${i}/id`, `afdeling "${a.id}" er angivet to gange (nr. ${first + 1} og nr. ${i + 1})`, 'Hver afdeling må kun stå én gang; slå rækkerne sammen.');
    else seen.set(a.id, i);
  });
  const keyValues = keyValuesOf(afdelinger, plan.key, err);
  if (funders.some((f) => f.afdelinger) && afdelinger.length === 0) {
    err('/afdelinger', 'ordningen fordeler en andel mellem afdelingerne, men planen har ingen afdelinger', 'Angiv de deltagende afdelinger med deres værdier for fordelingsnøglen.');
  }
  if (keyValues !== undefined && afdelinger.length > 0) {
    const keySum = sum(keyValues);
    if (keySum.n === 0n) {
      err('/afdelinger', `fordelingsnøglen (${NOEGLE_NAVN[plan.key]}) er 0 for alle afdelinger`, 'Mindst én afdeling skal have en værdi over 0, ellers kan andelen ikke fordeles.');
    } else if (plan.key === 'andel' && compare(keySum, rational(1n)) !== 0) {
      err('/afdelinger', `afdelingernes faste andele summerer til ${toFixed(keySum, 6)}, ikke præcis 1`, 'Ret andelene, så de tilsammen er 1.', 'share-sum');
    }
  }
  if (errors.length > 0) return fail(errors);

  const budgetOere =
    total !== undefined
      ? undefined
      : years.map((y) => mul(rationalFromDecimal((perAar as Record<string, string>)[String(y.aar)] as string), rational(100n)).n);
  const allocation = computeAllocation({
    rs,
    asOf: plan.asOf,
    periode,
    totalOere: total !== undefined ? mul(rationalFromDecimal(total), rational(100n)).n : undefined,
    perAarOere: budgetOere,
    funders,
    afdelinger,
    key: plan.key,
    keyValues: keyValues ?? [],
    rules,
    disable: options.disable ?? [],
  });
  return ok(allocation);
}

function keyValuesOf(
  afdelinger: readonly AfdelingInput[],
  key: Fordelingsnoegle,
  err: (pointer: string, message: string, hint: string) => void,
): Rational[] | undefined {
  const values: Rational[] = [];
  let missing = false;
  afdelinger.forEach((a, i) => {
    const v = a[key];
    if (v === undefined) {
      missing = true;
      err(`/afdelinger/${i}/${key}`, `afdeling "${a.id}" mangler ${NOEGLE_NAVN[key]}, som er fordelingsnøglen`, `Angiv "${key}" for afdelingen, eller vælg en anden fordelingsnøgle.`);
      return;
    }
    values.push(typeof v === 'number' ? rational(BigInt(v)) : rationalFromDecimal(v));
  });
  return missing ? undefined : values;
}

interface ComputeInput {
  readonly rs: CompiledRuleSet & { financing: FinancingSection };
  readonly asOf: string;
  readonly periode: Periode;
  readonly totalOere: bigint | undefined;
  readonly perAarOere: bigint[] | undefined;
  readonly funders: readonly ResolvedFunder[];
  readonly afdelinger: readonly AfdelingInput[];
  readonly key: Fordelingsnoegle;
  readonly keyValues: readonly Rational[];
  readonly rules: import('../rules/registry.js').RuleRegistry;
  readonly disable: readonly string[];
}

/** The exact network of the tables and its controlled rounding. */
function computeAllocation(input: ComputeInput): FinancingAllocation {
  const { rs, periode, funders, afdelinger, keyValues } = input;
  const years = yearsOfPeriod(periode);
  const days = daysOfPeriod(periode);
  const yearExact: Rational[] =
    input.perAarOere !== undefined
      ? input.perAarOere.map((v) => rational(v))
      : years.map((y) => rational((input.totalOere as bigint) * BigInt(y.dage), BigInt(days)));
  const T = input.perAarOere !== undefined ? input.perAarOere.reduce((a, b) => a + b, 0n) : (input.totalOere as bigint);
  const keySum = sum(keyValues);
  const keyShares = keySum.n === 0n ? keyValues.map(() => rational(0n)) : keyValues.map((v) => mul(v, rational(keySum.d, keySum.n)));

  // nodes: 0 = budget (source), 1 = budget (sink); then years, funders, and for funders
  // split between afdelinger a sub-total per year and a row per afdeling
  const edges: FlowEdge[] = [];
  let nodes = 2;
  const node = () => nodes++;
  const edge = (from: number, to: number, value: Rational) => edges.push({ from, to, value }) - 1;
  const S = 0;
  const Tn = 1;
  edge(Tn, S, rational(T));
  const yearNodes = years.map(() => node());
  const yearEdges = yearNodes.map((n, j) => edge(S, n, yearExact[j] as Rational));
  const funderEdges: number[] = [];
  const cellEdges: number[][] = [];
  const afdTotalEdges = new Map<number, number[]>();
  const afdCellEdges = new Map<number, number[][]>();
  funders.forEach((f, fi) => {
    const fn = node();
    funderEdges.push(edge(fn, Tn, mul(rational(T), f.share)));
    if (!f.afdelinger || afdelinger.length === 0) {
      cellEdges.push(yearNodes.map((yn, j) => edge(yn, fn, mul(yearExact[j] as Rational, f.share))));
      return;
    }
    const subNodes = yearNodes.map(() => node());
    cellEdges.push(yearNodes.map((yn, j) => edge(yn, subNodes[j] as number, mul(yearExact[j] as Rational, f.share))));
    const afdNodes = afdelinger.map(() => node());
    afdTotalEdges.set(fi, afdNodes.map((an, a) => edge(an, fn, mul(mul(rational(T), f.share), keyShares[a] as Rational))));
    afdCellEdges.set(
      fi,
      afdNodes.map((an, a) => subNodes.map((sn, j) => edge(sn, an, mul(mul(yearExact[j] as Rational, f.share), keyShares[a] as Rational)))),
    );
  });
  const rounded = roundCirculation(nodes, edges);
  const kr = (e: number) => oereToKroner(rounded[e] as bigint);

  const funderRows = funders.map((f, fi) =>
    Object.freeze({
      id: f.id,
      navn: f.navn,
      share: f.shareText,
      lokal: f.lokal,
      afdelinger: f.afdelinger,
      ...(f.description !== undefined ? { description: f.description } : {}),
      perAar: Object.freeze((cellEdges[fi] as number[]).map(kr)),
      total: kr(funderEdges[fi] as number),
    }),
  );
  const tables = funders.flatMap((f, fi) => {
    const totals = afdTotalEdges.get(fi);
    const cells = afdCellEdges.get(fi);
    if (totals === undefined || cells === undefined) return [];
    return [
      Object.freeze({
        funder: f.id,
        navn: f.navn,
        rows: Object.freeze(
          afdelinger.map((a, ai) =>
            Object.freeze({
              id: a.id,
              navn: a.navn ?? a.id,
              noegleVaerdi: String(a[input.key]),
              andel: toFixed(keyShares[ai] as Rational, 6),
              perAar: Object.freeze((cells[ai] as number[]).map(kr)),
              total: kr(totals[ai] as number),
            }),
          ),
        ),
        aarTotaler: Object.freeze((cellEdges[fi] as number[]).map(kr)),
        total: kr(funderEdges[fi] as number),
      }),
    ];
  });

  // what each afdeling pays now: its rows in every table split between afdelinger
  const paidNow = afdelinger.map((_, ai) => {
    let oere = 0n;
    for (const totals of afdTotalEdges.values()) oere += rounded[totals[ai] as number] as bigint;
    return oere;
  });
  const betalingsevne = assessAffordability({
    asOf: input.asOf,
    periode,
    budgetOere: T,
    afdelinger,
    keyShares,
    paidNowOere: paidNow,
    rules: input.rules,
    disable: input.disable,
  });

  const forklaring = [
    `Ordningen "${rs.info.title}" (${rs.info.id}, version ${rs.info.version}) fordeler budgettet: ${funders.map((f) => `${f.navn} ${andelSomProcent(f.shareText)}`).join(', ')}.`,
    input.perAarOere !== undefined
      ? `Budgettet på ${formatKroner(oereToKroner(T))} er angivet pr. kalenderår og bruges som angivet.`
      : `Budgettet på ${formatKroner(oereToKroner(T))} for perioden ${formatDato(periode.from)} – ${formatDato(periode.to)} er fordelt på kalenderår efter periodens dage i hvert år: ${years.map((y) => `${y.aar}: ${formatTal(y.dage)} af ${formatTal(days)} dage`).join(', ')}.`,
    ...(tables.length > 0 ? [`Afdelingernes andel er fordelt mellem afdelingerne efter ${NOEGLE_NAVN[input.key]}: ${afdelinger.map((a, ai) => `${a.navn ?? a.id} ${formatTal(String(a[input.key]))} (${formatProcent(toFixed(mul(keyShares[ai] as Rational, rational(100n)), 4), 2)})`).join(', ')}.`] : []),
    AFRUNDING_FORKLARING,
  ];

  const answer = {
    scheme: rs.info,
    schemeSources: rs.sources,
    schemeNotes: rs.notes,
    maxDurationMonths: rs.financing.maxDurationMonths,
    asOf: input.asOf,
    periode: Object.freeze({ from: periode.from, to: periode.to }),
    aar: Object.freeze(years.map((y) => y.aar)),
    dagePrAar: Object.freeze(years.map((y) => y.dage)),
    budgetType: input.perAarOere !== undefined ? ('pr-aar' as const) : ('total' as const),
    budget: oereToKroner(T),
    noegle: input.key,
    funders: Object.freeze(funderRows),
    aarTotaler: Object.freeze(yearEdges.map(kr)),
    afdelingsfordeling: Object.freeze(tables),
    betalingsevne,
    afrunding: Object.freeze({ metode: AFRUNDING_METODE, forklaring: AFRUNDING_FORKLARING }),
    forklaring: Object.freeze(forklaring),
  };
  return withEnvelope(answer, financingEnvelope(rs.info, betalingsevne, input.asOf), { hideEvaluations: true });
}

/** A share ("0.125") as a Danish percentage with as many decimals as it needs ("12,5 %"). */
export function andelSomProcent(share: string): string {
  return `${formatTal(new Decimal(share).times(100))} %`;
}
