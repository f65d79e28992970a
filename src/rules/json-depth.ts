/**
 * The nesting limit of every JSON file the package reads. Checked on jsonc-parser's
 * token stream, in one iterative pass, BEFORE the syntax tree is built and before any
 * recursive pass (the parser itself, the key walker, zod, structuredClone, freezing,
 * evaluation): a file nested thousands of levels deep would overflow the call stack
 * in any of them. No policy, scenario or indsats needs more than a few levels.
 */
import { createScanner } from 'jsonc-parser';

/** The deepest nesting of objects and arrays a JSON file may have. */
export const MAX_JSON_DEPTH = 64;

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot import
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/**
 * The offset of the `{` or `[` that opens nesting level `max + 1`, or undefined when
 * the text never nests deeper than `max`. Linear in the text; never recursive. Works on
 * text with syntax errors too (brackets are counted as the scanner sees them).
 */
export function depthExcessOffset(text: string, max: number = MAX_JSON_DEPTH): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      depth++;
      if (depth > max) return scanner.getTokenOffset();
    } else if ((kind === CLOSE_BRACE || kind === CLOSE_BRACKET) && depth > 0) depth--;
  }
  return undefined;
}
