/**
 * Splitting CSV text into records, one bad record at a time: csv-parse reads until a
 * record it cannot read (a stray quote, a quote never closed); that record is reported
 * with its physical line and reading starts again on the next physical line, so one
 * stray quote costs one row, never the rows after it. Lines are counted here, from the
 * byte offsets csv-parse reports, so a quoted line break counts once whether it is
 * written `\n`, `\r\n` or `\r`.
 */
import { parse } from 'csv-parse/sync';

/** A record read, with the physical line (1-based) it starts on. */
export interface LocatedRecord {
  readonly line: number;
  readonly record: readonly string[];
}

/** A record csv-parse could not read, with its line and csv-parse's error code. */
export interface UnreadableRecord {
  readonly line: number;
  readonly code: string;
}

/** Every record of the text in order, read or not; or the error that stops the whole text. */
export type RecordsResult =
  | { readonly ok: true; readonly records: readonly (LocatedRecord | UnreadableRecord)[] }
  | { readonly ok: false; readonly message: string; readonly line?: number };

/** The csv-parse errors that concern one record: reading resumes on the next line. */
const RECORD_ERRORS: ReadonlySet<string> = new Set([
  'INVALID_OPENING_QUOTE',
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'CSV_QUOTE_NOT_CLOSED',
]);

const LF = 0x0a;
const CR = 0x0d;

/** Counts physical lines in a buffer: `\r\n`, `\n` and a lone `\r` each end one. */
class LineCounter {
  private at = 0;
  private line = 1;
  constructor(private readonly buf: Buffer) {}

  /** The line the byte at `offset` is on; offsets must not decrease between calls. */
  lineAt(offset: number): number {
    for (; this.at < offset; this.at++) {
      const b = this.buf[this.at];
      if (b === LF || (b === CR && this.buf[this.at + 1] !== LF)) this.line++;
    }
    return this.line;
  }
}

/** The offset of the first byte at or after `offset` that is not a line break, space or tab (where the next record begins). */
function skipBlank(buf: Buffer, offset: number): number {
  let i = offset;
  while (i < buf.length && (buf[i] === LF || buf[i] === CR || buf[i] === 0x20 || buf[i] === 0x09)) i++;
  return i;
}

/** The offset just after the line break that ends the physical line holding `offset` (the buffer's length on the last line). */
function nextLine(buf: Buffer, offset: number): number {
  for (let i = offset; i < buf.length; i++) {
    if (buf[i] === LF) return i + 1;
    if (buf[i] === CR) return buf[i + 1] === LF ? i + 2 : i + 1;
  }
  return buf.length;
}

interface ParseContext {
  readonly bytes: number;
}

/**
 * Reads every record of `text` (header included) with the given delimiter, trimmed,
 * blank lines skipped, rows of any length kept.
 */
export function readRecords(text: string, delimiter: ',' | ';'): RecordsResult {
  const buf = Buffer.from(text, 'utf8');
  const lines = new LineCounter(buf);
  const out: (LocatedRecord | UnreadableRecord)[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const base = offset;
    let end = base;
    try {
      parse(buf.subarray(base), {
        delimiter,
        record_delimiter: ['\r\n', '\n', '\r'],
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
        on_record: (record: string[], context: ParseContext) => {
          out.push({ line: lines.lineAt(skipBlank(buf, end)), record });
          end = base + context.bytes;
          return null;
        },
      });
      return { ok: true, records: out };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !RECORD_ERRORS.has(code)) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, message, line: lines.lineAt(skipBlank(buf, end)) };
      }
      const start = skipBlank(buf, end);
      out.push({ line: lines.lineAt(start), code });
      offset = nextLine(buf, start);
    }
  }
  return { ok: true, records: out };
}
