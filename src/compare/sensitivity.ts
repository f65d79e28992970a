/**
 * Sensitivity: one parameter swept over a range of values — per value, how many rows have
 * each outcome; per row, the values at which it flips, nearest to today's value first
 * (the watch-list of areas nearest to a list).
 *
 * Where the parameter is compared directly with a row's figures, the row's outcomes can
 * only change at its breakpoints (threshold + margin), so the row is answered once or
 * twice per segment between breakpoints instead of once per value, and a flip between two
 * values of the sweep with one breakpoint between them is given exactly (with several, by
 * the step: a finer step separates them). Each segment is answered at its first and its last value in the sweep; if those
 * disagree (the parameter also feeds a figure, as `minAarIRaekke` feeds the history), the
 * row falls back to every value of that segment and its flips are given by the step.
 * A parameter not compared directly (a count in `atLeast`, one the domain reads itself)
 * is swept value by value. Only the rule-set versions with the parameter are re-validated
 * and recompiled, once per value; every other rule set is shared.
 */
import { Decimal } from '../domain/decimal.js';
import { deepFreeze } from '../domain/freeze.js';
import type { CompiledRuleSet, ParameterValue } from '../engine/types.js';
import { type Diagnostic, diagnostic, type Result, fail, ok } from '../errors.js';
import { deriveRegistry, parameterTargets, type ParameterChange, type ParameterRef } from '../rules/derive.js';
import type { RuleRegistry } from '../rules/registry.js';
import type { RuleDomain } from '../rules/rule-domain.js';
import { type Breakpoint, breakpointsOf, breakpointsOfFigures, comparedDirectly, segmentsOf } from './breakpoints.js';
import { byKey, checkDisable, outcomeChanges } from './compare.js';
import { OutcomeTally } from './tally.js';
import type { OutcomeChange, OutcomeDefinition, OutcomeValue, ProjectedAnswer, WhatIfCommand, WhatIfQuestion, WhatIfRow } from './types.js';

/** What to sweep, and over which rules. */
export interface SensitivityOptions {
  /** The rules; default the package's shipped rules. */
  readonly rules?: RuleRegistry;
  /** The domains the swept rule sets are checked against at each value (default the package's own): those `rules` were loaded with. */
  readonly domains?: readonly RuleDomain[];
  /** Switched off throughout. */
  readonly disable?: readonly string[];
  readonly parameter: ParameterRef;
  /** The first value, as a decimal string or number. */
  readonly from: string | number;
  /** The last value (included when a whole number of steps from `from`). */
  readonly to: string | number;
  readonly step: string | number;
  /** At most this many values (default 1,000). */
  readonly maxValues?: number;
}

/** One value at which a row's outcomes change, seen from today's value. */
export interface Flip {
  /** The parameter value: the exact breakpoint, or for a stepped flip the first value of the sweep beyond it. */
  readonly ved: string;
  /** true: exact, from a figure compared with the parameter; false: found between two values of the sweep. */
  readonly eksakt: boolean;
  /** Whether the change is reached by raising (`op`) or lowering (`ned`) the parameter from today's value. */
  readonly retning: 'op' | 'ned';
  /** For an exact flip: whether `ved` itself already has the new outcome ("til 47,5 eller derover") or only values beyond it ("over 47,5"). */
  readonly inklusive: boolean;
  /** For a stepped flip: the value of the sweep on today's side of it. */
  readonly fra?: string;
  /** How far from today's value, in the parameter's unit. */
  readonly afstand: string;
  /** The outcomes that change: `foer` on today's side, `efter` beyond. */
  readonly udfald: readonly OutcomeChange[];
  /** For an exact flip: the figure compared with the parameter there. */
  readonly figur?: { readonly fact: string; readonly ruleSet: string; readonly label?: string };
}

/** One row that flips within the range. */
export interface SensitivityRow {
  readonly id: string;
  readonly listedato?: string;
  readonly navn?: string;
  /** The parameter's value today, for this row's rule-set version. */
  readonly idag: string;
  /** Nearest first. */
  readonly vendinger: readonly Flip[];
  /** Set when the row's flips could not be given exactly (the parameter feeds its figures too). */
  readonly trinvis?: true;
}

/** Rows per value of one outcome at one value of the sweep (sums for amounts). */
export interface SweepOutcomeCount {
  readonly udfald: string;
  readonly vaerdier: readonly { readonly vaerdi: OutcomeValue; readonly antal: number }[];
  readonly sum?: string;
}

