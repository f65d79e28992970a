/**
 * One error model for the whole package.
 *
 * Problems that people must fix (a rule file, an input row, a CLI argument) are
 * {@link Diagnostic}s: data with a stable code, a location and a hint, written in
 * Danish because analysts read them. Library functions return a {@link Result}
 * where bad input is expected (loading, parsing) and throw a
 * {@link BoligsocialError} carrying diagnostics where it is a programming error.
 */

/** Stable diagnostic codes. Never rename one: services and tests match on them. */
export const DIAGNOSTIC_CODES = [
  // rule files
  'json-syntax',
  'duplicate-key',
  'forbidden-key',
  'schema',
  'unknown-fact',
  'unknown-parameter',
  'unknown-operator',
  'unknown-condition',
  'condition-cycle',
  'value-type',
  'operator-fact-type',
  'duplicate-rule-id',
  'effective-order',
  'file-name-date',
  'version-overlap',
  'version-gap',
  'share-sum',
  'file-read',
  // rule files against their domain's declaration
  'unknown-domain',
  'unknown-event',
  'event-params',
  'missing-parameter',
  'parameter-unit',
  'missing-rule',
  'file-encoding',
  'json-depth',
  'condition-depth',
  // evaluation and registry
  'no-rules-in-force',
  'unknown-rule-set',
  'unknown-disable-id',
  'fact-type',
  // input data
  'input-invalid',
  'input-row',
  // lifecycle
  'event-order',
  'event-not-allowed',
  'start-requirement',
  'concurrent-indsats',
  // cli
  'cli-usage',
] as const;

/** A stable, machine-readable diagnostic code. */
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** How serious a diagnostic is: an `error` blocks loading; a `warning` does not. */
export type Severity = 'error' | 'warning';

/**
 * One problem, located as precisely as it can be.
 *
 * `file`, `pointer` (RFC 6901 JSON pointer), `line` and `column` (both 1-based) are
 * present whenever the problem has a place in a file; `row` and `column` name an
 * input row (1-based, header excluded) and its column name for tabular input.
 */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** What is wrong, in Danish. */
  readonly message: string;
  /** How to fix it, in Danish. */
  readonly hint?: string;
  readonly file?: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
  /** For tabular input: the 1-based data row (header not counted). */
  readonly row?: number;
  /** For tabular input: the column name. */
  readonly field?: string;
  /** For tabular input: the row's id, when it could be read. */
  readonly id?: string;
}

/** The result of an operation that can fail on bad input: never a partial value. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly Diagnostic[] };

/** The successful branch of a {@link Result}. */
export type Success<T> = Extract<Result<T>, { readonly ok: true }>;

/** The failed branch of a {@link Result}: its diagnostics, never a partial value. */
export type Failure = Extract<Result<never>, { readonly ok: false }>;

/**
 * Builds a successful {@link Result} that also answers to older names of its parts, for
 * callers written before the function returned a `Result` (`parsed.data` where it is now
 * `parsed.value`). The aliases are non-enumerable: they are not serialised, spread or
 * compared by `toEqual`, so the result looks like any other `Result`. The caller declares
 * them `@deprecated` in its return type.
 */
export function okWithAliases<T, A extends Readonly<Record<string, unknown>>>(value: T, aliases: A): Success<T> & A {
  const result = { ok: true as const, value };
  for (const [name, alias] of Object.entries(aliases)) Object.defineProperty(result, name, { value: alias, enumerable: false });
  return Object.freeze(result) as Success<T> & A;
}

/** Builds a successful {@link Result}. */
export function ok<T>(value: T): Result<T> {
  return Object.freeze({ ok: true as const, value });
}

/** Builds a failed {@link Result} from one or more diagnostics (a {@link Failure} fits every `Result<T>`). */
export function fail(errors: readonly Diagnostic[]): Failure {
  return Object.freeze({ ok: false as const, errors: Object.freeze([...errors]) });
}

/** Builds a frozen diagnostic, dropping absent optional fields. */
export function diagnostic(d: Diagnostic): Diagnostic {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (v !== undefined) out[k] = v;
  return Object.freeze(out) as unknown as Diagnostic;
}

/**
 * The one exception type the package throws. `code` is stable; `diagnostics`
 * holds the located problems when there are any. Messages are in English
 * (programmer-facing); diagnostics carry Danish text for people.
 */
export class BoligsocialError extends Error {
  override readonly name = 'BoligsocialError';
  readonly code: DiagnosticCode;
  readonly diagnostics: readonly Diagnostic[];

  constructor(code: DiagnosticCode, message: string, diagnostics: readonly Diagnostic[] = []) {
    super(message);
    this.code = code;
    this.diagnostics = Object.freeze([...diagnostics]);
  }
}

/** The severity as a user reads it. */
const SEVERITY_DA: Readonly<Record<Diagnostic['severity'], string>> = { error: 'fejl', warning: 'advarsel' };

/**
 * Formats a diagnostic compiler-style, `file:line:column fejl kode besked (pointer) — hint`
 * (`advarsel` for a warning): the place first, as editors' problem matchers expect it; the
 * severity in Danish, as every word a user reads (JSON output keeps `severity: "error"`).
 */
export function formatDiagnostic(d: Diagnostic): string {
  let where = '';
  if (d.file !== undefined) {
    where = d.file;
    if (d.line !== undefined) where += `:${d.line}`;
    if (d.line !== undefined && d.column !== undefined) where += `:${d.column}`;
  }
  if (d.row !== undefined) where += `${where ? ' ' : ''}række ${d.row}`;
  if (d.field !== undefined) where += `${where ? ' ' : ''}kolonne ${d.field}`;
  let text = `${where ? `${where} ` : ''}${SEVERITY_DA[d.severity]} ${d.code} ${d.message}`;
  if (d.pointer !== undefined) text += ` (${d.pointer === '' ? '/' : d.pointer})`;
  if (d.hint !== undefined) text += ` — ${d.hint}`;
  return text;
}

/** The closest candidate to `name` by edit distance, if it is close enough to be a likely typo. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(name.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
