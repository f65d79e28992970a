/**
 * A semantic diff of two versions of a rule set, as a reviewer reads it before approving
 * a new dated file: parameters changed (value, unit, description, source, status), named
 * conditions and rules added, removed, renamed or changed — changes inside a condition
 * tree located by their condition path (`udsat-kriterier › all[1] › atLeast.of[2]`), not
 * by text lines — event params, the effective period, titles, sources and notes.
 *
 * A named condition or rule that disappears while another with the same meaning appears
 * is a rename (`ghettoomraade` → `parallelsamfund` in 2021): the same conditions once the
 * renamed references are mapped.
 */
import { definitionOf } from '../engine/program.js';
import type { CompiledRuleSet, RuleSetInfo } from '../engine/types.js';
import { deepFreeze } from '../domain/freeze.js';
import type { ParameterDefinition, RuleSetDefinition, SourceDefinition } from '../engine/definition.js';
import type { ConditionInput } from '../engine/grammar.js';
import { renderCondition, renderSource, renderValue } from './diff-render.js';

/** Which part of the file a change is in. */
export type DiffArea = 'regelsaet' | 'ikrafttraeden' | 'parameter' | 'betingelse' | 'regel' | 'bemaerkning' | 'finansiering';

/** What happened to it. */
export type DiffKind = 'tilfoejet' | 'fjernet' | 'aendret' | 'omdoebt';

/** One change between two versions. Values are rendered as short text (conditions in a compact notation). */
export interface RuleChange {
  readonly omraade: DiffArea;
  readonly art: DiffKind;
  /** The parameter, condition or rule (its new name when renamed); for the file itself its id. */
  readonly navn: string;
  /** The old name of a renamed condition or rule. */
  readonly tidligereNavn?: string;
  /** The field that changed, e.g. `value`, `status`, `title`, `event.params.navn`, `effective.to`. */
  readonly felt?: string;
  /** For a change inside a condition tree: its condition path, e.g. `forebyggelsesomraade › all[2] › atLeast.of[0]`. */
  readonly sti?: string;
  readonly foer?: string;
  readonly efter?: string;
}

/** The changes from version `a` to version `b`. */
export interface RuleSetDiff {
  readonly a: RuleSetInfo;
  readonly b: RuleSetInfo;
  readonly aendringer: readonly RuleChange[];
}

/**
 * The semantic diff from `a` to `b` (deeply frozen). Order: the file, its period,
 * parameters, named conditions, rules, notes, financing.
 *
 * @example
 * const r = bundledRegistry();
 * const d = diffRuleSets(r.inForce('classification', '2020-12-01'), r.inForce('classification', '2021-12-01'));
 * d.aendringer.filter((c) => c.art === 'omdoebt').map((c) => `${c.tidligereNavn} → ${c.navn}`);
 * // ['ghetto-kriterier → parallelsamfund-kriterier', 'ghettoomraade → parallelsamfund', 'haardt-ghettoomraade → omdannelsesomraade']
 */
export function diffRuleSets(a: CompiledRuleSet, b: CompiledRuleSet): RuleSetDiff {
  const fa = definitionOf(a);
  const fb = definitionOf(b);
  const out: RuleChange[] = [];
  diffFile(fa, fb, out);
  diffParameters(fa.parameters ?? {}, fb.parameters ?? {}, out);
  const conditionRenames = renamesOf(entries(fa.conditions ?? {}, (c) => c.condition), entries(fb.conditions ?? {}, (c) => c.condition));
  const ruleRenames = renamesOf(
    fa.rules.map((r) => [r.id, r.conditions] as const),
    fb.rules.map((r) => [r.id, r.conditions] as const),
    conditionRenames,
  );
  diffConditions(fa, fb, conditionRenames, out);
  diffRules(fa, fb, conditionRenames, ruleRenames, out);
  diffNotes(fa.notes ?? [], fb.notes ?? [], fa.id, out);
  diffFinancing(fa, fb, out);
  return deepFreeze({ a: a.info, b: b.info, aendringer: out });
}

function entries<T>(record: Readonly<Record<string, T>>, pick: (t: T) => ConditionInput): (readonly [string, ConditionInput])[] {
  return Object.entries(record).map(([name, v]) => [name, pick(v)] as const);
}

function push(out: RuleChange[], change: RuleChange): void {
  out.push(change);
}

function changed(out: RuleChange[], omraade: DiffArea, navn: string, felt: string, foer: string | undefined, efter: string | undefined): void {
  if (foer === efter) return;
  push(out, { omraade, art: 'aendret', navn, felt, ...(foer !== undefined ? { foer } : {}), ...(efter !== undefined ? { efter } : {}) });
}

function sources(s: RuleSetDefinition['source']): string {
  return (Array.isArray(s) ? s : [s]).map(renderSource).join('; ');
}

