/**
 * The page shell every report shares: `<!doctype html>`, Danish `lang`, a Content Security
 * Policy that allows only this page's own stylesheet and script (by their hashes) and no
 * fetch of any kind, the inline stylesheet, and the rule sets and package version the
 * answers came from.
 */
import { createHash } from 'node:crypto';
import type { RuleSetInfo } from '../../engine/types.js';
import { formatDato } from '../danish.js';
import { type Html, html, raw } from './escape.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Nothing may be fetched (`default-src 'none'`, also no form posts or frames); the inline
 * stylesheet and script run because their hashes are named, and nothing else would, not
 * even a script that slipped past escaping.
 */
const CSP = `default-src 'none'; style-src ${sha256(PAGE_STYLE)}; script-src ${sha256(PAGE_SCRIPT)}; img-src 'none'; form-action 'none'; base-uri 'none'`;

/** What a report page holds. */
export interface ReportDocument {
  /** The page's title and heading. */
  readonly title: string;
  /** The rule sets the answers used (named with version and content hash). */
  readonly ruleSets: readonly RuleSetInfo[];
  readonly packageVersion: string;
  /** The date the answers are as of, when there is one. */
  readonly asOf?: string;
  /** The report's content, below the heading. */
  readonly body: Html;
}

function ruleSetLine(r: RuleSetInfo): Html {
  const to = r.effective.to ? ` til og med ${formatDato(r.effective.to)}` : '';
  return html`<li>${r.title} (${r.id}, version ${r.version}, i kraft fra ${formatDato(r.effective.from)}${to}; fil ${r.file ?? '–'}; sha256 <code>${r.contentHash.slice(0, 12)}…</code>)</li>`;
}

/** The whole page as one self-contained HTML string. */
export function renderDocument(doc: ReportDocument): string {
  const seen = new Set<string>();
  const ruleSets = doc.ruleSets.filter((r) => {
    const k = `${r.id}@${r.version}@${r.contentHash}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const page = html`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="${`@fsb/boligsocial ${doc.packageVersion}`}">
<title>${doc.title}</title>
<style>${raw(PAGE_STYLE)}</style>
</head>
<body>
<header>
<h1>${doc.title}</h1>
<p class="meta">${doc.asOf === undefined ? '' : html`Opgjort pr. ${formatDato(doc.asOf)}. `}Lavet med @fsb/boligsocial ${doc.packageVersion}.</p>
${ruleSets.length > 0 ? html`<details class="meta"><summary>Regelsæt brugt (${ruleSets.length})</summary><ul>${ruleSets.map(ruleSetLine)}</ul></details>` : ''}
</header>
<main>
${doc.body}
</main>
<script>${raw(PAGE_SCRIPT)}</script>
</body>
</html>
`;
  return page.value;
}
