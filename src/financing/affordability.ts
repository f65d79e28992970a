/**
 * Affordability — stop parameter 5 of fsb's strategy: when the external financing
 * (now 87,5 % of a helhedsplan) stops, can the afdeling carry the indsats alone, or is
 * it "en for høj økonomisk udgift"? Per afdeling: the cost per lejemål per year and as
 * a percentage of the yearly rent, now and if the afdelinger paid 100 %, compared with
 * the fsb-policy thresholds in the affordability rule file.
 */
import type { CompiledRuleSet, EvaluateOptions, Evaluation, IsoDate, Truth } from '../engine/types.js';
import { decideRuleSet, evaluateRuleSet } from '../engine/evaluate.js';
import { BoligsocialError } from '../errors.js';
import type { RuleRegistry } from '../rules/registry.js';
import { lengthInYears, type Periode } from './periode.js';
import { div, mul, oereToKroner, type Rational, rational, rationalFromDecimal, toFixed } from './rational.js';
import { FlowNetwork } from './flow-network.js';
import type { AfdelingBetalingsevne, AfdelingInput, Betalingsevne, Udgift } from './types.js';
import { betalingsevneForklaring } from './format.js';
import { requireFields } from '../domain/guard.js';

import { AFFORDABILITY_RULE_SET, FOR_HOEJ_UDGIFT_RULE } from './rule-domain.js';

export { AFFORDABILITY_RULE_SET, FOR_HOEJ_UDGIFT_RULE };

/** What {@link assessAffordability} needs: the allocation's figures for the afdelinger. */
export interface AffordabilityInput {
  readonly asOf: IsoDate;
  readonly periode: Periode;
  /** The whole budget, in øre. */
  readonly budgetOere: bigint;
  readonly afdelinger: readonly AfdelingInput[];
  /** Each afdeling's exact share of the fordelingsnøgle (summing to 1). */
  readonly keyShares: readonly Rational[];
  /** What each afdeling pays now over the period, in øre (from the allocation). */
  readonly paidNowOere: readonly bigint[];
  readonly rules: RuleRegistry;
  /** Conditions or rules of the affordability rules to switch off. */
  readonly disable?: readonly string[];
}

/**
 * Each afdeling's cost now and if the afdelinger carried the whole budget (split by the
 * same fordelingsnøgle, rounded to the øre so the parts add up to the budget), per year
 * and per lejemål per year, as a share of the yearly rent, and whether that is "en for
 * høj økonomisk udgift" by the affordability rules in force on `asOf`.
 */
export function assessAffordability(input: AffordabilityInput): Betalingsevne {
  requireFields(input, { da: 'inputtet til betalingsevnen', en: 'input' }, { asOf: 'string', periode: 'object', budgetOere: 'bigint', afdelinger: 'list', keyShares: 'list', paidNowOere: 'list', rules: 'object' });
  const years = lengthInYears(input.periode);
  const rs = affordabilityRuleSet(input.rules, input.asOf);
  const full = splitWhole(input.budgetOere, input.keyShares);
  const afdelinger = input.afdelinger.map((a, i) => {
    const disable = input.disable !== undefined && input.disable.length > 0 ? { disable: input.disable } : {};
    const nu = udgift(input.paidNowOere[i] ?? 0n, years, a, rs, false, disable);
    const uden = udgift(full[i] ?? 0n, years, a, rs, true, disable);
    return Object.freeze({
      id: a.id,
      navn: a.navn ?? a.id,
      ...(a.lejemaal !== undefined ? { lejemaal: a.lejemaal } : {}),
      ...(a.aarligHusleje !== undefined ? { aarligHusleje: a.aarligHusleje } : {}),
      nu: nu.udgift,
      udenEksternFinansiering: uden.udgift,
      ...(uden.evaluation !== undefined ? { evaluation: uden.evaluation } : {}),
      forklaring: betalingsevneForklaring(a.navn ?? a.id, nu.udgift, uden.udgift, rs === undefined ? undefined : Object.values(rs.parameters)),
    } satisfies AfdelingBetalingsevne);
  });
  return Object.freeze({
    ...(rs !== undefined ? { ruleSet: rs.info } : {}),
    graenser: Object.freeze(
      rs === undefined
        ? []
        : Object.values(rs.parameters).map((p) =>
            Object.freeze({ parameter: p.name, value: String(p.value), unit: p.unit, description: p.description, ...(p.status !== undefined ? { status: p.status } : {}) }),
          ),
    ),
    periodeAar: toFixed(years, 4),
    afdelinger: Object.freeze(afdelinger),
  });
}

