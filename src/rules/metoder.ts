/**
 * Loads a methods catalogue (`rules/metoder/<YYYY-MM-DD>.json`) the way a rule file is
 * loaded: JSON syntax and forbidden or duplicate keys → schema → meaning (unique method
 * ids, the file named for its date) → a frozen catalogue. Any error and nothing is loaded;
 * every error names the file, JSON pointer, line and column.
 *
 * The registry and `validate` tell a catalogue from a rule set by its folder: every file
 * in a folder named `metoder` is a catalogue ({@link isMetoderFile}).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { diagnostic, fail, ok, type Diagnostic, type Result } from '../errors.js';
import { toSource } from '../engine/source.js';
import type { IsoDate, Source } from '../engine/types.js';
import type { IndsatsomraadeId } from '../domain/maal.js';
import { safeParseDanish } from '../domain/parse.js';
import { checkDates, type Report } from './checks.js';
import { locate, parseJsonDocument } from './json-document.js';
import { contentHash } from './loader.js';
import { METODER_ID, metodeKatalogFileSchema } from './metoder-schema.js';
import { schemaDiagnostics } from './schema-issues.js';
import type { ParameterInput } from './schema.js';

/** The name of the folder that holds methods catalogues. */
export const METODER_DIR = 'metoder';

/** Where each loaded catalogue's `effective.from` stands in its file, for errors found across files. */
const fromLocations = new WeakMap<MetodeKatalog, { readonly file: string; readonly line: number; readonly column: number }>();

/** Whether a rule-file status is confirmed, unconfirmed or an fsb policy choice (as a parameter's `status`). */
export type KatalogStatus = NonNullable<ParameterInput['status']>;

/** One documented method of a catalogue. */
export interface Metode {
  readonly id: string;
  readonly navn: string;
  readonly kilde: Source;
  readonly indsatsomraader: readonly IndsatsomraadeId[];
  /** The method's own status, else the catalogue's. */
  readonly status: KatalogStatus;
  readonly note?: string;
}

/** A loaded methods catalogue: one dated version. */
export interface MetodeKatalog {
  readonly id: typeof METODER_ID;
  /** The date it takes effect (its file name). */
  readonly version: IsoDate;
  readonly title: string;
  readonly description?: string;
  /** The file it was loaded from (relative to the rules directory when loaded through a registry). */
  readonly file?: string;
  /** The sha256 (hex) of the file's exact bytes (of the text's UTF-8 bytes when given as text). */
  readonly contentHash: string;
  readonly status: KatalogStatus;
  readonly sources: readonly Source[];
  readonly notes: readonly string[];
  /** The methods in the file's order. */
  readonly metoder: readonly Metode[];
  /** The method with this id, if the catalogue has it. */
  readonly metode: (id: string) => Metode | undefined;
}

/** True for a file in a `metoder` folder: a methods catalogue rather than a rule set. */
export function isMetoderFile(path: string): boolean {
  return basename(dirname(path)) === METODER_DIR;
}

/**
 * Validates a methods catalogue given as text. `file` names it in diagnostics (its base
 * name must be its `effective.from` date); `name`, if given, is what results show as its file.
 */
export function loadMetodeKatalogText(text: string, file: string, name?: string): Result<MetodeKatalog> {
  return loadKatalog(text, file, name, undefined);
}

