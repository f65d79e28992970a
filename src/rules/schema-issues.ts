/**
 * Turns zod issues into located diagnostics. A failed union (a condition that is
 * none of all/any/not/atLeast/condition/fact) would otherwise report every branch;
 * here the branch the author meant is chosen by its keys, and only its problems shown.
 */
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../errors.js';
import { type JsonDocument, type JsonPath, locate } from './json-document.js';
import { issuePath } from '../domain/parse.js';

type Issue = z.core.$ZodIssue;

const CONDITION_BRANCH_KEYS: readonly (readonly string[])[] = [['all'], ['any'], ['not'], ['atLeast', 'of'], ['condition'], ['fact', 'operator', 'value', 'path']];

/** Located diagnostics for every zod issue, Danish messages kept from zod's `da` locale. */
export function schemaDiagnostics(doc: JsonDocument, issues: readonly Issue[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  collect(doc, issues, [], out);
  return out;
}

function collect(doc: JsonDocument, issues: readonly Issue[], base: JsonPath, out: Diagnostic[]): void {
  for (const issue of issues) {
    const path: JsonPath = [...base, ...(issue.path as (string | number)[])];
    const last = path[path.length - 1];
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && typeof last === 'string' && valueAt(doc.value, path) === undefined) {
      const where = locate(doc, path.slice(0, -1));
      out.push(
        diagnostic({
          code: 'schema',
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
        collect(doc, branch, path, out);
        continue;
      }
    }
    const where = locate(doc, [...base, ...issuePath(issue)]);
    out.push(
      diagnostic({
        code: 'schema',
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
    if (branches.length === CONDITION_BRANCH_KEYS.length) {
      const i = CONDITION_BRANCH_KEYS.findIndex((ks) => ks.some((k) => keys.includes(k)));
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
      return issue.expected === 'string' && typeof valueAtSafe(issue) === 'number'
        ? 'Skriv tallet som decimaltekst i anførselstegn, fx "0.125".'
        : `Værdien skal være af typen ${issue.expected}.`;
    case 'invalid_format':
      return 'Ret værdiens format som beskrevet i meddelelsen.';
    default:
      return 'Ret værdien som beskrevet i meddelelsen; se regelfilens JSON Schema.';
  }
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
