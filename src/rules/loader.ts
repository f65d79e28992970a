/**
 * Loads one rule file: JSON syntax → forbidden and duplicate keys → schema →
 * meaning (names, types, references, dates, shares) → compiled rule set. Any error
 * at any step and nothing is loaded: there is no partial rule set.
 */
import { type Result, fail, ok } from '../errors.js';
import { compileRuleSet } from '../engine/compile.js';
import type { CompiledRuleSet } from '../engine/types.js';
import { checkRuleSet } from './checks.js';
import { checkFunderShares } from './funder-shares.js';
import { type JsonDocument, type JsonLocation, type JsonPath, locate, parseJsonDocument } from './json-document.js';
import { readTextFile } from './files.js';
import { ruleSetFileSchema } from './schema.js';
import { schemaDiagnostics } from './schema-issues.js';
import { safeParseDanish } from '../domain/parse.js';

const documents = new WeakMap<CompiledRuleSet, JsonDocument>();

/** Where `path` lies in the file a rule set was loaded from (for diagnostics found after loading). */
export function locateInRuleSet(ruleSet: CompiledRuleSet, path: JsonPath): JsonLocation | undefined {
  const doc = documents.get(ruleSet);
  return doc === undefined ? undefined : locate(doc, path);
}

/**
 * Validates and compiles a rule file given as text. `file` names it in diagnostics;
 * its base name must be the file's `effective.from` date (`2018-12-01.json`).
 * `name`, if given, is what results show as the rule set's file (a path relative to
 * the rules directory, so answers do not reveal where the package is installed).
 */
export function loadRuleSetText(text: string, file: string, name?: string): Result<CompiledRuleSet> {
  const parsed = parseJsonDocument(text, file);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const schema = safeParseDanish(ruleSetFileSchema, doc.value);
  if (!schema.success) return fail(schemaDiagnostics(doc, schema.error.issues));
  const errors = [...checkRuleSet(doc, schema.data, file), ...checkFunderShares(doc, schema.data)];
  if (errors.length > 0) return fail(errors);
  const ruleSet = compileRuleSet(schema.data, name ?? file);
  documents.set(ruleSet, doc);
  return ok(ruleSet);
}

/**
 * Reads, validates and compiles one rule file; `name` as in {@link loadRuleSetText}.
 * The file must be UTF-8 (a byte-order mark is allowed); a missing or unreadable file is
 * a `file-read` diagnostic, another encoding a `file-encoding` one.
 */
export function loadRuleSetFile(path: string, name?: string): Result<CompiledRuleSet> {
  const text = readTextFile(path);
  if (!text.ok) return text;
  return loadRuleSetText(text.value, path, name);
}

/** The path a rule set was loaded from (its diagnostics' `file`), if it came from a file. */
export function sourcePathOf(ruleSet: CompiledRuleSet): string | undefined {
  return documents.get(ruleSet)?.file;
}