function loadKatalog(text: string, file: string, name: string | undefined, hash: string | undefined): Result<MetodeKatalog> {
  const parsed = parseJsonDocument(text, file);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const schema = safeParseDanish(metodeKatalogFileSchema, doc.value);
  if (!schema.success) return fail(schemaDiagnostics(doc, schema.error.issues));
  const data = schema.data;
  const errors: Diagnostic[] = [];
  const report: Report = (code, path, message, hint) => {
    const where = locate(doc, path);
    errors.push(diagnostic({ code, severity: 'error', file: doc.file, pointer: where.pointer, line: where.line, column: where.column, message, hint }));
  };
  checkDates(data, file, report);
  const byId = new Map<string, Metode>();
  data.metoder.forEach((m, i) => {
    if (byId.has(m.id)) {
      report('duplicate-rule-id', ['metoder', i, 'id'], `metode-id'et "${m.id}" bruges allerede af en anden metode i kataloget`, 'Giv metoden et entydigt id.');
      return;
    }
    const metode: Metode = Object.freeze({
      id: m.id,
      navn: m.navn,
      kilde: toSource(m.kilde),
      indsatsomraader: Object.freeze([...m.indsatsomraader]),
      status: m.status ?? data.status,
      ...(m.note === undefined ? {} : { note: m.note }),
    });
    byId.set(m.id, metode);
  });
  if (errors.length > 0) return fail(errors);
  const sources = Array.isArray(data.source) ? data.source : [data.source];
  const katalog: MetodeKatalog = Object.freeze({
    id: METODER_ID,
    version: data.effective.from,
    title: data.title,
    ...(data.description === undefined ? {} : { description: data.description }),
    file: name ?? file,
    contentHash: hash ?? contentHash(text),
    status: data.status,
    sources: Object.freeze(sources.map(toSource)),
    notes: Object.freeze([...(data.notes ?? [])]),
    metoder: Object.freeze([...byId.values()]),
    metode: (id: string) => byId.get(id),
  });
  const from = locate(doc, ['effective', 'from']);
  fromLocations.set(katalog, { file: doc.file, line: from.line, column: from.column });
  return ok(katalog);
}

/** The path a catalogue was read from (its `file` may be the name results show instead); undefined when it was not loaded here. */
export function metodeKatalogSourcePath(katalog: MetodeKatalog): string | undefined {
  return fromLocations.get(katalog)?.file;
}

/** Reads and validates one methods catalogue; `name` as in {@link loadMetodeKatalogText}. */
export function loadMetodeKatalogFile(path: string, name?: string): Result<MetodeKatalog> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail([
      diagnostic({ code: 'file-read', severity: 'error', file: path, message: `filen kan ikke læses: ${(error as Error).message}`, hint: 'Kontrollér stien og at filen findes.' }),
    ]);
  }
  return loadKatalog(bytes.toString('utf8'), path, name, contentHash(bytes));
}

/**
 * Orders catalogues by date and rejects two that take effect on the same day (each holds
 * until the next one, so there are no gaps or overlaps otherwise).
 */
export function checkMetodeKataloger(kataloger: readonly MetodeKatalog[]): Result<readonly MetodeKatalog[]> {
  const sorted = [...kataloger].sort((a, b) => a.version.localeCompare(b.version));
  const errors: Diagnostic[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as MetodeKatalog;
    const next = sorted[i] as MetodeKatalog;
    if (prev.version === next.version) {
      const at = fromLocations.get(next);
      errors.push(
        diagnostic({
          code: 'version-overlap',
          severity: 'error',
          ...(at === undefined ? {} : at),
          pointer: '/effective/from',
          message: `to metodekataloger træder begge i kraft ${next.version}${prev.file === undefined ? '' : ` (også ${fromLocations.get(prev)?.file ?? prev.file})`}`,
          hint: 'Et metodekatalog gælder, til det næste træder i kraft: giv det nye katalog sin egen dato, eller slet det ene.',
        }),
      );
    }
  }
  return errors.length > 0 ? fail(errors) : ok(Object.freeze(sorted));
}

/** The catalogue in force on `asOf`: the latest that took effect on or before it; undefined if none. */
export function metodeKatalogInForce(kataloger: readonly MetodeKatalog[], asOf: IsoDate): MetodeKatalog | undefined {
  let found: MetodeKatalog | undefined;
  for (const k of kataloger) if (k.version <= asOf && (found === undefined || k.version > found.version)) found = k;
  return found;
}
