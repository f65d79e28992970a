/**
 * A JSON file parsed twice over: its value, and its syntax tree with offsets, so that
 * any problem found later can be reported at its line and column. Also finds what
 * `JSON.parse` hides: duplicate keys and prototype-polluting keys. Every JSON text the
 * package reads comes through {@link parseJsonDocument} (files through
 * `readJsonFile` in `files.ts`): syntax errors are Danish and located, never a raw
 * `JSON.parse` message, and nesting deeper than {@link MAX_JSON_DEPTH} is refused before
 * anything recursive touches the text.
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { diagnostic, type Diagnostic, type Result, fail, ok } from '../errors.js';
import { type JsonPath, pointerToPath, toPointer } from '../engine/pointer.js';
import { findDepthExcess, MAX_JSON_DEPTH } from './json-depth.js';

// the pointer helpers belong to the engine (a condition's `path` is a pointer); re-exported
// here because every located diagnostic of a file is built with them
export { type JsonPath, parsePointer, pointerToPath, resolvePointer, toPointer } from '../engine/pointer.js';

/** A parsed JSON file. */
export interface JsonDocument {
  readonly file: string;
  readonly text: string;
  readonly value: unknown;
  readonly root: Node;
  /** Offsets at which each line starts. */
  readonly lineStarts: readonly number[];
}

/** A place in a JSON file. */
export interface JsonLocation {
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
}

/** At most this many syntax errors are reported one by one; the rest are counted. */
const MAX_SYNTAX_ERRORS = 20;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const FORBIDDEN_DATA_KEYS = new Set(['__proto__']);

/** How a JSON text is read. */
export interface JsonReadOptions {
  /**
   * The file is data whose keys are names from the data (a status file keyed by
   * boligområde): only `__proto__` is refused as a key, not `constructor`/`prototype`.
   */
  readonly data?: boolean;
}

/**
 * Parses strict JSON (no comments, no trailing commas; a leading byte-order mark is
 * ignored). Fails with a `json-depth` error where the nesting first exceeds
 * {@link MAX_JSON_DEPTH}; else with every syntax error located; then with every
 * duplicate key and every `__proto__`/`constructor`/`prototype` key (only `__proto__`
 * for {@link JsonReadOptions.data}).
 */
export function parseJsonDocument(text: string, file: string, options: JsonReadOptions = {}): Result<JsonDocument> {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lineStarts = computeLineStarts(text);
  const tooDeep = findDepthExcess(text);
  if (tooDeep !== undefined) {
    const { line, column } = lineColumn(lineStarts, tooDeep.offset);
    return fail([
      diagnostic({
        code: 'json-depth',
        severity: 'error',
        file,
        pointer: toPointer(tooDeep.path),
        line,
        column,
        message: `filen er indlejret for dybt: mere end ${MAX_JSON_DEPTH} niveauer af { } og [ ] inden i hinanden`,
        hint: 'Gør strukturen fladere; i en regelfil: flyt dele af betingelsen ud i navngivne betingelser under "conditions" og henvis til dem med {"condition": "navn"}.',
      }),
    ]);
  }
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (parseErrors.length > 0 || root === undefined) {
    // one error per place: later errors at the same offset are consequences of the first
    const offsets = new Set<number>();
    const firstPerOffset: ParseError[] = [];
    for (const e of parseErrors) {
      if (offsets.has(e.offset)) continue;
      offsets.add(e.offset);
      firstPerOffset.push(e);
    }
    // text that is not JSON at all gives an error at nearly every token: the first few say enough
    const shown = firstPerOffset.slice(0, MAX_SYNTAX_ERRORS);
    const errors = shown.map((e) => {
      const trailingComma = trailingCommaBefore(text, e.offset);
      const { line, column } = lineColumn(lineStarts, trailingComma ?? e.offset);
      return diagnostic({
        code: 'json-syntax',
        severity: 'error',
        file,
        line,
        column,
        message: trailingComma !== undefined ? 'ugyldig JSON: komma efter sidste element' : `ugyldig JSON: ${danishParseError(printParseErrorCode(e.error))}`,
        hint:
          trailingComma !== undefined
            ? 'Slet kommaet; i JSON står der kun komma mellem elementer.'
            : 'Kontrollér kommaer, anførselstegn og klammer omkring dette sted; JSON tillader hverken kommentarer eller komma efter sidste element.',
      });
    });
    const more = firstPerOffset.length - shown.length;
    if (more > 0) {
      errors.push(diagnostic({ code: 'json-syntax', severity: 'error', file, message: `og ${more} syntaksfejl mere længere nede i filen`, hint: 'Ret de første fejl og kontrollér filen igen; er det overhovedet en JSON-fil?' }));
    }
    if (errors.length === 0) errors.push(diagnostic({ code: 'json-syntax', severity: 'error', file, line: 1, column: 1, message: 'filen er tom', hint: 'En JSON-fil indeholder én værdi, fx et objekt { … } eller en liste [ … ].' }));
    return fail(errors);
  }
  const errors: Diagnostic[] = [];
  const forbidden = options.data === true ? FORBIDDEN_DATA_KEYS : FORBIDDEN_KEYS;
  walkKeys(root, [], (key, keyNode, path, siblings) => {
    const isForbidden = forbidden.has(key);
    const isDuplicate = siblings.get(key) !== keyNode;
    // the place is worked out only for a key that is wrong: this runs for every key of every file
    if (!isForbidden && !isDuplicate) return;
    const { line, column } = lineColumn(lineStarts, keyNode.offset);
    const pointer = toPointer([...path, key]);
    if (isForbidden) {
      errors.push(
        diagnostic({
          code: 'forbidden-key',
          severity: 'error',
          file,
          pointer,
          line,
          column,
          message: `nøglen "${key}" er ikke tilladt`,
          hint: options.data === true ? 'Omdøb nøglen; "__proto__" kan ændre JavaScript-objekters opførsel.' : 'Omdøb nøglen; "__proto__", "constructor" og "prototype" kan ændre JavaScript-objekters opførsel.',
        }),
      );
    }
    if (isDuplicate) {
      errors.push(
        diagnostic({
          code: 'duplicate-key',
          severity: 'error',
          file,
          pointer,
          line,
          column,
          message: `nøglen "${key}" står to gange i samme objekt`,
          hint: 'Slet den ene; ellers gælder kun den sidste, og den første ignoreres uden varsel.',
        }),
      );
    }
  });
  if (errors.length > 0) return fail(errors);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // jsonc-parser found no error where JSON.parse does: never expected, still reported in Danish
    return fail([diagnostic({ code: 'json-syntax', severity: 'error', file, line: 1, column: 1, message: 'ugyldig JSON', hint: 'Kontrollér filens syntaks, fx med en JSON-validator i editoren.' })]);
  }
  return ok(Object.freeze({ file, text, value, root, lineStarts }));
}

