/** The HTML toolkit without a browser: escaping of hostile text, and the charts' geometry. */
import { describe, expect, it } from 'vitest';
import { barGeometry, dateX, html, linePoints, marginBar, raw, renderDocument, safeUrl, stackSegments, escapeHtml, sourceText, dataTable, timeline } from '../../src/format/html/index.js';

const HOSTILE = ['<script>alert(1)</script>', '"onload="alert(1)', "' onmouseover='x", '</style><script>x()</script>', '</title><img src=x onerror=alert(1)>', '&lt;already&gt;', '<!-- -->', ']]><svg onload=alert(1)>'];

describe('escapeHtml and the html template', () => {
  it.each(HOSTILE)('leaves no markup of its own in %s', (text) => {
    const out = escapeHtml(text);
    expect(out).not.toMatch(/[<>"']/);
    // decoding the five entities gives the text back
    expect(out.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')).toBe(text);
  });

  it('escapes every interpolated string, in content and in attributes, but keeps markup built by html', () => {
    const name = '<b onclick="x">';
    const out = html`<td title="${name}">${name}${html`<em>${name}</em>`}</td>`.value;
    expect(out).toBe('<td title="&lt;b onclick=&quot;x&quot;&gt;">&lt;b onclick=&quot;x&quot;&gt;<em>&lt;b onclick=&quot;x&quot;&gt;</em></td>');
  });

  it('shows control and bidirectional characters as visible escapes', () => {
    expect(escapeHtml('Sol\u001b[31mbakken\u202e')).toBe('Sol\\x1b[31mbakken\\u202e');
  });

  it('writes numbers and lists, and nothing for undefined, null and false', () => {
    expect(html`${1.5}|${[1, '<', raw('<i>')]}|${undefined}${null}${false}`.value).toBe('1.5|1&lt;<i>|');
  });

  it('links only http(s) and mailto URLs', () => {
    expect(safeUrl('https://www.retsinformation.dk/eli/lta/2018/1322')).toBe('https://www.retsinformation.dk/eli/lta/2018/1322');
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>', '//evil.example', 'https://x" onclick="y', ' https://x']) expect(safeUrl(bad)).toBeUndefined();
    expect(sourceText({ reference: '<Lov>', url: 'javascript:alert(1)' }).value).toBe('<span class="kilde">Kilde: &lt;Lov&gt;</span>');
    expect(sourceText({ reference: 'Lov', url: 'https://x.dk/a?b=1&c=2' }).value).toBe('<span class="kilde">Kilde: <a href="https://x.dk/a?b=1&amp;c=2">Lov</a></span>');
  });

  it('keeps hostile text out of the page shell: the title, a table, a timeline', () => {
    const evil = '</style></title><script>alert(1)</script>';
    const page = renderDocument({
      title: evil,
      packageVersion: '0.1.0',
      ruleSets: [],
      body: html`${dataTable({ caption: evil, columns: [{ header: evil }], rows: [{ cells: [evil], filters: { k: [evil] } }] })}${timeline({ label: evil, from: '2020-01-01', to: '2021-12-31', rows: [{ label: evil, spans: [{ start: '2020-06-01', label: evil }] }] })}`,
    });
    // the page's own script is its one script element, and its own style its one style element
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page.match(/<\/style>/g)).toHaveLength(1);
    // one title in the head (the SVG's own <title> elements are in the body)
    expect(page.slice(0, page.indexOf('</head>')).match(/<\/title>/g)).toHaveLength(1);
    expect(page).toContain('&lt;/style&gt;&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('admits by its Content Security Policy only the page\'s own style and script, and fetches nothing', () => {
    const page = renderDocument({ title: 't', packageVersion: '0.1.0', ruleSets: [], body: html`` });
    const csp = (/http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '').replace(/&#39;/g, "'");
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toMatch(/unsafe-inline|https?:/);
    expect(page).not.toMatch(/\bsrc=|<link\b|@import|url\(/);
  });
});

describe('margin bars', () => {
  it('draws the bar and the threshold line in proportion to the figure and the threshold', () => {
    for (const [value, threshold] of [[6.2, 5], [3, 12], [40.27, 40], [0, 1], [15, 15]] as const) {
      const g = barGeometry(value, threshold, 200);
      expect(g.barWidth).toBeDefined();
      expect((g.barWidth ?? 0) / g.thresholdX).toBeCloseTo(value / threshold, 10);
      expect(Math.max(g.barWidth ?? 0, g.thresholdX)).toBeLessThanOrEqual(200 / 1.25 + 1e-9);
    }
  });

  it('puts the line beyond the bar when the figure is under the threshold, and before it when over', () => {
    const under = barGeometry(3, 12, 200);
    const over = barGeometry(6.2, 5, 200);
    expect(under.thresholdX).toBeGreaterThan(under.barWidth ?? Infinity);
    expect(over.thresholdX).toBeLessThan(over.barWidth ?? 0);
  });

  it('says "ukendt" and draws no bar for a missing figure', () => {
    expect(barGeometry(undefined, 5, 200).barWidth).toBeUndefined();
    const svg = marginBar({ value: undefined, threshold: 5, outcome: null, label: 'Vold: mangler' }).value;
    expect(svg).toContain('>ukendt</text>');
    expect(svg).not.toMatch(/class="bar /);
    expect(svg).toContain('aria-label="Vold: mangler"');
    const known = marginBar({ value: 6, threshold: 5, outcome: true, label: 'Vold' }).value;
    // scale 0 … 7,5 (a quarter beyond the larger): the bar 6/7,5 and the line 5/7,5 of 200 px
    expect(known).toMatch(/class="bar bar-ja"[^>]*width="160"/);
    expect(known).toMatch(/class="graense" x1="133.3"/);
  });
});

describe('timelines, stacked bars and lines', () => {
  it('places dates linearly between the ends and clamps those outside', () => {
    expect(dateX('2020-01-01', '2020-01-01', '2022-01-01', 100)).toBe(0);
    expect(dateX('2022-01-01', '2020-01-01', '2022-01-01', 100)).toBe(100);
    expect(dateX('2021-01-01', '2020-01-01', '2022-01-01', 100)).toBeCloseTo((366 / 731) * 100, 10);
    expect(dateX('2019-01-01', '2020-01-01', '2022-01-01', 100)).toBe(0);
    expect(dateX('2030-01-01', '2020-01-01', '2022-01-01', 100)).toBe(100);
  });

  it('stacks segments end to end, each proportional to its value, the largest total filling the width', () => {
    const segments = stackSegments([75, 12.5, 12.5], 100, 400);
    expect(segments).toEqual([[0, 300], [300, 50], [350, 50]]);
    const half = stackSegments([25, 25], 100, 400);
    expect(half[1]).toEqual([100, 100]);
  });

  it('spaces the points evenly and puts each count at its height', () => {
    expect(linePoints([0, 5, 10], 10, 200, 100)).toEqual([[0, 100], [100, 50], [200, 0]]);
  });
});