/** The counts at one value of the sweep. */
export interface SweepCount {
  readonly vaerdi: string;
  readonly optaelling: readonly SweepOutcomeCount[];
}

/** A sensitivity sweep of one parameter. */
export interface Sensitivity {
  readonly kommando: WhatIfCommand;
  readonly parameter: { readonly ruleSet: string; readonly version?: string; readonly parameter: string; readonly unit: string; readonly versioner: readonly { readonly version: string; readonly idag: string }[] };
  /** `eksakt`: breakpoints from margins; `trinvis`: every value answered. */
  readonly metode: 'eksakt' | 'trinvis';
  readonly vaerdier: readonly string[];
  readonly udfald: readonly OutcomeDefinition[];
  readonly optaelling: readonly SweepCount[];
  /** The rows that flip within the range, nearest to flipping first (the watch-list). */
  readonly raekker: readonly SensitivityRow[];
  readonly raekkerIAlt: number;
  readonly diagnostics: readonly Diagnostic[];
}

function usage(message: string, hint: string): Diagnostic {
  return diagnostic({ code: 'cli-usage', severity: 'error', message, hint });
}

function decimalOf(v: string | number, name: string): Result<Decimal> {
  const text = String(v).trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return fail([usage(`${name} "${v}" er ikke et tal`, 'Skriv et tal med punktum eller komma, fx 12 eller 12,5.')]);
  return ok(new Decimal(text));
}

/** The values of the sweep: from, from + step, … up to and including to. */
export function sweepValues(from: string | number, to: string | number, step: string | number, maxValues = 1000): Result<readonly string[]> {
  const a = decimalOf(from, '--from');
  const b = decimalOf(to, '--to');
  const s = decimalOf(step, '--step');
  if (!a.ok) return a;
  if (!b.ok) return b;
  if (!s.ok) return s;
  if (s.value.lte(0)) return fail([usage(`--step skal være større end 0, ikke ${s.value.toString()}`, 'Skriv fx --step 0.5.')]);
  if (b.value.lt(a.value)) return fail([usage(`--to (${b.value.toString()}) er mindre end --from (${a.value.toString()})`, 'Byt om på --from og --to.')]);
  const count = b.value.minus(a.value).div(s.value).floor().plus(1);
  if (count.gt(maxValues)) return fail([usage(`intervallet giver ${count.toString()} værdier; højst ${maxValues}`, 'Vælg et større --step eller et mindre interval.')]);
  const out: string[] = [];
  for (let v = a.value; v.lte(b.value); v = v.plus(s.value)) out.push(v.toString());
  return ok(out);
}

/** A swept value as the type of the parameter's value in a version (a number stays a number). */
function typed(value: string, like: ParameterValue | undefined): ParameterValue {
  return typeof like === 'number' ? Number(value) : value;
}

/** Whether two answers of a row have the same outcomes (an absent row has none). */
function sameOutcomes(definitions: readonly OutcomeDefinition[], a: WhatIfRow | undefined, b: WhatIfRow | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return definitions.every((d) => Object.hasOwn(a.outcomes, d.key) === Object.hasOwn(b.outcomes, d.key) && a.outcomes[d.key] === b.outcomes[d.key]);
}

/**
 * {@link sensitivityOf} over the rules given, each swept rule set checked against `domains`
 * (the domain core: `options.rules` and `options.domains` are not read, and nothing is
 * loaded from disk).
 * @throws BoligsocialError `unknown-disable-id` when `disable` names nothing the question's rules know.
 */