/**
 * The location of `path` in the document: the key of the deepest existing property
 * along the path (or the array element), so a missing property points at its parent.
 */
export function locate(doc: JsonDocument, path: JsonPath): JsonLocation {
  let node: Node = doc.root;
  let offset = node.offset;
  for (const segment of path) {
    let next: Node | undefined;
    let at = offset;
    if (node.type === 'object' && typeof segment === 'string') {
      const prop = propertiesOf(node).get(segment);
      next = prop?.children?.[1];
      at = prop?.offset ?? at;
    } else if (node.type === 'array' && typeof segment === 'number') {
      next = node.children?.[segment];
      at = next?.offset ?? at;
    }
    if (next === undefined) break;
    node = next;
    offset = at;
  }
  const { line, column } = lineColumn(doc.lineStarts, offset);
  return { pointer: toPointer(path), line, column };
}

const propertyIndex = new WeakMap<Node, ReadonlyMap<string, Node>>();

/** An object node's properties by key (the first of duplicates), built once per node: locating many problems in one big object stays linear. */
function propertiesOf(node: Node): ReadonlyMap<string, Node> {
  let index = propertyIndex.get(node);
  if (index === undefined) {
    const map = new Map<string, Node>();
    for (const p of node.children ?? []) {
      const key = p.children?.[0]?.value;
      if (typeof key === 'string' && !map.has(key)) map.set(key, p);
    }
    index = map;
    propertyIndex.set(node, index);
  }
  return index;
}

/** The diagnostic with the line and column of its pointer in `doc`, unless it has them already. */
export function withLocation(doc: JsonDocument, d: Diagnostic): Diagnostic {
  if (d.pointer === undefined || d.line !== undefined) return d;
  const where = locate(doc, pointerToPath(d.pointer));
  return diagnostic({ ...d, line: where.line, column: where.column });
}

function walkKeys(
  node: Node,
  path: (string | number)[],
  visit: (key: string, keyNode: Node, path: readonly (string | number)[], siblings: ReadonlyMap<string, Node>) => void,
): void {
  if (node.type === 'object') {
    const firstSeen = new Map<string, Node>();
    for (const prop of node.children ?? []) {
      const keyNode = prop.children?.[0];
      const valueNode = prop.children?.[1];
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      const key = keyNode.value;
      // report a duplicate at its second occurrence: the map holds the first one
      if (!firstSeen.has(key)) firstSeen.set(key, keyNode);
      visit(key, keyNode, path, firstSeen);
      if (valueNode) walkKeys(valueNode, [...path, key], visit);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, i) => walkKeys(child, [...path, i], visit));
  }
}

/** The offset of a comma directly before a closing } or ] at `offset`, if that is the error. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  let i = offset;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  if (text[i] !== '}' && text[i] !== ']') return undefined;
  let j = offset - 1;
  while (j >= 0 && /\s/.test(text[j] ?? '')) j--;
  return text[j] === ',' ? j : undefined;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineColumn(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
}

const PARSE_ERRORS_DA: Record<string, string> = {
  InvalidSymbol: 'ugyldigt tegn',
  InvalidNumberFormat: 'ugyldigt tal',
  PropertyNameExpected: 'forventede et nøglenavn i anførselstegn',
  ValueExpected: 'forventede en værdi',
  ColonExpected: 'forventede kolon',
  CommaExpected: 'forventede komma',
  CloseBraceExpected: 'forventede }',
  CloseBracketExpected: 'forventede ]',
  EndOfFileExpected: 'forventede slutningen af filen',
  InvalidCommentToken: 'kommentarer er ikke tilladt i JSON',
  UnexpectedEndOfComment: 'uafsluttet kommentar',
  UnexpectedEndOfString: 'uafsluttet tekststreng',
  UnexpectedEndOfNumber: 'uafsluttet tal',
  InvalidUnicode: 'ugyldig unicode-sekvens',
  InvalidEscapeCharacter: 'ugyldig escape-sekvens',
  InvalidCharacter: 'ugyldigt tegn i tekststreng',
};

function danishParseError(code: string): string {
  return PARSE_ERRORS_DA[code] ?? code;
}
