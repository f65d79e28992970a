/**
 * The graph of references between named conditions, checked without recursion: a
 * cycle is an error, and so is a chain of references that makes a condition deeper
 * than {@link MAX_CONDITION_DEPTH} once every reference is followed. The evaluator and
 * the json-rules-engine export follow references by calling into the referenced
 * condition, so the resolved depth is their call depth: bounding it here means a
 * file `validate` passes never overflows the stack when it is evaluated. Linear in the
 * file: one explicit-stack walk per condition tree, one depth-first pass over the graph.
 */
import type { DiagnosticCode } from '../errors.js';
import type { JsonPath } from './json-document.js';
import type { ConditionInput } from '../engine/grammar.js';
import type { RuleSetFile } from './schema.js';

/** The deepest a condition tree may be, counting every level of every named condition it refers to. */
export const MAX_CONDITION_DEPTH = 64;

/** How a check reports a problem at a path of the file. */
export type ReportProblem = (code: DiagnosticCode, path: JsonPath, message: string, hint: string) => void;

/** A reference inside one condition tree: its target, its level in the tree (root 1) and its path. */
interface Reference {
  readonly target: string;
  readonly level: number;
  readonly path: JsonPath;
}

/** One condition tree, summarised: its own depth (references counted as one level) and its references. */
interface TreeSummary {
  readonly depth: number;
  readonly references: readonly Reference[];
}

/** At most this many distinct cycles are reported (one is enough to act on), and only so many looked at: the work stays linear. */
const MAX_CYCLE_REPORTS = 10;
const MAX_CYCLES_EXAMINED = 100;

/**
 * Reports every cycle of references between named conditions (`condition-cycle`, at the
 * condition where the cycle closes) and, when there is none, every place where following
 * references makes a tree deeper than {@link MAX_CONDITION_DEPTH} (`condition-depth`, at
 * the reference where the limit is crossed). References to unknown conditions are
 * reported elsewhere and ignored here.
 */
export function checkConditionGraph(file: RuleSetFile, report: ReportProblem): void {
  const conditions = file.conditions ?? {};
  const named = new Map<string, TreeSummary>();
  for (const [name, def] of Object.entries(conditions)) named.set(name, summarise(def.condition, ['conditions', name, 'condition']));

  const order = finishOrder(named, report);
  if (order === undefined) return;

  // resolved depth of each named condition, targets first; and which reference gives it
  const depth = new Map<string, number>();
  const deepest = new Map<string, string>();
  for (const name of order) {
    const tree = named.get(name) as TreeSummary;
    let d = tree.depth;
    let via: string | undefined;
    let crossing: Reference | undefined;
    for (const ref of tree.references) {
      const target = depth.get(ref.target);
      if (target === undefined) continue;
      const through = ref.level + target;
      if (through > d) {
        d = through;
        via = ref.target;
      }
      // the limit is crossed here when the target alone is within it
      if (through > MAX_CONDITION_DEPTH && target <= MAX_CONDITION_DEPTH && crossing === undefined) crossing = ref;
    }
    depth.set(name, d);
    if (via !== undefined) deepest.set(name, via);
    if (crossing !== undefined) reportDepth(report, `betingelsen "${name}"`, crossing, depth, deepest);
  }
  file.rules.forEach((rule, i) => {
    const tree = summarise(rule.conditions, ['rules', i, 'conditions']);
    for (const ref of tree.references) {
      const target = depth.get(ref.target);
      if (target !== undefined && ref.level + target > MAX_CONDITION_DEPTH && target <= MAX_CONDITION_DEPTH) {
        reportDepth(report, `reglen "${rule.id}"`, ref, depth, deepest);
        break;
      }
    }
  });
}

