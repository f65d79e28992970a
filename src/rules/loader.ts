/**
 * Loads one rule file: JSON syntax → forbidden and duplicate keys → schema →
 * meaning (names, types, references, dates, shares) → the declaration of its domain
 * (event params, required parameters and rules) → compiled rule set. Any error at any
 * step and nothing is loaded: there is no partial rule set.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { diagnostic, didYouMean, type Result, fail, ok } from '../errors.js';
import { compileRuleSet } from '../engine/compile.js';
import type { CompiledRuleSet } from '../engine/types.js';
import { checkRuleSet } from './checks.js';
import { checkAgainstDomain } from './domain-checks.js';
import { checkFunderShares } from './funder-shares.js';
import { type JsonDocument, type JsonLocation, type JsonPath, locate, parseJsonDocument } from './json-document.js';
import { recordLoadedUnder, type RuleDomain } from './rule-domain.js';
import { readProblem } from './files.js';
import { decodeText } from './text-decode.js';
import { ruleSetFileSchema } from './schema.js';
import { schemaDiagnostics } from './schema-issues.js';
import { safeParseDanish } from '../domain/parse.js';

/** What loading needs besides the file: the domains its `domain` may name. */
export interface LoadOptions {
  /** The declarations of the domains rule files may belong to. */
  readonly domains: readonly RuleDomain[];
  /**
   * What results show as the rule set's file (a path relative to the rules directory,
   * so answers do not reveal where the package is installed); default the file itself.
   */
  readonly name?: string;
}

/** The sha256 of exact bytes, as 64 lowercase hex digits: a rule set's `contentHash`. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const documents = new WeakMap<CompiledRuleSet, JsonDocument>();

/** Where `path` lies in the file a rule set was loaded from (for diagnostics found after loading). */
export function locateInRuleSet(ruleSet: CompiledRuleSet, path: JsonPath): JsonLocation | undefined {
  const doc = documents.get(ruleSet);
  return doc === undefined ? undefined : locate(doc, path);
}

/**
 * Validates and compiles a rule file given as text (its content hash is that of the
 * text's UTF-8 bytes). `file` names it in diagnostics; its base name must be the file's
 * `effective.from` date (`2018-12-01.json`).
 */
export function loadRuleSetText(text: string, file: string, options: LoadOptions): Result<CompiledRuleSet> {
  return loadRuleSetSource(text, contentHash(text), file, options);
}

function loadRuleSetSource(text: string, hash: string, file: string, options: LoadOptions): Result<CompiledRuleSet> {
  const parsed = parseJsonDocument(text, file);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const schema = safeParseDanish(ruleSetFileSchema, doc.value);
  if (!schema.success) return fail(schemaDiagnostics(doc, schema.error.issues));
  const domain = options.domains.find((d) => d.name === schema.data.domain);
  if (domain === undefined) return fail([unknownDomain(doc, schema.data.domain, options.domains)]);
  const declared = checkAgainstDomain(doc, schema.data, domain);
  const errors = [...checkRuleSet(doc, schema.data, file, domain.facts), ...declared.errors, ...checkFunderShares(doc, schema.data)];
  if (errors.length > 0) return fail(errors);
  const ruleSet = compileRuleSet(declared.file, { facts: domain.facts, file: options.name ?? file, contentHash: hash });
  documents.set(ruleSet, doc);
  recordLoadedUnder(ruleSet, domain);
  return ok(ruleSet);
}

function unknownDomain(doc: JsonDocument, name: string, domains: readonly RuleDomain[]) {
  const where = locate(doc, ['domain']);
  const names = domains.map((d) => d.name);
  const guess = didYouMean(name, names);
  return diagnostic({
    code: 'unknown-domain',
    severity: 'error',
    file: doc.file,
    pointer: where.pointer,
    line: where.line,
    column: where.column,
    message: `ukendt domæne "${name}"`,
    hint: guess !== undefined ? `Mente du "${guess}"?` : `Brug en af: ${names.map((n) => `"${n}"`).join(', ')}.`,
  });
}

/**
 * Reads, validates and compiles one rule file; its content hash is that of the file's
 * exact bytes. The file must be UTF-8 (a byte-order mark is allowed); a missing or
 * unreadable file is a `file-read` diagnostic, another encoding a `file-encoding` one.
 */
export function loadRuleSetFile(path: string, options: LoadOptions): Result<CompiledRuleSet> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail([readProblem(error, path, 'filen')]);
  }
  const text = decodeText(bytes, path);
  if (!text.ok) return text;
  return loadRuleSetSource(text.value, contentHash(bytes), path, options);
}

/** The path a rule set was loaded from (its diagnostics' `file`), if it came from a file. */
export function sourcePathOf(ruleSet: CompiledRuleSet): string | undefined {
  return documents.get(ruleSet)?.file;
}