function optionalSource(s: SourceDefinition | undefined): string | undefined {
  return s === undefined ? undefined : renderSource(s);
}

function diffFile(a: RuleSetDefinition, b: RuleSetDefinition, out: RuleChange[]): void {
  changed(out, 'regelsaet', b.id, 'id', a.id, b.id);
  changed(out, 'regelsaet', b.id, 'domain', a.domain, b.domain);
  changed(out, 'regelsaet', b.id, 'title', a.title, b.title);
  changed(out, 'regelsaet', b.id, 'description', a.description, b.description);
  changed(out, 'regelsaet', b.id, 'source', sources(a.source), sources(b.source));
  changed(out, 'ikrafttraeden', b.id, 'effective.from', a.effective.from, b.effective.from);
  changed(out, 'ikrafttraeden', b.id, 'effective.to', a.effective.to, b.effective.to);
}

const PARAMETER_FIELDS = ['value', 'unit', 'description', 'source', 'status'] as const;

function parameterField(p: ParameterDefinition, field: (typeof PARAMETER_FIELDS)[number]): string | undefined {
  switch (field) {
    case 'value':
      return renderValue(p.value);
    case 'source':
      return optionalSource(p.source);
    default:
      return p[field];
  }
}

function parameterSummary(p: ParameterDefinition): string {
  return `${renderValue(p.value)} ${p.unit}${p.status !== undefined ? ` (${p.status})` : ''} — ${p.description}`;
}

function diffParameters(a: Readonly<Record<string, ParameterDefinition>>, b: Readonly<Record<string, ParameterDefinition>>, out: RuleChange[]): void {
  for (const [name, pa] of Object.entries(a)) {
    const pb = Object.hasOwn(b, name) ? b[name] : undefined;
    if (pb === undefined) {
      push(out, { omraade: 'parameter', art: 'fjernet', navn: name, foer: parameterSummary(pa) });
      continue;
    }
    for (const field of PARAMETER_FIELDS) changed(out, 'parameter', name, field, parameterField(pa, field), parameterField(pb, field));
  }
  for (const [name, pb] of Object.entries(b)) {
    if (!Object.hasOwn(a, name)) push(out, { omraade: 'parameter', art: 'tilfoejet', navn: name, efter: parameterSummary(pb) });
  }
}

/**
 * Pairs names that disappear with names that appear whose conditions are the same once
 * renamed references are mapped, repeating until no new pair is found; a name is paired
 * only when exactly one candidate fits. Named conditions refer to each other, so their
 * own renames are the mapping; rules refer to named conditions (`references`).
 */
function renamesOf(
  a: readonly (readonly [string, ConditionInput])[],
  b: readonly (readonly [string, ConditionInput])[],
  references?: ReadonlyMap<string, string>,
): Map<string, string> {
  const inB = new Set(b.map(([n]) => n));
  const inA = new Set(a.map(([n]) => n));
  const removed = a.filter(([n]) => !inB.has(n));
  const added = b.filter(([n]) => !inA.has(n));
  const renames = new Map<string, string>();
  const taken = new Set<string>();
  const mapping = references ?? renames;
  for (let progress = true; progress; ) {
    progress = false;
    for (const [name, tree] of removed) {
      if (renames.has(name)) continue;
      const key = canonical(tree, mapping);
      const fits = added.filter(([n, t]) => !taken.has(n) && canonical(t, mapping) === key);
      if (fits.length !== 1) continue;
      const [target] = fits[0] as readonly [string, ConditionInput];
      renames.set(name, target);
      taken.add(target);
      progress = true;
    }
  }
  return renames;
}

/** A condition tree as comparable text: references renamed, `priority` and `name` (which do not decide anything) left out. */
export function canonical(node: ConditionInput, renames: ReadonlyMap<string, string>): string {
  if ('all' in node) return `all(${node.all.map((c) => canonical(c, renames)).join(',')})`;
  if ('any' in node) return `any(${node.any.map((c) => canonical(c, renames)).join(',')})`;
  if ('not' in node) return `not(${canonical(node.not, renames)})`;
  if ('atLeast' in node) return `atLeast(${JSON.stringify(node.atLeast)};${node.of.map((c) => canonical(c, renames)).join(',')})`;
  if ('condition' in node) return `ref(${JSON.stringify(renames.get(node.condition) ?? node.condition)})`;
  return `leaf(${JSON.stringify([node.fact, node.path ?? null, node.operator, node.value, node.params ?? null])})`;
}