function reportDepth(report: ReportProblem, what: string, ref: Reference, depth: ReadonlyMap<string, number>, deepest: ReadonlyMap<string, string>): void {
  const total = ref.level + (depth.get(ref.target) ?? 0);
  report(
    'condition-depth',
    [...ref.path, 'condition'],
    `${what} er for dyb: når henvisningerne følges (${chain(ref.target, deepest)}), er den ${total} niveauer dyb; højst ${MAX_CONDITION_DEPTH} er tilladt`,
    'Gør kæden af henvisninger kortere: lad betingelser, der blot henviser videre, henvise direkte til den betingelse, det drejer sig om, eller saml dem i én.',
  );
}

/** The chain of deepest references from `start`, shortened in the middle when it is long. */
function chain(start: string, deepest: ReadonlyMap<string, string>): string {
  const names: string[] = [];
  let last = start;
  let length = 0;
  for (let n: string | undefined = start; n !== undefined; n = deepest.get(n)) {
    if (names.length < 3) names.push(n);
    last = n;
    length++;
  }
  if (length <= 3) return names.join(' → ');
  return `${names.join(' → ')} → … → ${last}, ${length} betingelser`;
}

/** A tree's own depth and its references, by an explicit-stack walk (the tree's nesting is bounded by the JSON limit, but no recursion is needed). */
function summarise(root: ConditionInput, rootPath: JsonPath): TreeSummary {
  const references: Reference[] = [];
  let max = 0;
  const stack: { node: ConditionInput; level: number; path: JsonPath }[] = [{ node: root, level: 1, path: rootPath }];
  while (stack.length > 0) {
    const { node, level, path } = stack.pop() as (typeof stack)[number];
    if (level > max) max = level;
    const children: [ConditionInput, JsonPath][] = [];
    if ('all' in node) node.all.forEach((c, i) => children.push([c, [...path, 'all', i]]));
    else if ('any' in node) node.any.forEach((c, i) => children.push([c, [...path, 'any', i]]));
    else if ('not' in node) children.push([node.not, [...path, 'not']]);
    else if ('atLeast' in node) node.of.forEach((c, i) => children.push([c, [...path, 'of', i]]));
    else if ('condition' in node) references.push({ target: node.condition, level, path });
    // push in reverse so references come out in document order
    for (let i = children.length - 1; i >= 0; i--) {
      const [child, childPath] = children[i] as [ConditionInput, JsonPath];
      stack.push({ node: child, level: level + 1, path: childPath });
    }
  }
  return { depth: max, references };
}

/**
 * The named conditions in an order where every condition comes after those it refers
 * to (depth-first finishing order, by an explicit stack); undefined after reporting the
 * cycles, if there are any.
 */
function finishOrder(named: ReadonlyMap<string, TreeSummary>, report: ReportProblem): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const reported = new Set<string>();
  let cycles = 0;
  for (const start of named.keys()) {
    if (state.has(start)) continue;
    // each frame: a condition on the current path and the index of its next reference
    const path: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, 'visiting');
    while (path.length > 0) {
      const frame = path[path.length - 1] as { name: string; next: number };
      const refs = (named.get(frame.name) as TreeSummary).references;
      if (frame.next >= refs.length) {
        state.set(frame.name, 'done');
        order.push(frame.name);
        path.pop();
        continue;
      }
      const target = (refs[frame.next] as Reference).target;
      frame.next++;
      if (!named.has(target) || state.get(target) === 'done') continue;
      if (state.get(target) === 'visiting') {
        cycles++;
        if (reported.size < MAX_CYCLE_REPORTS && cycles <= MAX_CYCLES_EXAMINED) {
          const from = path.findIndex((f) => f.name === target);
          const cycle = [...path.slice(from).map((f) => f.name), target];
          const key = [...new Set(cycle)].sort().join('|');
          if (!reported.has(key)) {
            reported.add(key);
            report('condition-cycle', ['conditions', target], `betingelserne henviser i ring: ${cycle.join(' → ')}`, 'Bryd ringen: en betingelse må ikke, direkte eller indirekte, henvise til sig selv.');
          }
        }
        continue;
      }
      state.set(target, 'visiting');
      path.push({ name: target, next: 0 });
    }
  }
  return cycles > 0 ? undefined : order;
}
