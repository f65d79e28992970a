/**
 * Word wrapping to a width in terminal columns, for table cells and for prose lines of the
 * CLI's text output. Widths are counted in code points (Danish text has no wide characters).
 */

/** How the CLI's text output is laid out: tables and lines fit this many columns. */
export const TEXT_WIDTH = 160;

/** The display width of `text`: its number of code points. */
export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Splits a word longer than `width` into pieces of `width` code points. */
function splitWord(word: string, width: number): string[] {
  const chars = [...word];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += width) pieces.push(chars.slice(i, i + width).join(''));
  return pieces;
}

/**
 * Wraps `text` at spaces into lines of at most `width` columns (the first line at most
 * `firstWidth`); a word longer than its line is split. Runs of spaces between words count
 * as one; an empty text gives one empty line.
 *
 * @example wrapWords('vold, hærværk, restancer', 14) // ['vold, hærværk,', 'restancer']
 */
export function wrapWords(text: string, width: number, firstWidth: number = width): string[] {
  const lines: string[] = [];
  const limit = () => Math.max(1, lines.length === 0 ? firstWidth : width);
  let line = '';
  const pending = text.split(' ').filter((w) => w !== '');
  for (let word = pending.shift(); word !== undefined; word = pending.shift()) {
    if (line !== '' && textWidth(line) + 1 + textWidth(word) <= limit()) line += ` ${word}`;
    else if (line === '' && textWidth(word) <= limit()) line = word;
    else if (line !== '') {
      lines.push(line);
      line = '';
      pending.unshift(word);
    } else {
      const [head = '', ...tail] = splitWord(word, limit());
      lines.push(head);
      if (tail.length > 0) pending.unshift(tail.join(''));
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Wraps every line of `text` that is wider than `width` at spaces; lines that fit are left
 * exactly as they are (so an aligned table that fits is untouched). A continuation line is
 * indented under the text of its first line: past its leading spaces and a "- " bullet, or
 * two columns in for a plain paragraph.
 */
export function wrapLongLines(text: string, width: number = TEXT_WIDTH): string {
  return text
    .split('\n')
    .map((line) => {
      if (textWidth(line) <= width) return line;
      const lead = /^( *)((?:[-•] )?)/u.exec(line);
      const indent = lead?.[1] ?? '';
      const bullet = lead?.[2] ?? '';
      const hanging = `${indent}${bullet === '' ? '  ' : ' '.repeat(bullet.length)}`;
      const body = line.slice(indent.length + bullet.length);
      const [first = '', ...rest] = wrapWords(body, width - textWidth(hanging), width - textWidth(indent + bullet));
      return [`${indent}${bullet}${first}`, ...rest.map((l) => `${hanging}${l}`)].join('\n');
    })
    .join('\n');
}