function diffConditions(a: RuleSetDefinition, b: RuleSetDefinition, renames: ReadonlyMap<string, string>, out: RuleChange[]): void {
  const ca = a.conditions ?? {};
  const cb = b.conditions ?? {};
  const renamedTo = new Set(renames.values());
  for (const [name, na] of Object.entries(ca)) {
    const target = renames.get(name) ?? name;
    const nb = Object.hasOwn(cb, target) ? cb[target] : undefined;
    if (nb === undefined) {
      push(out, { omraade: 'betingelse', art: 'fjernet', navn: name, foer: `${na.title}: ${renderCondition(na.condition)}` });
      continue;
    }
    if (target !== name) push(out, { omraade: 'betingelse', art: 'omdoebt', navn: target, tidligereNavn: name, foer: na.title, efter: nb.title });
    changed(out, 'betingelse', target, 'title', na.title, nb.title);
    changed(out, 'betingelse', target, 'description', na.description, nb.description);
    changed(out, 'betingelse', target, 'source', optionalSource(na.source), optionalSource(nb.source));
    diffTree(na.condition, nb.condition, target, renames, { omraade: 'betingelse', navn: target }, out);
  }
  for (const [name, nb] of Object.entries(cb)) {
    if (!Object.hasOwn(ca, name) && !renamedTo.has(name)) push(out, { omraade: 'betingelse', art: 'tilfoejet', navn: name, efter: `${nb.title}: ${renderCondition(nb.condition)}` });
  }
}

function eventParams(params: Readonly<Record<string, unknown>> | undefined): Readonly<Record<string, unknown>> {
  return params ?? {};
}

function diffRules(a: RuleSetDefinition, b: RuleSetDefinition, conditionRenames: ReadonlyMap<string, string>, ruleRenames: ReadonlyMap<string, string>, out: RuleChange[]): void {
  const byId = new Map(b.rules.map((r) => [r.id, r] as const));
  const inA = new Set(a.rules.map((r) => r.id));
  const renamedTo = new Set(ruleRenames.values());
  for (const ra of a.rules) {
    const target = ruleRenames.get(ra.id) ?? ra.id;
    const rb = byId.get(target);
    if (rb === undefined) {
      push(out, { omraade: 'regel', art: 'fjernet', navn: ra.id, foer: `${ra.title}: ${renderCondition(ra.conditions)}` });
      continue;
    }
    if (target !== ra.id) push(out, { omraade: 'regel', art: 'omdoebt', navn: target, tidligereNavn: ra.id, foer: ra.title, efter: rb.title });
    changed(out, 'regel', target, 'title', ra.title, rb.title);
    changed(out, 'regel', target, 'description', ra.description, rb.description);
    changed(out, 'regel', target, 'source', optionalSource(ra.source), optionalSource(rb.source));
    changed(out, 'regel', target, 'event.type', ra.event.type, rb.event.type);
    const pa = eventParams(ra.event.params);
    const pb = eventParams(rb.event.params);
    for (const key of [...Object.keys(pa), ...Object.keys(pb).filter((k) => !Object.hasOwn(pa, k))]) {
      changed(out, 'regel', target, `event.params.${key}`, Object.hasOwn(pa, key) ? renderValue(pa[key]) : undefined, Object.hasOwn(pb, key) ? renderValue(pb[key]) : undefined);
    }
    diffTree(ra.conditions, rb.conditions, target, conditionRenames, { omraade: 'regel', navn: target }, out);
  }
  for (const rb of b.rules) {
    if (!inA.has(rb.id) && !renamedTo.has(rb.id)) push(out, { omraade: 'regel', art: 'tilfoejet', navn: rb.id, efter: `${rb.title}: ${renderCondition(rb.conditions)}` });
  }
}

type Owner = { readonly omraade: 'betingelse' | 'regel'; readonly navn: string };

function kindOf(node: ConditionInput): 'all' | 'any' | 'not' | 'atLeast' | 'condition' | 'leaf' {
  if ('all' in node) return 'all';
  if ('any' in node) return 'any';
  if ('not' in node) return 'not';
  if ('atLeast' in node) return 'atLeast';
  if ('condition' in node) return 'condition';
  return 'leaf';
}

function childrenOf(node: ConditionInput): readonly ConditionInput[] {
  if ('all' in node) return node.all;
  if ('any' in node) return node.any;
  if ('atLeast' in node) return node.of;
  return [];
}

const LIST_SEGMENT: Readonly<Record<'all' | 'any' | 'atLeast', string>> = { all: 'all', any: 'any', atLeast: 'atLeast.of' };

