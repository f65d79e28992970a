/**
 * HTML escaping for the reports. Every text that comes from input or from rule files (a
 * name, an id, a title, a source reference) passes through {@link escapeHtml}, usually by
 * the {@link html} template, which escapes every interpolated value that is not already
 * {@link Html}. Control and bidirectional formatting characters are shown as visible
 * escapes, as in the terminal (`../terminal.ts`).
 */
import { escapeTerminal } from '../terminal.js';

const ENTITIES: Readonly<Record<string, string>> = Object.freeze({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' });

/**
 * Escapes text for an HTML element's content or a quoted attribute value: `& < > " '`
 * become entities; control characters become visible escapes (`\x1b`).
 *
 * @example escapeHtml('<script>') === '&lt;script&gt;'
 */
export function escapeHtml(text: string): string {
  return escapeTerminal(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Markup that is already safe: built by {@link html} or {@link raw}, never from input. */
export class Html {
  /** The markup. */
  readonly value: string;
  constructor(value: string) {
    this.value = value;
    Object.freeze(this);
  }
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into {@link html}: text (escaped), numbers, markup, lists of those; nothing for undefined, null and false. */
export type HtmlPart = Html | string | number | undefined | null | false | readonly HtmlPart[];

function part(p: HtmlPart): string {
  if (p === undefined || p === null || p === false) return '';
  if (p instanceof Html) return p.value;
  if (typeof p === 'number') return escapeHtml(String(p));
  if (typeof p === 'string') return escapeHtml(p);
  return p.map(part).join('');
}

/**
 * A template for markup: every interpolated string is escaped; {@link Html} is kept as is.
 *
 * @example html`<td>${name}</td>`.value === '<td>&lt;b&gt;</td>' // name = '<b>'
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlPart[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += part(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Markup written by this package's code (CSS, script, SVG geometry): never pass input to it. */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** Joins parts into one piece of markup. */
export function join(parts: readonly HtmlPart[], separator: HtmlPart = ''): Html {
  return new Html(parts.map(part).join(part(separator)));
}

/**
 * A link target that is safe to write in `href`: http(s) and mailto URLs as given,
 * anything else (`javascript:`, `data:`, relative paths) refused as undefined.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return /^(https?:\/\/|mailto:)[^\s"'<>]*$/i.test(url) ? url : undefined;
}
