/**
 * The one way the package reads a file: every rule file, scenario, indsats file,
 * financing plan, status file and CSV input goes through {@link readTextFile} (bytes →
 * {@link decodeText}) and, for JSON, {@link readJsonFile} (→ {@link parseJsonDocument}:
 * Danish, located syntax errors and the nesting limit). A missing file, a directory
 * where a file was expected or a file that cannot be opened is a `file-read`
 * diagnostic naming the path — never an ENOENT/EISDIR exception.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, type Diagnostic, type DiagnosticCode, fail, ok, type Result } from '../errors.js';
import { type JsonDocument, type JsonReadOptions, parseJsonDocument } from './json-document.js';
import { decodeText } from './text-decode.js';

/**
 * The text of a file, decoded as UTF-8 (see {@link decodeText}). `shown` is how the
 * path appears in diagnostics (default: `path`).
 */
export function readTextFile(path: string, shown: string = path): Result<string> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail([readProblem(error, shown, 'filen')]);
  }
  return decodeText(bytes, shown);
}

/** A JSON file read with {@link readTextFile} and parsed with {@link parseJsonDocument}. */
export function readJsonFile(path: string, shown: string = path, options: JsonReadOptions = {}): Result<JsonDocument> {
  const text = readTextFile(path, shown);
  return text.ok ? parseJsonDocument(text.value, shown, options) : text;
}

/** How {@link listJsonFiles} lists. */
export interface ListOptions {
  /** How `root` appears in diagnostics (default: `root`). */
  readonly shown?: string;
  /** What `root` is called in the message: "regelmappen", "scenariemappen" (default "mappen"). */
  readonly what?: string;
  /** Whether subdirectories are listed too (default true). */
  readonly recursive?: boolean;
}

/**
 * Every `*.json` file under the directory `root` (except `*.schema.json`), sorted; or
 * `[root]` when `root` is a file (named explicitly, it is read whatever its name). A
 * missing `root` is a `file-read` diagnostic naming it.
 */
export function listJsonFiles(root: string, options: ListOptions = {}): Result<string[]> {
  const { shown = root, what = 'mappen', recursive = true } = options;
  try {
    if (!statSync(root).isDirectory()) return ok([root]);
  } catch (error) {
    return fail([readProblem(error, shown, what)]);
  }
  const out: string[] = [];
  const errors: Diagnostic[] = [];
  // an explicit stack: a deep directory tree must not overflow the call stack either
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      errors.push(readProblem(error, dir === root ? shown : dir, what));
      continue;
    }
    const subdirs: string[] = [];
    for (const name of names) {
      const p = join(dir, name);
      let isDir: boolean;
      try {
        isDir = statSync(p).isDirectory();
      } catch (error) {
        errors.push(readProblem(error, p, 'filen'));
        continue;
      }
      if (isDir) {
        if (recursive) subdirs.push(p);
      }
      else if (isJsonFile(p)) out.push(p);
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i] as string);
  }
  if (errors.length > 0) return fail(errors);
  return ok(out.sort());
}

function isJsonFile(p: string): boolean {
  return p.endsWith('.json') && !p.endsWith('.schema.json');
}

/** A Danish `file-read` diagnostic for a file-system error on `shown`. */
export function readProblem(error: unknown, shown: string, what: string): Diagnostic {
  const code = typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : '';
  const reasons: Readonly<Record<string, { reason: string; hint: string }>> = {
    ENOENT: { reason: 'den findes ikke', hint: 'Kontrollér stien og stavningen; en relativ sti regnes fra den mappe, kommandoen køres i.' },
    ENOTDIR: { reason: 'en del af stien er en fil, ikke en mappe', hint: 'Kontrollér stien.' },
    EISDIR: { reason: 'det er en mappe, ikke en fil', hint: 'Angiv en fil i mappen i stedet for selve mappen.' },
    EACCES: { reason: 'du har ikke adgang til at læse den', hint: 'Kontrollér filens rettigheder.' },
    EPERM: { reason: 'du har ikke adgang til at læse den', hint: 'Kontrollér filens rettigheder.' },
    EMFILE: { reason: 'der er for mange åbne filer', hint: 'Prøv igen.' },
  };
  const known = Object.hasOwn(reasons, code) ? reasons[code] : undefined;
  return diagnostic({
    code: 'file-read',
    severity: 'error',
    file: shown,
    message: `${what} ${shown} kan ikke læses: ${known?.reason ?? `læsningen fejlede${code ? ` (${code})` : ''}`}`,
    hint: known?.hint ?? 'Kontrollér stien og at filen findes.',
  });
}

/** True for a usage problem (the CLI exits 2): a path that could not be read, or a bad argument. */
export function isUsageProblem(d: { readonly code: DiagnosticCode }): boolean {
  return d.code === 'file-read' || d.code === 'cli-usage';
}
