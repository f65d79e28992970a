/**
 * The nesting limit of every JSON file the package reads. Checked on jsonc-parser's
 * token stream, in one iterative pass, BEFORE the syntax tree is built and before any
 * recursive pass (the parser itself, the key walker, zod, structuredClone, freezing,
 * evaluation): a file nested thousands of levels deep would overflow the call stack
 * in any of them. No policy, scenario or indsats needs more than a few levels.
 */
import { createScanner } from 'jsonc-parser';
import { MAX_JSON_DEPTH } from '../domain/limits.js';

/** The deepest nesting of objects and arrays a JSON file may have. */
export { MAX_JSON_DEPTH };

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot import
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const STRING = 10;
const EOF = 17;

/** Where the nesting first goes too deep: the offset of the `{` or `[` and the path to it. */
export interface DepthExcess {
  readonly offset: number;
  readonly path: readonly (string | number)[];
}

interface Frame {
  readonly object: boolean;
  /** In an object: the key last read; in an array: the index of the current element. */
  key: string | number;
  expectKey: boolean;
}

/**
 * Where the `{` or `[` that opens nesting level `max + 1` is, or undefined when the
 * text never nests deeper than `max`. Linear in the text; never recursive. Works on
 * text with syntax errors too (brackets are counted as the scanner sees them; the path
 * is then a best guess).
 */
export function findDepthExcess(text: string, max: number = MAX_JSON_DEPTH): DepthExcess | undefined {
  const scanner = createScanner(text, true);
  const stack: Frame[] = [];
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    const top = stack[stack.length - 1];
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      // each open container's key is the segment of the child being read in it
      if (stack.length >= max) return { offset: scanner.getTokenOffset(), path: stack.map((f) => f.key) };
      stack.push({ object: kind === OPEN_BRACE, key: kind === OPEN_BRACE ? '' : 0, expectKey: kind === OPEN_BRACE });
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) stack.pop();
    else if (top === undefined) continue;
    else if (kind === COMMA) {
      if (top.object) top.expectKey = true;
      else top.key = (top.key as number) + 1;
    } else if (kind === STRING && top.object && top.expectKey) {
      top.key = scanner.getTokenValue();
      top.expectKey = false;
    }
  }
  return undefined;
}
