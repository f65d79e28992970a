/**
 * Bytes to text. Every file the package reads (rule files, scenarios, indsatser,
 * financing plans, status files, CSV input) is UTF-8; this is the one place that
 * turns its bytes into text. A UTF-8 byte-order mark is dropped (Notepad and Excel
 * write one), so line and column numbers count from the first real character.
 * Anything else — UTF-16 with or without its mark, Latin-1/Windows-1252, a
 * spreadsheet saved as .xlsx — is refused with ONE Danish diagnostic for the file,
 * located at the first byte that is not UTF-8, never with one error per character.
 * Pure: no file system.
 */
import { diagnostic, type Diagnostic, fail, ok, type Result } from '../errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const SAVE_AS_UTF8 =
  'Gem filen som UTF-8: i Excel "Gem som" → filtypen "CSV UTF-8 (kommasepareret)"; i Notesblok "Gem som" → Kodning "UTF-8"; i VS Code klik på kodningen nederst til højre → "Gem med kodning" → "UTF-8".';

/**
 * The text of a file's bytes: UTF-8, with a leading byte-order mark removed; or one
 * `file-encoding` diagnostic saying what the bytes look like instead and how to save
 * the file as UTF-8. `file` names the file in the diagnostic.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), 'a.json'); // { ok: true, value: '{}' }
 */
export function decodeText(bytes: Uint8Array, file?: string): Result<string> {
  const where = file === undefined ? {} : { file };
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return fail([
      encodingError(where, 'filen er ikke tekst, men et ZIP-arkiv (fx et Excel-regneark .xlsx)', 1, 1, 'Gem regnearket som "CSV UTF-8 (kommasepareret)", eller gem JSON som tekst i UTF-8.'),
    ]);
  }
  const utf16 = utf16Kind(bytes);
  if (utf16 !== undefined) {
    return fail([encodingError(where, `filen er ikke UTF-8: den er gemt som UTF-16 (${utf16})`, 1, 1)]);
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    return fail([invalidUtf8(body, where)]);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const { line, column } = textPosition(text, nul);
    return fail([encodingError(where, `filen er ikke UTF-8-tekst: den indeholder et NUL-tegn (byte 0x00)`, line, column, `Er det en binær fil? ${SAVE_AS_UTF8}`)]);
  }
  return ok(text);
}

/** "little-endian" or "big-endian" when the bytes are UTF-16: by its byte-order mark, or by NUL bytes in every other position. */
function utf16Kind(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, med byte-order mark';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, med byte-order mark';
  // without a mark: text that is mostly ASCII has a zero byte in every other position
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  // one stray NUL is not an encoding: at least two, in nearly a third of the pairs, and (almost) only on one side
  if (oddZeros >= 2 && oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.05) return 'little-endian, uden byte-order mark';
  if (evenZeros >= 2 && evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.05) return 'big-endian, uden byte-order mark';
  return undefined;
}

/** The one diagnostic for bytes that are not UTF-8: where the first bad byte is, and what it would be in Latin-1. */
function invalidUtf8(bytes: Uint8Array, where: { file?: string }): Diagnostic {
  const offset = firstInvalidUtf8(bytes);
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // the bytes before the first bad one are valid UTF-8
  const column = UTF8.decode(bytes.subarray(lineStart, offset)).length + 1;
  const byte = bytes[offset] ?? 0;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const latin1 = windows1252(byte);
  const guess = latin1 === undefined ? '' : ` (i Latin-1/Windows-1252 er det "${latin1}", så filen er sandsynligvis gemt som Latin-1 eller Windows-1252)`;
  return encodingError(where, `filen er ikke UTF-8: byten ${hex} på linje ${line}, kolonne ${column} er ikke gyldig UTF-8${guess}`, line, column);
}

function encodingError(where: { file?: string }, message: string, line: number, column: number, hint = SAVE_AS_UTF8): Diagnostic {
  return diagnostic({ code: 'file-encoding', severity: 'error', ...where, line, column, message, hint });
}

/**
 * The offset of the first byte that does not begin or continue a well-formed UTF-8
 * sequence (Unicode, table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
 * Called only when decoding failed, so there is one.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let count: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) count = 1;
    else if (b === 0xe0) [count, lo] = [2, 0xa0];
    else if (b === 0xed) [count, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) count = 2;
    else if (b === 0xf0) [count, lo] = [3, 0x90];
    else if (b === 0xf4) [count, hi] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) count = 3;
    else return i;
    for (let k = 1; k <= count; k++) {
      const c = bytes[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c === undefined || c < min || c > max) return i;
    }
    i += count + 1;
  }
  return n;
}

/** Windows-1252's reading of a byte (Latin-1 plus the printable characters it puts in 0x80–0x9F). */
function windows1252(byte: number): string | undefined {
  if (byte >= 0xa0) return String.fromCharCode(byte);
  const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  const ch = byte >= 0x80 ? cp1252[byte - 0x80] : undefined;
  return ch === undefined || ch.charCodeAt(0) < 0xa0 ? undefined : ch;
}

/** 1-based line and column (in UTF-16 code units, as the JSON parser counts) of an offset in a text. */
function textPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
