/**
 * A JSON file parsed twice over: its value, and its syntax tree with offsets, so that
 * any problem found later can be reported at its line and column. Also finds what
 * `JSON.parse` hides: duplicate keys and prototype-polluting keys.
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { diagnostic, type Diagnostic, type Result, fail, ok } from '../errors.js';
import { type JsonPath, pointerToPath, toPointer } from '../engine/pointer.js';

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

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses strict JSON (no comments, no trailing commas). Fails with every syntax error
 * located; then with every duplicate key and every `__proto__`/`constructor`/`prototype` key.
 */
export function parseJsonDocument(text: string, file: string): Result<JsonDocument> {
  const lineStarts = computeLineStarts(text);
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (parseErrors.length > 0 || root === undefined) {
    // one error per place: later errors at the same offset are consequences of the first
    const firstPerOffset = parseErrors.filter((e, i) => parseErrors.findIndex((x) => x.offset === e.offset) === i);
    const errors = firstPerOffset.map((e) => {
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
    if (errors.length === 0) errors.push(diagnostic({ code: 'json-syntax', severity: 'error', file, line: 1, column: 1, message: 'filen er tom', hint: 'En regelfil er ét JSON-objekt: { … }' }));
    return fail(errors);
  }
  const errors: Diagnostic[] = [];
  walkKeys(root, [], (key, keyNode, path, siblings) => {
    const { line, column } = lineColumn(lineStarts, keyNode.offset);
    const pointer = toPointer([...path, key]);
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push(
        diagnostic({
          code: 'forbidden-key',
          severity: 'error',
          file,
          pointer,
          line,
          column,
          message: `nøglen "${key}" er ikke tilladt`,
          hint: 'Omdøb nøglen; "__proto__", "constructor" og "prototype" kan ændre JavaScript-objekters opførsel.',
        }),
      );
    }
    if (siblings.get(key) !== keyNode) {
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
  return ok(Object.freeze({ file, text, value: JSON.parse(text) as unknown, root, lineStarts }));
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
      const prop = node.children?.find((p) => p.children?.[0]?.value === segment);
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
