/**
 * Output written in pieces of about 64 KB: a command that writes one result at a time
 * (and lets it go) makes few writes, and never holds its whole output in one string.
 */

/** The size at which a {@link chunked} writer passes its text on. */
export const CHUNK_SIZE = 64 * 1024;

/** A writer that gathers text and passes it to `write` in pieces of about {@link CHUNK_SIZE}. */
export interface ChunkedWriter {
  write(text: string): void;
  /** Passes on what is gathered. */
  flush(): void;
}

/** Gathers text for `write` (e.g. the CLI's stdout) in pieces of about {@link CHUNK_SIZE} characters. */
export function chunked(write: (text: string) => void, size = CHUNK_SIZE): ChunkedWriter {
  let parts: string[] = [];
  let length = 0;
  const flush = () => {
    if (length === 0) return;
    write(parts.join(''));
    parts = [];
    length = 0;
  };
  return {
    write(text) {
      parts.push(text);
      length += text.length;
      if (length >= size) flush();
    },
    flush,
  };
}