export function sensitivityOfWith(base: RuleRegistry, domains: readonly RuleDomain[], question: WhatIfQuestion, options: SensitivityOptions): Result<Sensitivity> {
  const disable = [...(options.disable ?? [])];
  checkDisable(question, { rules: base, disable });
  const ref = options.parameter;
  const targets = parameterTargets(base, ref);
  if (!targets.ok) return targets;
  const nonNumeric = targets.value.find((rs) => {
    const v = rs.parameters[ref.parameter]?.value;
    return typeof v !== 'number' && !(typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
  });
  if (nonNumeric !== undefined) {
    return fail([usage(`parameteren ${ref.parameter} i ${nonNumeric.info.id} ${nonNumeric.info.version} er ikke et tal og kan ikke varieres`, 'Vælg en parameter, hvis værdi er et tal eller et decimaltal.')]);
  }
  const values = sweepValues(options.from, options.to, options.step, options.maxValues);
  if (!values.ok) return values;
  const sweep = new Sweep(question, base, disable, ref, targets.value, domains);
  const derived = sweep.prepare(values.value);
  if (!derived.ok) return derived;
  // exact only where the parameter is a threshold of the rules whose explanations the rows carry, and nothing else reads it
  const direct = question.ruleSetIds(base).includes(ref.ruleSet) && !question.parametersOutsideConditions.includes(ref.parameter) && comparedDirectly(targets.value, ref.parameter);
  return ok(sweep.run(values.value, direct));
}

/** How one row is swept: its breakpoints, the segment of each value, and whether its flips can be exact. */
interface Plan {
  readonly row: WhatIfRow;
  readonly breakpoints: readonly Breakpoint[];
  readonly idag: string;
  readonly segments: readonly number[];
  readonly exact: boolean;
}

/** How many rows a sweep explains at once to find their breakpoints. */
const EXPLAINED_AT_ONCE = 64;

/** One row's breakpoints, found from its explained answer at today's value. */
interface FoundBreakpoints {
  readonly breakpoints: readonly Breakpoint[];
  readonly threshold?: string;
  /** Whether its explanations are all its answer depends on (else it is answered at every value). */
  readonly fullyExplained: boolean;
}

/** The state of one sweep: the derived registries by value, and the answers asked so far. */
class Sweep {
  private readonly registries = new Map<string, RuleRegistry>();
  private definitions: readonly OutcomeDefinition[] = [];
  private readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly question: WhatIfQuestion,
    private readonly base: RuleRegistry,
    private readonly disable: readonly string[],
    private readonly ref: ParameterRef,
    private readonly targets: readonly CompiledRuleSet[],
    private readonly domains: readonly RuleDomain[],
  ) {}

  /** Derives the registry of every value up front, so a value that does not validate fails the sweep before anything is answered. */
  prepare(values: readonly string[]): Result<true> {
    for (const v of values) {
      const r = this.registryAt(v);
      if (!r.ok) return fail(r.errors.map((d) => diagnostic({ ...d, message: `med ${this.ref.parameter} = ${v}: ${d.message}` })));
    }
    return ok(true);
  }

  private registryAt(value: string): Result<RuleRegistry> {
    const hit = this.registries.get(value);
    if (hit !== undefined) return ok(hit);
    const changes: ParameterChange[] = this.targets.map((rs) => ({ ruleSet: rs.info.id, version: rs.info.version, parameter: this.ref.parameter, value: typed(value, rs.parameters[this.ref.parameter]?.value) }));
    const derived = deriveRegistry(this.base, changes, { domains: this.domains });
    if (derived.ok) this.registries.set(value, derived.value);
    return derived;
  }

  /** Answers the rows named, decision-only, at each value asked; results by value and row key. */
  private answerAt(requests: ReadonlyMap<string, ReadonlySet<string>>): Map<string, ReadonlyMap<string, WhatIfRow>> {
    const out = new Map<string, ReadonlyMap<string, WhatIfRow>>();
    for (const [value, ids] of requests) {
      if (ids.size === 0) continue;
      const rules = this.registryAt(value);
      if (!rules.ok) throw new Error(`sweep value ${value} was not prepared`);
      const answer = this.question.answer({ rules: rules.value, disable: this.disable }, { explain: false, only: ids });
      this.merge(answer);
      out.set(value, byKey(answer.rows));
    }
    return out;
  }

  private merge(answer: ProjectedAnswer): void {
    const known = new Set(this.definitions.map((d) => d.key));
    this.definitions = [...this.definitions, ...answer.outcomes.filter((d) => !known.has(d.key))];
  }

  run(values: readonly string[], direct: boolean): Sensitivity {
    const today = this.question.answer({ rules: this.base, disable: this.disable }, { explain: false });
    this.merge(today);
    this.diagnostics.push(...today.diagnostics);
    const rows = byKey(today.rows);
    const grid = values.map((v) => new Decimal(v));
    const found = direct ? this.breakpointsByRow(today.rows) : new Map<string, FoundBreakpoints>();
    const fallbackToday = String(this.targets[0]?.parameters[this.ref.parameter]?.value);

    // per row: its breakpoints, the segment of each value, and the values to answer it at
    const plans = new Map<string, Plan>();
    for (const [key, row] of rows) {
      const f = found.get(key);
      // a row whose explanations are not all its answer depends on is answered at every value
      const exact = f !== undefined && f.fullyExplained;
      const breakpoints = f?.breakpoints ?? [];
      const segments = exact ? segmentsOf(grid, breakpoints) : grid.map((_, i) => i);
      plans.set(key, { row, breakpoints, idag: f?.threshold ?? fallbackToday, segments, exact });
    }

    // round 1: the first and last value of every segment
    const outcomes = new Map<string, (WhatIfRow | undefined)[]>();
    const ask = new Map<string, Set<string>>();
    const want = (value: string, id: string) => ask.set(value, (ask.get(value) ?? new Set()).add(id));
    for (const [key, plan] of plans) {
      outcomes.set(key, new Array<WhatIfRow | undefined>(values.length));
      for (const [first, last] of segmentBounds(plan.segments)) {
        want(values[first] as string, plan.row.id);
        want(values[last] as string, plan.row.id);
      }
    }
    const answered = this.answerAt(ask);
    const at = (value: string, key: string) => answered.get(value)?.get(key);

    // fill each segment from its ends; where they disagree, answer every value of the segment
    const stepped = new Set<string>();
    const retry = new Map<string, Set<string>>();
    for (const [key, plan] of plans) {
      const list = outcomes.get(key) as (WhatIfRow | undefined)[];
      for (const [first, last] of segmentBounds(plan.segments)) {
        const a = at(values[first] as string, key);
        const b = at(values[last] as string, key);
        if (sameOutcomes(this.definitions, a, b)) list.fill(a, first, last + 1);
        else {
          stepped.add(key);
          list[first] = a;
          list[last] = b;
          for (let i = first + 1; i < last; i++) retry.set(values[i] as string, (retry.get(values[i] as string) ?? new Set()).add(plan.row.id));
        }
      }
    }
    const again = this.answerAt(retry);
    for (const key of stepped) {
      const list = outcomes.get(key) as (WhatIfRow | undefined)[];
      values.forEach((v, i) => {
        const r = again.get(v)?.get(key);
        if (r !== undefined) list[i] = r;
      });
    }

    const flipping: { key: string; row: SensitivityRow }[] = [];
    for (const [key, plan] of plans) {
      const byStep = stepped.has(key) || !plan.exact;
      const flips = this.flipsOf(plan, values, grid, outcomes.get(key) as (WhatIfRow | undefined)[], byStep);
      if (flips.length === 0) continue;
      const r = plan.row;
      flipping.push({
        key,
        row: {
          id: r.id,
          ...(r.listedato !== undefined ? { listedato: r.listedato } : {}),
          ...(r.navn !== undefined ? { navn: r.navn } : {}),
          idag: plan.idag,
          vendinger: byDistance(flips, (f) => f.afstand),
          ...(byStep && direct ? { trinvis: true as const } : {}),
        },
      });
    }
    // nearest to flipping first; rows as near in the order they were given
    const raekker = byDistance(flipping.map((f) => f.row), (r) => (r.vendinger[0] as Flip).afstand);

    // counted once at the first value, then by the rows that changed from one value to the next
    const tally = new OutcomeTally(this.definitions);
    const lists = [...outcomes.values()];
    for (const list of lists) tally.add(list[0]);
    const optaelling = values.map((v, i) => {
      if (i > 0) {
        for (const list of lists) {
          if (list[i] === list[i - 1]) continue;
          tally.add(list[i - 1], -1);
          tally.add(list[i]);
        }
      }
      return { vaerdi: v, optaelling: tally.snapshot().map(({ udfald, vaerdier, sum }) => ({ udfald, vaerdier, ...(sum !== undefined ? { sum } : {}) })) };
    });
    const unit = this.targets[0]?.parameters[this.ref.parameter]?.unit ?? '';
    return deepFreeze({
      kommando: this.question.command,
      parameter: {
        ruleSet: this.ref.ruleSet,
        ...(this.ref.version !== undefined ? { version: this.ref.version } : {}),
        parameter: this.ref.parameter,
        unit,
        versioner: this.targets.map((rs) => ({ version: rs.info.version, idag: String(rs.parameters[this.ref.parameter]?.value) })),
      },
      metode: direct ? ('eksakt' as const) : ('trinvis' as const),
      vaerdier: values,
      udfald: this.definitions,
      optaelling,
      raekker,
      raekkerIAlt: plans.size,
      diagnostics: this.diagnostics,
    });
  }

  /**
   * Each row's breakpoints at today's value, from its explanations, asked
   * {@link EXPLAINED_AT_ONCE} rows at a time: a chunk's explanation trees are garbage
   * before the next chunk's are built (explained all at once, 8,000 afdelinger kept some
   * 300 MB of trees alive, and collecting them was a third of the sweep).
   */
  private breakpointsByRow(rows: readonly WhatIfRow[]): Map<string, FoundBreakpoints> {
    const versions = new Set(this.targets.map((rs) => rs.info.version));
    const side = { rules: this.base, disable: this.disable };
    if (this.question.parameterFigures !== undefined) {
      // the comparisons with the parameter alone, no trees
      const out = new Map<string, FoundBreakpoints>();
      for (const [key, row] of byKey(this.question.parameterFigures(side, this.ref.ruleSet, this.ref.parameter))) {
        const { breakpoints, threshold } = breakpointsOfFigures(row.groups, this.ref.ruleSet, versions, this.ref.parameter);
        out.set(key, { breakpoints, fullyExplained: true, ...(threshold !== undefined ? { threshold } : {}) });
      }
      return out;
    }
    const ids = [...new Set(rows.map((r) => r.id))];
    const out = new Map<string, FoundBreakpoints>();
    for (let i = 0; i < ids.length; i += EXPLAINED_AT_ONCE) {
      const only = new Set(ids.slice(i, i + EXPLAINED_AT_ONCE));
      const explained = this.question.answer(side, { explain: true, only });
      // keyed as the whole answer keys them: a repeated id's rows are all in one chunk, in input order
      for (const [key, row] of byKey(explained.rows)) {
        const { breakpoints, threshold } = breakpointsOf(row.explanations, this.ref.ruleSet, versions, this.ref.parameter);
        out.set(key, { breakpoints, fullyExplained: row.fullyExplained !== false, ...(threshold !== undefined ? { threshold } : {}) });
      }
    }
    return out;
  }

  /** The flips of one row between consecutive values of the sweep, exact where one breakpoint separates them. */
  private flipsOf(plan: Plan, values: readonly string[], grid: readonly Decimal[], list: readonly (WhatIfRow | undefined)[], byStep: boolean): Flip[] {
    const flips: Flip[] = [];
    const idag = new Decimal(plan.idag);
    for (let i = 0; i + 1 < values.length; i++) {
      const low = list[i];
      const high = list[i + 1];
      if (sameOutcomes(this.definitions, low, high)) continue;
      const s = plan.segments[i] as number;
      // exactly one breakpoint between the two values: the flip is there; with several, it is given by the step
      if (!byStep && plan.segments[i + 1] === s + 1) {
        flips.push(this.exactFlip(plan.breakpoints[s] as Breakpoint, idag, low, high));
        continue;
      }
      // found between two values of the sweep: on which side of it is today?
      const lo = grid[i] as Decimal;
      const hi = grid[i + 1] as Decimal;
      const up = lo.gte(idag) || (hi.gt(idag) && sameOutcomes(this.definitions, low, plan.row));
      flips.push({
        ved: (up ? hi : lo).toString(),
        eksakt: false,
        retning: up ? 'op' : 'ned',
        inklusive: true,
        fra: (up ? lo : hi).toString(),
        afstand: (up ? hi.minus(idag) : idag.minus(lo)).abs().toString(),
        udfald: up ? outcomeChanges(this.definitions, low, high) : outcomeChanges(this.definitions, high, low),
      });
    }
    return flips;
  }

  /** The exact flip at breakpoint `b`, between `below` (the values under it) and `above`. */
  private exactFlip(b: Breakpoint, idag: Decimal, below: WhatIfRow | undefined, above: WhatIfRow | undefined): Flip {
    const at = new Decimal(b.value);
    // today on the breakpoint: it belongs to the side its value is on
    const up = at.gt(idag) || (at.eq(idag) && b.side === 'lower');
    return {
      ved: b.value,
      eksakt: true,
      retning: up ? 'op' : 'ned',
      inklusive: up ? b.side === 'upper' : b.side === 'lower',
      afstand: at.minus(idag).abs().toString(),
      udfald: up ? outcomeChanges(this.definitions, below, above) : outcomeChanges(this.definitions, above, below),
      figur: { fact: b.fact, ruleSet: b.ruleSet, ...(b.label !== undefined ? { label: b.label } : {}) },
    };
  }
}

/** `items` nearest first by their distance (a decimal string, parsed once per item); as near in the order given. */
function byDistance<T>(items: readonly T[], distance: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, at: new Decimal(distance(item)) }));
  keyed.sort((a, b) => a.at.comparedTo(b.at));
  return keyed.map((k) => k.item);
}

/** The first and last index of each run of equal segments. */
function segmentBounds(segments: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= segments.length; i++) {
    if (i === segments.length || segments[i] !== segments[start]) {
      out.push([start, i - 1]);
      start = i;
    }
  }
  return out;
}
