/**
 * A flow network whose edges carry exact values in øre, rounded to whole øre by
 * controlled rounding (see `rounding.ts`): every edge to its floor or its ceiling, every
 * node still balanced. Nodes and edges are handles of the network that made them, so a
 * table is built and read by names (`budget`, `year`, `funderTotal`), never by numbers.
 */
import type { Rational } from './rational.js';
import { type FlowEdge, roundCirculation } from './rounding.js';

/** A node: a sum of the table (the budget, a year, a funder, an afdeling's row). */
export interface FlowNode {
  /** What the node stands for, for messages ("år 2024", "kilde lbf"). */
  readonly label: string;
  readonly network: FlowNetwork;
  readonly index: number;
}

/** An edge: one figure of the table (a cell, a total or a sub-total) from one sum into another. */
export interface FlowArc {
  readonly network: FlowNetwork;
  readonly index: number;
  readonly from: FlowNode;
  readonly to: FlowNode;
  /** The exact value, in øre. */
  readonly exact: Rational;
}

/**
 * A network being built: {@link FlowNetwork.node} and {@link FlowNetwork.arc} add to it
 * (node and edge order decide which chain a rounding øre takes, so the same building
 * order gives the same table); {@link FlowNetwork.round} rounds it.
 */
export class FlowNetwork {
  readonly #nodes: FlowNode[] = [];
  readonly #arcs: FlowArc[] = [];

  /** Adds a node. */
  node(label: string): FlowNode {
    const node = Object.freeze({ label, network: this, index: this.#nodes.length });
    this.#nodes.push(node);
    return node;
  }

  /** Adds an edge from `from` to `to` with its exact value in øre (non-negative). */
  arc(from: FlowNode, to: FlowNode, exact: Rational): FlowArc {
    this.#own(from);
    this.#own(to);
    const arc = Object.freeze({ network: this, index: this.#arcs.length, from, to, exact });
    this.#arcs.push(arc);
    return arc;
  }

  /**
   * Rounds every edge to its floor or ceiling so that every node still balances.
   * @throws Error if the exact values do not balance at some node (a programming error)
   */
  round(): RoundedFlow {
    const edges: FlowEdge[] = this.#arcs.map((a) => ({ from: a.from.index, to: a.to.index, value: a.exact }));
    return new RoundedFlow(this, roundCirculation(this.#nodes.length, edges));
  }

  #own(node: FlowNode): void {
    if (node.network !== this) throw new Error(`FlowNetwork: node "${node.label}" belongs to another network`);
  }
}

/** The rounded values of a network's edges, read by the edges' handles. */
export class RoundedFlow {
  readonly #network: FlowNetwork;
  readonly #oere: readonly bigint[];

  /** @internal Made by {@link FlowNetwork.round}. */
  constructor(network: FlowNetwork, oere: readonly bigint[]) {
    this.#network = network;
    this.#oere = oere;
  }

  /** The rounded value of `arc`, in whole øre. */
  oere(arc: FlowArc): bigint {
    const value = arc.network === this.#network ? this.#oere[arc.index] : undefined;
    if (value === undefined) throw new Error(`RoundedFlow: edge ${arc.from.label} → ${arc.to.label} is not of this network`);
    return value;
  }
}
