/**
 * Turns zod issues into located diagnostics. A failed union (a condition that is
 * none of all/any/not/atLeast/condition/fact) would otherwise report every branch;
 * here the branch the author meant is chosen by its keys, and only its problems shown.
 */
import type { z } from 'zod';
import { diagnostic, didYouMean, type Diagnostic, type DiagnosticCode } from '../errors.js';
import { type JsonDocument, type JsonPath, locate } from './json-document.js';
import { issuePath } from '../domain/parse.js';
import { CONDITION_KINDS } from '../engine/grammar.js';

type Issue = z.core.$ZodIssue;


/** Where the issues of {@link schemaDiagnostics} lie and which code they get. */
export interface SchemaDiagnosticsOptions {
  /** The path of the value that was parsed, inside the document (default: the whole document). */
  readonly base?: JsonPath;
  /** The diagnostic code (default `schema`). */
  readonly code?: DiagnosticCode;
}

/** Located diagnostics for every zod issue, Danish messages kept from zod's `da` locale. */
export function schemaDiagnostics(doc: JsonDocument, issues: readonly Issue[], options: SchemaDiagnosticsOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  collect(doc, issues, options.base ?? [], options.code ?? 'schema', out);
  return out;
}

function collect(doc: JsonDocument, issues: readonly Issue[], base: JsonPath, code: DiagnosticCode, out: Diagnostic[]): void {
  for (const issue of issues) {
    const path: JsonPath = [...base, ...(issue.path as (string | number)[])];
    const last = path[path.length - 1];
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && typeof last === 'string' && valueAt(doc.value, path) === undefined) {
      const where = locate(doc, path.slice(0, -1));
      out.push(
        diagnostic({
          code,
          severity: 'error',
          file: doc.file,
          pointer: locate(doc, path).pointer,
          line: where.line,
          column: where.column,
          message: `nøglen "${last}" mangler`,
          hint: `Tilføj "${last}"; editoren viser, hvad den skal indeholde, når filen har "$schema".`,
        }),
      );
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = chooseBranch(valueAt(doc.value, path), issue.errors);
      if (branch !== undefined) {
        collect(doc, branch, path, code, out);
        continue;
      }
    }
    const where = locate(doc, [...base, ...issuePath(issue)]);
    out.push(
      diagnostic({
        code,
        severity: 'error',
        file: doc.file,
        pointer: where.pointer,
        line: where.line,
        column: where.column,
        message: issue.message,
        hint: hintFor(issue, path),
      }),
    );
  }
}

function chooseBranch(value: unknown, branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  if (isObject(value)) {
    const keys = Object.keys(value);
    // a condition: the branch whose distinguishing keys the object has
    if (branches.length === CONDITION_KINDS.length) {
      const i = CONDITION_KINDS.findIndex((ks) => ks.some((k) => keys.includes(k)));
      if (i >= 0) return branches[i];
      return undefined;
    }
  }
  // otherwise the branch that got furthest: no type mismatch at the union itself, fewest issues
  let best: readonly Issue[] | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const b of branches) {
    const mismatch = b.some((i) => i.code === 'invalid_type' && i.path.length === 0);
    const score = (mismatch ? 1000 : 0) + b.length;
    if (score < bestScore) {
      bestScore = score;
      best = b;
    }
  }
  return bestScore >= 1000 ? undefined : best;
}

function hintFor(issue: Issue, path: JsonPath): string {
  const last = path[path.length - 1];
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Slet eller ret nøglen ${issue.keys.map((k) => `"${k}"`).join(', ')}; editoren foreslår de tilladte nøgler, når filen har "$schema".`;
    case 'invalid_union':
      return last === 'conditions' || last === 'condition' || typeof last === 'number'
        ? 'En betingelse er ét af: {"all": […]}, {"any": […]}, {"not": …}, {"atLeast": k, "of": […]}, {"condition": "navn"} eller {"fact": …, "operator": …, "value": …}.'
        : 'Værdien har ikke en af de tilladte former; se regelfilens JSON Schema.';
    case 'invalid_type':
      return typeHint(issue.expected, valueAtSafe(issue));
    case 'invalid_value':
      return valueHint(issue.values, valueAtSafe(issue));
    case 'invalid_format':
      return 'Ret værdiens format som beskrevet i meddelelsen.';
    default:
      return 'Ret værdien som beskrevet i meddelelsen; se regelfilens JSON Schema.';
  }
}

function typeHint(expected: string, input: unknown): string {
  if (expected === 'string' && typeof input === 'number') return 'Skriv tallet som decimaltekst i anførselstegn, fx "0.125".';
  if (expected === 'boolean') return 'Skriv true eller false uden anførselstegn.';
  if (expected === 'number' && typeof input === 'string') return `Skriv tallet uden anførselstegn${/^-?\d+(\.\d+)?$/.test(input) ? `: ${input}` : ''}.`;
  return `Værdien skal være af typen ${expected}.`;
}

/** "Did you mean" for a misspelt allowed value, else the allowed values. */
function valueHint(values: readonly unknown[], input: unknown): string {
  const texts = values.filter((v): v is string => typeof v === 'string');
  const guess = typeof input === 'string' ? didYouMean(input, texts) : undefined;
  if (guess !== undefined) return `Mente du "${guess}"?`;
  return `Brug en af: ${values.map((v) => JSON.stringify(v)).join(', ')}.`;
}

function valueAtSafe(issue: Issue): unknown {
  return (issue as { input?: unknown }).input;
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isObject(v) && typeof seg === 'string') v = Object.hasOwn(v, seg) ? v[seg] : undefined;
    else return undefined;
  }
  return v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
