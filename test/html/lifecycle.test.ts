/** `lifecycle --format html` in a real browser: timeline with deadlines, stop-parameter matrix, sorting, filtering, tree, axe. */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectAccessibleAndSave, expectTreeUnfolds, launchBrowser, type OpenedReport, openReport, visibleRowHeaders } from './browser.js';

const ARGS = ['lifecycle', 'fixtures/indsatser', '--as-of', '2025-06-01'];

interface JsonIndsats {
  readonly id: string;
  readonly tilstand: string;
  readonly frister: readonly { readonly forfalden: boolean }[];
  readonly stop: readonly { readonly resultat: string }[];
  readonly anbefaling: { readonly anbefaling: string } | null;
}

let browser: Browser;
let report: OpenedReport;
let page: Page;
let json: readonly JsonIndsats[];

beforeAll(async () => {
  browser = await launchBrowser();
  const run = await runCli([...ARGS, '--format', 'html']);
  expect(run.code).toBe(0);
  report = await openReport(browser, 'lifecycle', run.stdout);
  page = report.page;
  json = (JSON.parse((await runCli([...ARGS, '--format', 'json'])).stdout) as { indsatser: JsonIndsats[] }).indsatser;
});

afterAll(async () => {
  await browser?.close();
});

const visibleIds = () => visibleRowHeaders(page, 'oversigt');

describe('lifecycle --format html in chromium', () => {
  it('opens without a console error and fetches nothing but itself', () => {
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([report.url]);
  });

  it('shows every indsats of the input in the overview and as a section', async () => {
    const ids = readdirSync('fixtures/indsatser')
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        const data = JSON.parse(readFileSync(`fixtures/indsatser/${f}`, 'utf8')) as { id: string } | { id: string }[];
        return Array.isArray(data) ? data.map((d) => d.id) : [data.id];
      });
    expect(ids.length).toBeGreaterThan(10);
    expect((await visibleIds()).sort()).toEqual([...ids].sort());
    const headings = await page.$$eval('section.indsats h2', (hs) => hs.map((h) => h.textContent ?? ''));
    for (const id of ids) expect(headings.some((h) => h.endsWith(`(${id})`))).toBe(true);
  });

  it('draws the portfolio as a timeline, overdue deadlines highlighted, and marks overdue rows', async () => {
    const started = json.filter((i) => i.tilstand !== 'under-forberedelse' && i.tilstand !== 'praekvalificeret');
    expect(await page.locator('svg.tidslinje g').count()).toBeGreaterThanOrEqual(started.length - 2);
    const overdue = json.filter((i) => i.frister.some((f) => f.forfalden));
    expect(overdue.length).toBeGreaterThan(0);
    expect(await page.locator('svg.tidslinje .maerke-overskredet').count()).toBe(overdue.reduce((n, i) => n + i.frister.filter((f) => f.forfalden).length, 0));
    const marked = await page.$$eval('#oversigt tbody tr.aendret th', (ths) => ths.map((t) => t.textContent?.trim() ?? ''));
    expect(marked.sort()).toEqual(overdue.map((i) => i.id).sort());
  });

  it('shows the five stop parameters per started indsats in a matrix', async () => {
    const matrix = page.locator('table', { has: page.locator('caption', { hasText: 'De fem stopparametre' }) });
    expect(await matrix.locator('thead th').count()).toBe(6);
    const withStop = json.filter((i) => i.stop.length === 5);
    const first = withStop.find((i) => i.stop.some((s) => s.resultat === 'opfyldt')) ?? withStop[0];
    const row = matrix.locator('tbody tr', { has: page.locator('th', { hasText: first?.id ?? '' }) });
    const cells = await row.locator('td').allTextContents();
    expect(cells).toEqual(first?.stop.map((s) => (s.resultat === 'opfyldt' ? '✓ opfyldt' : s.resultat === 'ikke-opfyldt' ? '✗ ikke opfyldt' : '? ukendt')));
  });

  it('sorts by clicking a header and filters by state and by recommendation', async () => {
    await page.getByRole('button', { name: 'Slut', exact: true }).click();
    const ends = await page.$$eval('#oversigt tbody tr', (rows) => rows.map((r) => r.cells[5]?.getAttribute('data-sort') ?? ''));
    expect(ends).toEqual([...ends].sort());
    await page.selectOption('select[data-filter-key="tilstand"]', 'afsluttet');
    expect((await visibleIds()).sort()).toEqual(json.filter((i) => i.tilstand === 'afsluttet').map((i) => i.id).sort());
    await page.selectOption('select[data-filter-key="tilstand"]', '');
    await page.selectOption('select[data-filter-key="anbefaling"]', 'fortsaet');
    expect((await visibleIds()).sort()).toEqual(json.filter((i) => i.anbefaling?.anbefaling === 'fortsaet').map((i) => i.id).sort());
    await page.selectOption('select[data-filter-key="anbefaling"]', '');
  });

  it('unfolds an indsats\'s explanation tree', async () => {
    await expectTreeUnfolds(page.locator('section.indsats').first().locator('details.begrundelse'));
  });

  it('has no serious or critical accessibility violation (axe-core); a screenshot is saved', async () => {
    await expectAccessibleAndSave(browser, report, 'lifecycle');
  });
});
