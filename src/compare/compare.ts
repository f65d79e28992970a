/**
 * What-if: one question answered on two rule versions, and exactly the rows whose
 * outcomes differ, each with the conditions that flipped and their figures on both
 * sides; then rows per outcome value before and after. Both sides are answered
 * decision-only first; only the changed rows are answered again with explanations.
 */
import { deepFreeze } from '../domain/freeze.js';
import type { CompiledRuleSet } from '../engine/types.js';
import { BoligsocialError, diagnostic, didYouMean } from '../errors.js';
import type { RuleRegistry } from '../rules/registry.js';
import { flippedConditions } from './conditions.js';
import { OutcomeTally } from './tally.js';
import { diffRuleSets } from './diff-rules.js';
import { describeChange } from './diff-format.js';
import type { ChangedRow, OutcomeChange, OutcomeCount, OutcomeDefinition, OutcomeValue, ProjectedAnswer, WhatIfComparison, WhatIfQuestion, WhatIfRow, WhatIfSide } from './types.js';

/** The two sides of a what-if: before (default the shipped rules) and after (default the before side's rules). */
export interface WhatIfSides {
  readonly before?: WhatIfSide;
  readonly after: WhatIfSide;
}

/** A side with its rules and disable list resolved. */
export interface ResolvedSide {
  readonly rules: RuleRegistry;
  readonly disable: readonly string[];
}

/**
 * Resolves both sides, the before side's rules being `beforeRules` (the domain core:
 * `sides.before.rules` is not read, and nothing is loaded from disk); the after side's
 * rules default to them. Every name to switch off is checked against the question's rule sets.
 */
export function resolveSidesWith(beforeRules: RuleRegistry, question: WhatIfQuestion, sides: WhatIfSides): { readonly before: ResolvedSide; readonly after: ResolvedSide } {
  const before = { rules: beforeRules, disable: [...(sides.before?.disable ?? [])] };
  const after = { rules: sides.after.rules ?? beforeRules, disable: [...(sides.after.disable ?? [])] };
  checkDisable(question, before);
  checkDisable(question, after);
  return { before, after };
}

/**
 * Checks that every name to switch off is a named condition or rule of some version of
 * the rule sets the question reads.
 * @throws BoligsocialError `unknown-disable-id` with a Danish diagnostic and a suggestion.
 */
export function checkDisable(question: WhatIfQuestion, side: ResolvedSide): void {
  if (side.disable.length === 0) return;
  const known = new Set<string>();
  for (const id of question.ruleSetIds(side.rules)) {
    for (const rs of side.rules.versions(id)) {
      for (const name of Object.keys(rs.conditions)) known.add(name);
      for (const rule of rs.rules) known.add(rule.id);
    }
  }
  for (const name of side.disable) {
    if (known.has(name)) continue;
    const guess = didYouMean(name, known);
    throw new BoligsocialError('unknown-disable-id', `cannot disable ${name}: no ${question.command} rule set has a condition or rule by that name`, [
      diagnostic({
        code: 'unknown-disable-id',
        severity: 'error',
        message: `"${name}" er hverken en betingelse eller en regel i de regler, ${question.command} bruger`,
        hint: guess !== undefined ? `Mente du "${guess}"?` : `Kendte navne: ${[...known].sort().join(', ')}.`,
      }),
    ]);
  }
}

/**
 * {@link compareQuestion} with `beforeRules` as the before side's rules (the domain core:
 * `sides.before.rules` is not read, and nothing is loaded from disk).
 * @throws BoligsocialError `unknown-disable-id` when a side switches off a name no rule set of the question has.
 */
export function compareQuestionWith(beforeRules: RuleRegistry, question: WhatIfQuestion, sides: WhatIfSides): WhatIfComparison {
  const { before, after } = resolveSidesWith(beforeRules, question, sides);
  const a = question.answer(before, { explain: false });
  const b = question.answer(after, { explain: false });
  const definitions = mergeDefinitions(a.outcomes, b.outcomes);
  const aRows = byKey(a.rows);
  const bRows = byKey(b.rows);
  const keys = [...aRows.keys(), ...[...bRows.keys()].filter((k) => !aRows.has(k))];
  const changedKeys = keys.filter((k) => outcomeChanges(definitions, aRows.get(k), bRows.get(k)).length > 0);

  const needExplaining = (rows: ReadonlyMap<string, WhatIfRow>) => changedKeys.some((k) => rows.get(k)?.explanations.length === 0);
  const ids = new Set(changedKeys.map((k) => ((aRows.get(k) ?? bRows.get(k)) as WhatIfRow).id));
  const aExplained = ids.size > 0 && needExplaining(aRows) ? byKey(question.answer(before, { explain: true, only: ids }).rows) : aRows;
  const bExplained = ids.size > 0 && needExplaining(bRows) ? byKey(question.answer(after, { explain: true, only: ids }).rows) : bRows;

  const ruleChanges = ruleChangeCache(before.rules, after.rules);
  const aendrede: ChangedRow[] = changedKeys.map((key) => {
    const x = aExplained.get(key) ?? aRows.get(key);
    const y = bExplained.get(key) ?? bRows.get(key);
    const any = (x ?? y) as WhatIfRow;
    const betingelser = flippedConditions(x?.explanations ?? [], y?.explanations ?? []);
    const regelaendringer = betingelser.length === 0 ? ruleChanges(x, y) : [];
    return {
      id: any.id,
      ...(any.listedato !== undefined ? { listedato: any.listedato } : {}),
      ...(any.navn !== undefined ? { navn: any.navn } : {}),
      ...(y === undefined ? { kunFoer: true as const } : {}),
      ...(x === undefined ? { kunEfter: true as const } : {}),
      udfald: outcomeChanges(definitions, aRows.get(key), bRows.get(key)),
      betingelser,
      ...(regelaendringer.length > 0 ? { regelaendringer } : {}),
    };
  });
  return deepFreeze({
    kommando: question.command,
    udfald: definitions,
    raekker: { foer: a.rows.length, efter: b.rows.length },
    aendrede,
    optaelling: countOutcomes(definitions, a, b),
    diagnostics: { foer: a.diagnostics, efter: b.diagnostics },
  });
}