function affordabilityRuleSet(rules: RuleRegistry, asOf: IsoDate): CompiledRuleSet | undefined {
  try {
    return rules.inForce(AFFORDABILITY_RULE_SET, asOf);
  } catch (error) {
    if (error instanceof BoligsocialError && (error.code === 'unknown-rule-set' || error.code === 'no-rules-in-force')) return undefined;
    throw error;
  }
}

/** The whole budget split by the key, rounded to the øre so that the parts add up to it. */
function splitWhole(budgetOere: bigint, keyShares: readonly Rational[]): bigint[] {
  if (keyShares.length === 0) return [];
  const network = new FlowNetwork();
  const budget = network.node('budget');
  const budgetBack = network.node('budget (retur)');
  const parts = keyShares.map((keyShare, i) => ({ keyShare, node: network.node(`afdeling ${i + 1}`) }));
  network.arc(budgetBack, budget, rational(budgetOere));
  const arcs = parts.map(({ keyShare, node }) => {
    const value = mul(rational(budgetOere), keyShare);
    const part = network.arc(budget, node, value);
    network.arc(node, budgetBack, value);
    return part;
  });
  const flow = network.round();
  return arcs.map((arc) => flow.oere(arc));
}

function udgift(
  oere: bigint,
  years: Rational,
  a: AfdelingInput,
  rs: CompiledRuleSet | undefined,
  explain: boolean,
  options: EvaluateOptions,
): { udgift: Udgift; evaluation?: Evaluation } {
  const perYear = div(rational(oere, 100n), years);
  const prLejemaal = a.lejemaal !== undefined && a.lejemaal > 0 ? toFixed(div(perYear, rational(BigInt(a.lejemaal))), 2) : undefined;
  const husleje = a.aarligHusleje !== undefined ? rationalFromDecimal(a.aarligHusleje) : undefined;
  const pct = husleje !== undefined && husleje.n > 0n ? toFixed(mul(div(perYear, husleje), rational(100n)), 2) : undefined;
  let forHoejUdgift: Truth = null;
  let evaluation: Evaluation | undefined;
  if (rs !== undefined) {
    const facts = { udgiftPrLejemaalPrAar: prLejemaal, udgiftPctAfHusleje: pct };
    if (explain) {
      evaluation = evaluateRuleSet(rs, facts, options);
      forHoejUdgift = evaluation.outcomes[FOR_HOEJ_UDGIFT_RULE] ?? null;
    } else forHoejUdgift = decideRuleSet(rs, facts, options).outcomes[FOR_HOEJ_UDGIFT_RULE] ?? null;
  }
  return {
    udgift: Object.freeze({
      samlet: oereToKroner(oere),
      prAar: toFixed(perYear, 2),
      ...(prLejemaal !== undefined ? { prLejemaalPrAar: prLejemaal } : {}),
      ...(pct !== undefined ? { pctAfHusleje: pct } : {}),
      forHoejUdgift,
    }),
    ...(evaluation !== undefined ? { evaluation } : {}),
  };
}


/** The facts stop parameter 5 of the lifecycle rules reads, from an allocation's affordability. */
export interface StopParameter5Facts {
  /**
   * The highest cost per lejemål per year among the afdelinger if they paid 100 %, to
   * the øre; absent when no afdeling has lejemål.
   */
  readonly udgiftPrLejemaalPrAar?: string;
  /** True if continuing at 100 % is too costly for at least one afdeling; null if unknown for some and true for none. */
  readonly forHoejUdgift: Truth;
}

/**
 * Summarises affordability for the lifecycle's stop parameter 5 (`udgiftPrLejemaalPrAar`,
 * `forHoejUdgift`): too costly if it is for any participating afdeling (three-valued "any").
 * @example
 * stopParameter5Facts(allocateFinancing(budget, options).betalingsevne);
 * // { udgiftPrLejemaalPrAar: '2500.00', forHoejUdgift: true }
 */
export function stopParameter5Facts(betalingsevne: Betalingsevne): StopParameter5Facts {
  const uden = betalingsevne.afdelinger.map((a) => a.udenEksternFinansiering);
  const outcomes = uden.map((u) => u.forHoejUdgift);
  const forHoejUdgift: Truth = outcomes.includes(true) ? true : outcomes.includes(null) || outcomes.length === 0 ? null : false;
  let highest: Rational | undefined;
  let highestText: string | undefined;
  for (const u of uden) {
    if (u.prLejemaalPrAar === undefined) continue;
    const v = rationalFromDecimal(u.prLejemaalPrAar);
    if (highest === undefined || v.n * highest.d > highest.n * v.d) {
      highest = v;
      highestText = u.prLejemaalPrAar;
    }
  }
  return Object.freeze({ ...(highestText !== undefined ? { udgiftPrLejemaalPrAar: highestText } : {}), forHoejUdgift });
}
