/** `screen --format html` in a real browser: content, sorting, filtering, the tree, axe, nothing fetched. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { launchBrowser, type OpenedReport, openReport, screenshot, seriousViolations, visibleRowHeaders } from './browser.js';

const ARGS = ['screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01'];

interface JsonResult {
  readonly afdeling: { readonly id: string; readonly navn: string };
  readonly udloeste: readonly string[];
  readonly anbefalinger: readonly { readonly kind: string; readonly outcome: boolean | null }[];
}

let browser: Browser;
let report: OpenedReport;
let page: Page;
let json: readonly JsonResult[];

beforeAll(async () => {
  browser = await launchBrowser();
  const run = await runCli([...ARGS, '--format', 'html']);
  expect(run.code).toBe(0);
  expect(run.stdout.startsWith('<!doctype html>')).toBe(true);
  json = (JSON.parse((await runCli([...ARGS, '--format', 'json'])).stdout) as { results: JsonResult[] }).results;
  report = await openReport(browser, 'screening', run.stdout);
  page = report.page;
});

afterAll(async () => {
  await browser?.close();
});

const visibleRowIds = () => visibleRowHeaders(page, 'oversigt');

describe('screen --format html in chromium', () => {
  it('opens from a file URL without a console error and without fetching anything', async () => {
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([report.url]);
  });

  it('shows every afdeling of the input in the overview and as a section', async () => {
    // the id is the first column; the fixture quotes no id
    const ids = [...new Set(readFileSync('fixtures/afdelinger.csv', 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0] ?? ''))];
    expect(ids.length).toBeGreaterThan(50);
    expect((await visibleRowIds()).sort()).toEqual([...ids].sort());
    const headings = await page.$$eval('section.afdeling h2', (hs) => hs.map((h) => h.textContent ?? ''));
    for (const id of ids) expect(headings.some((h) => h.startsWith(`Afdeling ${id} `))).toBe(true);
  });

  it('sorts the overview by a column when its header is clicked, and back again', async () => {
    const names = () => page.$$eval('#oversigt tbody tr', (rows) => rows.map((r) => r.cells[1]?.textContent ?? ''));
    const before = await names();
    const button = page.getByRole('button', { name: 'Navn' });
    await button.click();
    const sorted = [...before].sort((a, b) => a.localeCompare(b, 'da'));
    expect(await names()).toEqual(sorted);
    expect(await page.getAttribute('#oversigt thead th:nth-child(2)', 'aria-sort')).toBe('ascending');
    await button.click();
    expect(await names()).toEqual([...sorted].reverse());
    expect(await page.getAttribute('#oversigt thead th:nth-child(2)', 'aria-sort')).toBe('descending');
  });

  it('filters the overview by recommendation and by indicator', async () => {
    const recommended = (kind: string) => json.filter((r) => r.anbefalinger.some((a) => a.kind === kind && a.outcome === true)).map((r) => r.afdeling.id).sort();
    const projekt = recommended('lokalt-udviklingsprojekt');
    expect(projekt.length).toBeGreaterThan(0);
    await page.selectOption('select[data-filter-key="anbefaling"]', 'lokalt-udviklingsprojekt');
    expect((await visibleRowIds()).sort()).toEqual(projekt);
    expect(await page.textContent('[data-count-for="oversigt"]')).toBe(`Viser ${projekt.length} af ${json.length}.`);

    const vold = json.filter((r) => r.udloeste.includes('vold')).map((r) => r.afdeling.id);
    await page.selectOption('select[data-filter-key="indikator"]', 'vold');
    expect((await visibleRowIds()).sort()).toEqual(projekt.filter((id) => vold.includes(id)));
    await page.selectOption('select[data-filter-key="anbefaling"]', '');
    expect((await visibleRowIds()).sort()).toEqual([...vold].sort());
    await page.selectOption('select[data-filter-key="indikator"]', '');
    expect(await visibleRowIds()).toHaveLength(json.length);
  });

  it('unfolds an afdeling\'s explanation tree', async () => {
    const tree = page.locator('section.afdeling').first().locator('details.begrundelse');
    const firstRule = tree.locator(':scope > details').first();
    expect(await tree.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
    expect(await firstRule.isVisible()).toBe(false);
    await tree.locator(':scope > summary').click();
    expect(await firstRule.isVisible()).toBe(true);
    await firstRule.locator(':scope > summary').click();
    await expect.poll(() => firstRule.locator('li').first().isVisible()).toBe(true);
    expect(await firstRule.locator('li').first().textContent()).toMatch(/krav: /);
  });

  it('shows each flagged indicator with a margin bar', async () => {
    const flagged = json.find((r) => r.udloeste.includes('vold'));
    expect(flagged).toBeDefined();
    const section = page.locator('section.afdeling', { has: page.locator('h2', { hasText: `Afdeling ${flagged?.afdeling.id} ` }) });
    const row = section.locator('table').first().locator('tr', { hasText: 'Vold' });
    await expect.poll(() => row.locator('svg.margin-bar').count()).toBe(1);
    expect(await row.textContent()).toContain('✓ udløst');
  });

  it('saves a screenshot of the report', async () => {
    expect(await screenshot(page, 'screening')).toMatch(/screening\.png$/);
  });

  it('has no serious or critical accessibility violation (axe-core) in the report of one afdeling of each recommendation', async () => {
    // axe takes ~40 s on the 60 afdelinger's 40,000 elements on two busy cores; every afdeling
    // is drawn by the same function, so the report of a few, one of each recommendation, stands for all
    const kinds = ['helhedsplan', 'lokalt-udviklingsprojekt', 'boligsocial-ejendomsfunktionaer'];
    const picked = new Set([json[0]?.afdeling.id ?? '', ...kinds.map((k) => json.find((r) => r.anbefalinger.some((a) => a.kind === k && a.outcome === true))?.afdeling.id ?? '')].filter((id) => id !== ''));
    expect(picked.size).toBeGreaterThan(2);
    const lines = readFileSync('fixtures/afdelinger.csv', 'utf8').trim().split(/\r?\n/);
    mkdirSync('test-output/html', { recursive: true });
    writeFileSync('test-output/html/afdelinger-udvalg.csv', [lines[0], ...lines.slice(1).filter((l) => picked.has(l.split(',')[0] ?? ''))].join('\n'));
    const run = await runCli(['screen', 'test-output/html/afdelinger-udvalg.csv', '--as-of', '2024-12-01', '--format', 'html']);
    expect(run.code).toBe(0);
    const few = await openReport(browser, 'screening-udvalg', run.stdout);
    expect(await few.page.$$eval('section.afdeling', (s) => s.length)).toBe(picked.size);
    expect(few.errors).toEqual([]);
    expect(await seriousViolations(browser, few.url)).toEqual([]);
    await few.page.close();
  });

  it('shows hostile names from the input as text: no script of theirs runs, nothing is fetched', async () => {
    const hostile = ['<script>window.pwned = 1</script>', '</style><img src=x onerror="window.pwned = 2">', '"onload="window.pwned = 3', '</title><svg onload="window.pwned=4">'];
    const lines = readFileSync('fixtures/afdelinger.csv', 'utf8').trim().split(/\r?\n/);
    const ids = [...new Set(lines.slice(1).map((l) => l.split(',')[0] ?? ''))].slice(0, hostile.length);
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const rows = lines.slice(1).flatMap((l) => {
      const cells = l.split(',');
      const i = ids.indexOf(cells[0] ?? '');
      return i < 0 ? [] : [[cells[0], quote(hostile[i] ?? ''), ...cells.slice(2)].join(',')];
    });
    mkdirSync('test-output/html', { recursive: true });
    writeFileSync('test-output/html/afdelinger-fjendtlige.csv', [lines[0], ...rows].join('\n'));
    const run = await runCli(['screen', 'test-output/html/afdelinger-fjendtlige.csv', '--as-of', '2024-12-01', '--format', 'html']);
    expect(run.code).toBe(0);
    const evil = await openReport(browser, 'screening-fjendtlig', run.stdout);
    expect(evil.errors).toEqual([]);
    expect(evil.requests).toEqual([evil.url]);
    expect(await evil.page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await evil.page.locator('script').count()).toBe(1);
    expect(await evil.page.locator('img').count()).toBe(0);
    const names = await evil.page.$$eval('#oversigt tbody tr', (trs) => trs.map((r) => r.cells[1]?.textContent ?? ''));
    expect(names.sort()).toEqual([...hostile].sort());
    await evil.page.close();
  });
});