/** Rows by key; a key given twice gets `#2`, `#3`, … so that no row is lost. */
export function byKey<T extends { readonly key: string }>(rows: readonly T[]): ReadonlyMap<string, T> {
  const out = new Map<string, T>();
  for (const row of rows) {
    let key = row.key;
    for (let n = 2; out.has(key); n++) key = `${row.key}#${n}`;
    out.set(key, row);
  }
  return out;
}

/** The outcome definitions of both sides, before's order first. */
export function mergeDefinitions(a: readonly OutcomeDefinition[], b: readonly OutcomeDefinition[]): readonly OutcomeDefinition[] {
  const seen = new Map<string, OutcomeDefinition>();
  for (const d of [...a, ...b]) if (!seen.has(d.key)) seen.set(d.key, d);
  return [...seen.values()];
}

function valueOf(row: WhatIfRow | undefined, key: string): OutcomeValue | undefined {
  return row !== undefined && Object.hasOwn(row.outcomes, key) ? row.outcomes[key] : undefined;
}

/** The outcomes that differ between two answers of the same row (a missing row has no outcomes). */
export function outcomeChanges(definitions: readonly OutcomeDefinition[], a: WhatIfRow | undefined, b: WhatIfRow | undefined): OutcomeChange[] {
  const out: OutcomeChange[] = [];
  for (const d of definitions) {
    const foer = valueOf(a, d.key);
    const efter = valueOf(b, d.key);
    if (foer === efter) continue;
    out.push({ udfald: d.key, titel: d.titel, kind: d.kind, ...(foer !== undefined ? { foer } : {}), ...(efter !== undefined ? { efter } : {}) });
  }
  return out;
}

/** Rows per value of each outcome (sums for amounts), before and after. */
export function countOutcomes(definitions: readonly OutcomeDefinition[], a: ProjectedAnswer, b: ProjectedAnswer): OutcomeCount[] {
  const tally = (answer: ProjectedAnswer) => {
    const t = new OutcomeTally(definitions);
    for (const r of answer.rows) t.add(r);
    return t.snapshot();
  };
  const before = tally(a);
  const after = tally(b);
  return before.map((x, i) => {
    const y = after[i] as (typeof after)[number];
    const base = { udfald: x.udfald, titel: x.titel, kind: x.kind };
    if (x.sum !== undefined) return { ...base, vaerdier: [], sum: { foer: x.sum, efter: y.sum ?? '0.00' } };
    const values = [...x.vaerdier.map((v) => v.vaerdi), ...y.vaerdier.map((v) => v.vaerdi).filter((v) => !x.vaerdier.some((w) => w.vaerdi === v))];
    const count = (list: typeof x.vaerdier, v: OutcomeValue) => list.find((w) => w.vaerdi === v)?.antal ?? 0;
    return { ...base, vaerdier: values.map((vaerdi) => ({ vaerdi, foer: count(x.vaerdier, vaerdi), efter: count(y.vaerdier, vaerdi) })) };
  });
}

/** What differs in the rule-set versions two answers of a row used, in Danish, cached per pair of versions. */
function ruleChangeCache(beforeRules: RuleRegistry, afterRules: RuleRegistry): (a: WhatIfRow | undefined, b: WhatIfRow | undefined) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  const find = (rules: RuleRegistry, id: string, version: string, file: string | undefined): CompiledRuleSet | undefined =>
    rules.versions(id).find((rs) => rs.info.version === version && rs.info.file === file) ?? rules.versions(id).find((rs) => rs.info.version === version);
  return (a, b) => {
    if (a === undefined || b === undefined) return [];
    const lines: string[] = [];
    for (const x of a.ruleSets) {
      const y = b.ruleSets.find((r) => r.id === x.id);
      if (y === undefined) continue;
      const key = `${x.id}\u0000${x.version}\u0000${x.file ?? ''}\u0000${y.version}\u0000${y.file ?? ''}`;
      let found = cache.get(key);
      if (found === undefined) {
        const rx = find(beforeRules, x.id, x.version, x.file);
        const ry = find(afterRules, y.id, y.version, y.file);
        found = rx === undefined || ry === undefined || rx === ry ? [] : diffRuleSets(rx, ry).aendringer.map((c) => `${x.id}: ${describeChange(c)}`);
        cache.set(key, found);
      }
      lines.push(...found);
    }
    return lines;
  };
}
