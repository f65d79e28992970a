/**
 * Text that reaches a terminal: control characters from input (a name, an id, a cell of a
 * CSV file) must not move the cursor, recolour the screen or ring the bell. They are shown
 * as visible escapes instead.
 */

/**
 * C0 controls except line feed, carriage return and tab; DEL; C1 controls (U+0080–U+009F,
 * which include the 8-bit CSI); and the bidirectional formatting characters that reorder
 * what a terminal shows ("Trojan source").
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** How an embedded line break is shown inside one table cell. */
export const LINE_BREAK_MARK = '⏎';

function visibleEscape(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Replaces every terminal control character in `text` by a visible escape (`\x1b`, `\x07`,
 * `\x9b`, `\u202e`); line breaks and tabs are kept. Idempotent: the escapes are printable.
 *
 * @example escapeTerminal('Sol\u001b[31mbakken') === 'Sol\\x1b[31mbakken'
 */
export function escapeTerminal(text: string): string {
  return text.replace(CONTROL, visibleEscape);
}

/**
 * One table cell as a single line: controls escaped as by {@link escapeTerminal}, every line
 * break (`\r\n`, `\n`, `\r`) shown as ⏎ and a tab as a space, so a cell can never break a row.
 */
export function escapeCell(text: string): string {
  return escapeTerminal(text).replace(/\r\n|\n|\r/g, LINE_BREAK_MARK).replace(/\t/g, ' ');
}
