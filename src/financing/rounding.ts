/**
 * Controlled rounding of a table to whole øre.
 *
 * A budget table — funders by years, afdelinger by years, with their row and column
 * totals and sub-totals — is a flow network: money flows from the budget to the
 * years, from each year into the cells of that year, from the cells into the row
 * totals, and from those back to the budget. Each cell and each total is an edge whose
 * exact value is a (rational) number of øre, and every sum in the table is the
 * conservation of flow at a node.
 *
 * Rounding every edge to its floor or its ceiling while keeping every sum is then the
 * integral-flow problem: since the exact values are a feasible flow and every bound
 * (floor, ceiling) is an integer, an integral feasible flow exists (Ford–Fulkerson's
 * integrality theorem; for two-way tables this is Cox's controlled rounding, 1987).
 *
 * The method: start from each edge rounded to the nearest øre (half up), then, while a
 * node's in- and outflow differ, move one øre along the shortest chain (breadth-first,
 * in edge order) from a node with too much to a node with too little, only ever raising
 * an edge that is at its floor or lowering one that is at its ceiling. Each move fixes
 * one øre of imbalance and keeps every edge at its floor or ceiling, so the result is
 * exact to the øre, adds up everywhere, and no figure is ever more than one øre's
 * rounding from its exact value. Deterministic: the same input gives the same table.
 */
import { ceil, floor, type Rational } from './rational.js';

/** One edge of the network: a cell, a total or a sub-total, with its exact value in øre. */
export interface FlowEdge {
  readonly from: number;
  readonly to: number;
  /** The exact, non-negative value, in øre. */
  readonly value: Rational;
}

/** Danish explanation of the rounding method, for results and CLI output. */
export const AFRUNDING_FORKLARING =
  'Beløbene er afrundet til hele øre med kontrolleret afrunding: hvert beløb og hver række- og kolonnesum er den nøjagtige forholdsmæssige værdi rundet enten ned eller op til nærmeste hele øre, aldrig længere, og alle rækker og kolonner summerer præcist til deres totaler og til budgettet. Først rundes alt til nærmeste øre; hvor en sum så ikke passer, flyttes én øre ad gangen ad den korteste kæde af beløb mellem en sum, der er for stor, og en, der er for lille — kun mellem et beløbs værdi rundet ned og rundet op.';

/** Name of the method, for results. */
export const AFRUNDING_METODE = 'kontrolleret afrunding (heltallig strøm i et netværk; Cox 1987)';

/**
 * Rounds every edge of a balanced network to its floor or ceiling so that inflow equals
 * outflow at every node.
 *
 * @param nodeCount number of nodes; edges refer to nodes `0 … nodeCount-1`
 * @param edges the edges; their exact values must balance at every node
 * @returns the rounded value of each edge, in edge order
 * @throws Error if the exact values do not balance (a programming error)
 */
export function roundCirculation(nodeCount: number, edges: readonly FlowEdge[]): bigint[] {
  for (const e of edges) if (e.value.n < 0n) throw new Error('roundCirculation: negative edge value');
  const lo = edges.map((e) => floor(e.value));
  const hi = edges.map((e) => ceil(e.value));
  const x = edges.map((e, i) => {
    const f = lo[i] as bigint;
    const twiceRemainder = 2n * (e.value.n - f * e.value.d);
    return twiceRemainder >= e.value.d && twiceRemainder > 0n ? f + 1n : f;
  });

  // imbalance = inflow − outflow of the rounded values; exact values balance, so it is
  // small (less than the node's degree) and fits a Number
  const roundedImbalance = new Array<bigint>(nodeCount).fill(0n);
  const adjacency: { edge: number; forward: boolean }[][] = Array.from({ length: nodeCount }, () => []);
  edges.forEach((e, i) => {
    const v = x[i] as bigint;
    roundedImbalance[e.to] = (roundedImbalance[e.to] ?? 0n) + v;
    roundedImbalance[e.from] = (roundedImbalance[e.from] ?? 0n) - v;
    adjacency[e.from]?.push({ edge: i, forward: true });
    adjacency[e.to]?.push({ edge: i, forward: false });
  });
  const imbalance = roundedImbalance.map((b) => {
    if (b > BigInt(edges.length) || b < -BigInt(edges.length)) throw new Error('roundCirculation: exact values do not balance');
    return Number(b);
  });

  for (;;) {
    const source = imbalance.findIndex((b) => b > 0);
    if (source === -1) break;
    const path = shortestChain(source, imbalance, adjacency, edges, x, lo, hi);
    if (path === undefined) throw new Error('roundCirculation: no integral rounding found (exact values do not balance)');
    for (const step of path) x[step.edge] = (x[step.edge] as bigint) + (step.forward ? 1n : -1n);
    const last = path[path.length - 1];
    const end = last === undefined ? source : last.forward ? (edges[last.edge] as FlowEdge).to : (edges[last.edge] as FlowEdge).from;
    imbalance[source] = (imbalance[source] ?? 0) - 1;
    imbalance[end] = (imbalance[end] ?? 0) + 1;
  }
  if (imbalance.some((b) => b !== 0)) throw new Error('roundCirculation: exact values do not balance');
  return x;
}

interface Step {
  readonly edge: number;
  /** true: raise the edge by one øre (walked from its tail to its head); false: lower it. */
  readonly forward: boolean;
}

/** Breadth-first search from `source` to the nearest node with too little inflow. */
function shortestChain(
  source: number,
  imbalance: readonly number[],
  adjacency: readonly (readonly { edge: number; forward: boolean }[])[],
  edges: readonly FlowEdge[],
  x: readonly bigint[],
  lo: readonly bigint[],
  hi: readonly bigint[],
): Step[] | undefined {
  const via = new Map<number, { from: number; step: Step }>();
  const seen = new Set<number>([source]);
  const queue = [source];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] as number;
    if (u !== source && (imbalance[u] ?? 0) < 0) {
      const path: Step[] = [];
      for (let n = u; n !== source; ) {
        const v = via.get(n) as { from: number; step: Step };
        path.push(v.step);
        n = v.from;
      }
      return path.reverse();
    }
    for (const { edge, forward } of adjacency[u] ?? []) {
      const e = edges[edge] as FlowEdge;
      const value = x[edge] as bigint;
      const canMove = forward ? value < (hi[edge] as bigint) : value > (lo[edge] as bigint);
      const next = forward ? e.to : e.from;
      if (!canMove || seen.has(next)) continue;
      seen.add(next);
      via.set(next, { from: u, step: { edge, forward } });
      queue.push(next);
    }
  }
  return undefined;
}