/** Changes inside a condition tree, located by condition path. */
function diffTree(a: ConditionInput, b: ConditionInput, path: string, renames: ReadonlyMap<string, string>, owner: Owner, out: RuleChange[]): void {
  if (canonical(a, renames) === canonical(b, renames)) return;
  const ka = kindOf(a);
  const kb = kindOf(b);
  const at = (sti: string, art: DiffKind, foer?: ConditionInput, efter?: ConditionInput) =>
    push(out, { ...owner, art, sti, ...(foer !== undefined ? { foer: renderCondition(foer) } : {}), ...(efter !== undefined ? { efter: renderCondition(efter) } : {}) });
  if (ka !== kb || ka === 'leaf' || ka === 'condition') {
    at(path, 'aendret', a, b);
    return;
  }
  if (ka === 'not' && 'not' in a && 'not' in b) {
    diffTree(a.not, b.not, `${path} › not`, renames, owner, out);
    return;
  }
  if ('atLeast' in a && 'atLeast' in b && JSON.stringify(a.atLeast) !== JSON.stringify(b.atLeast)) {
    push(out, { ...owner, art: 'aendret', sti: `${path} › atLeast`, foer: renderValue(a.atLeast), efter: renderValue(b.atLeast) });
  }
  diffList(childrenOf(a), childrenOf(b), `${path} › ${LIST_SEGMENT[ka as 'all' | 'any' | 'atLeast']}`, renames, owner, out, at);
}

/**
 * Aligns two lists of conditions on their longest common subsequence; between the
 * common elements, elements of the same kind are paired and compared, the rest are
 * added or removed. Removed elements are numbered as in `a`, the others as in `b`.
 */
function diffList(
  a: readonly ConditionInput[],
  b: readonly ConditionInput[],
  base: string,
  renames: ReadonlyMap<string, string>,
  owner: Owner,
  out: RuleChange[],
  at: (sti: string, art: DiffKind, foer?: ConditionInput, efter?: ConditionInput) => void,
): void {
  const ka = a.map((c) => canonical(c, renames));
  const kb = b.map((c) => canonical(c, renames));
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = ka[i] === kb[j] ? ((lcs[i + 1] as number[])[j + 1] as number) + 1 : Math.max((lcs[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  const removed: number[] = [];
  const added: number[] = [];
  const flush = () => {
    while (removed.length > 0 && added.length > 0 && kindOf(a[removed[0] as number] as ConditionInput) === kindOf(b[added[0] as number] as ConditionInput)) {
      const x = removed.shift() as number;
      const y = added.shift() as number;
      diffTree(a[x] as ConditionInput, b[y] as ConditionInput, `${base}[${y}]`, renames, owner, out);
    }
    for (const x of removed.splice(0)) at(`${base}[${x}]`, 'fjernet', a[x]);
    for (const y of added.splice(0)) at(`${base}[${y}]`, 'tilfoejet', undefined, b[y]);
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ka[i] === kb[j]) {
      flush();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && ((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))) {
      removed.push(i++);
    } else {
      added.push(j++);
    }
  }
  flush();
}

function diffNotes(a: readonly string[], b: readonly string[], id: string, out: RuleChange[]): void {
  for (const note of a) if (!b.includes(note)) push(out, { omraade: 'bemaerkning', art: 'fjernet', navn: id, foer: note });
  for (const note of b) if (!a.includes(note)) push(out, { omraade: 'bemaerkning', art: 'tilfoejet', navn: id, efter: note });
}

function diffFinancing(a: RuleSetDefinition, b: RuleSetDefinition, out: RuleChange[]): void {
  const fa = a.financing;
  const fb = b.financing;
  if (fa === undefined && fb === undefined) return;
  if (fa === undefined || fb === undefined) {
    changed(out, 'finansiering', b.id, 'financing', fa === undefined ? undefined : 'ordning', fb === undefined ? undefined : 'ordning');
    return;
  }
  changed(out, 'finansiering', b.id, 'indsatsKinds', fa.indsatsKinds.join(', '), fb.indsatsKinds.join(', '));
  changed(out, 'finansiering', b.id, 'maxDurationMonths', String(fa.maxDurationMonths), String(fb.maxDurationMonths));
  const byId = new Map(fb.funders.map((f) => [f.id, f] as const));
  for (const f of fa.funders) {
    const g = byId.get(f.id);
    if (g === undefined) {
      push(out, { omraade: 'finansiering', art: 'fjernet', navn: f.id, foer: `${f.navn} ${f.share}` });
      continue;
    }
    changed(out, 'finansiering', f.id, 'share', f.share, g.share);
    changed(out, 'finansiering', f.id, 'navn', f.navn, g.navn);
    changed(out, 'finansiering', f.id, 'lokal', String(f.lokal), String(g.lokal));
    changed(out, 'finansiering', f.id, 'afdelinger', String(f.afdelinger ?? false), String(g.afdelinger ?? false));
    changed(out, 'finansiering', f.id, 'description', f.description, g.description);
    changed(out, 'finansiering', f.id, 'source', optionalSource(f.source), optionalSource(g.source));
  }
  for (const g of fb.funders) if (!fa.funders.some((f) => f.id === g.id)) push(out, { omraade: 'finansiering', art: 'tilfoejet', navn: g.id, efter: `${g.navn} ${g.share}` });
}
