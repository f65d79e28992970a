/**
 * The tables of an allocation as one flow network (see `rounding.ts`): the budget flows
 * to the calendar years, each year into its cell of every funder's row, and each row to
 * the funder's total and back to the budget. For a funder whose share is split between
 * the afdelinger, its cell of a year is a sub-total that flows on into the afdelinger's
 * cells of that year, and those into each afdeling's row total, which flow to the
 * funder's total. Every sum of every table is a node; every figure an edge with its
 * exact value in øre.
 */
import { type FlowArc, FlowNetwork } from './flow-network.js';
import { mul, type Rational, rational } from './rational.js';
import type { ResolvedFunder } from './scheme.js';

/** One calendar year of the budget with its exact amount in øre. */
export interface ExactYear {
  readonly aar: number;
  readonly oere: Rational;
}

/** An afdeling with its exact share of the fordelingsnøgle. */
export interface KeyedAfdeling<A> {
  readonly afdeling: A;
  readonly id: string;
  readonly keyShare: Rational;
}

/** One afdeling's row of a funder's afdeling × year table. */
export interface AfdelingArcs<A> {
  readonly keyed: KeyedAfdeling<A>;
  readonly total: FlowArc;
  /** Aligned with the years. */
  readonly perYear: readonly FlowArc[];
}

/** One funder's row of the funder × year table, and its afdeling table when its share is split. */
export interface FunderArcs<A> {
  readonly funder: ResolvedFunder;
  readonly total: FlowArc;
  /** Aligned with the years. */
  readonly perYear: readonly FlowArc[];
  /** The afdeling × year table of a funder whose share the afdelinger split. */
  readonly afdelinger?: readonly AfdelingArcs<A>[];
}

/** The network of an allocation's tables, with the edges of every figure. */
export interface BudgetNetwork<A> {
  readonly network: FlowNetwork;
  /** The year totals, aligned with the years. */
  readonly yearTotals: readonly FlowArc[];
  readonly funders: readonly FunderArcs<A>[];
}

/**
 * Builds the network of a budget of `budgetOere` øre, `years` (their amounts summing to
 * it), split between `funders` (shares summing to 1) and, for the funders that split, the
 * afdelinger by their key shares (summing to 1). The order in which nodes and edges are
 * added decides which chain a rounding øre takes, and is kept so that the same plan
 * always gives the same table.
 */
export function budgetNetwork<A>(budgetOere: bigint, years: readonly ExactYear[], funders: readonly ResolvedFunder[], afdelinger: readonly KeyedAfdeling<A>[]): BudgetNetwork<A> {
  const network = new FlowNetwork();
  const budgetIn = network.node('budget');
  const budgetOut = network.node('budget (retur)');
  const budget = rational(budgetOere);
  network.arc(budgetOut, budgetIn, budget);
  const yearNodes = years.map((year) => ({ year, node: network.node(`år ${year.aar}`) }));
  const yearTotals = yearNodes.map(({ year, node }) => network.arc(budgetIn, node, year.oere));

  const funderArcs = funders.map((funder): FunderArcs<A> => {
    const funderNode = network.node(`kilde ${funder.id}`);
    const total = network.arc(funderNode, budgetOut, mul(budget, funder.share));
    if (!funder.afdelinger || afdelinger.length === 0) {
      return { funder, total, perYear: yearNodes.map(({ year, node }) => network.arc(node, funderNode, mul(year.oere, funder.share))) };
    }
    const subTotals = yearNodes.map(({ year, node }) => ({ year, from: node, node: network.node(`kilde ${funder.id}, år ${year.aar}`) }));
    const perYear = subTotals.map(({ year, from, node }) => network.arc(from, node, mul(year.oere, funder.share)));
    const rows = afdelinger.map((keyed) => ({ keyed, node: network.node(`kilde ${funder.id}, afdeling ${keyed.id}`) }));
    // every row's total first, then the rows' cells: the order of the edges
    const withTotals = rows.map((row) => ({ ...row, total: network.arc(row.node, funderNode, mul(mul(budget, funder.share), row.keyed.keyShare)) }));
    const afdelingArcs = withTotals.map(({ keyed, node, total: rowTotal }): AfdelingArcs<A> => ({
      keyed,
      total: rowTotal,
      perYear: subTotals.map((sub) => network.arc(sub.node, node, mul(mul(sub.year.oere, funder.share), keyed.keyShare))),
    }));
    return { funder, total, perYear, afdelinger: afdelingArcs };
  });
  return { network, yearTotals, funders: funderArcs };
}
