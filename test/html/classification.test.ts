/** `classify --format html` and `forecast --format html` in a real browser. */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectAccessibleAndSave, expectTreeUnfolds, launchBrowser, type OpenedReport, openReport, visibleRowHeaders } from './browser.js';

const CLASSIFY = ['classify', 'fixtures/boligomraader.csv'];
const FORECAST = ['forecast', 'fixtures/classification/afdelinger-prognose.csv', '--listedato', '2025-12-01', '--historik', 'fixtures/classification/historik-2014-2022.csv'];

let browser: Browser;
let classify: OpenedReport;
let forecast: OpenedReport;

/** A column of a CSV file's data rows, by its header (the fixtures quote no id; `;` or `,` separated). */
function csvColumn(file: string, name: string): string[] {
  const [head = '', ...rows] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const sep = head.includes(';') ? ';' : ',';
  const column = head.split(sep).indexOf(name);
  expect(column).toBeGreaterThanOrEqual(0);
  return rows.map((line) => line.split(sep)[column] ?? '');
}

/** The CLI's JSON of a classification row: each category at the top level. */
interface JsonRow {
  readonly id: string;
  readonly listedato: string;
  readonly afhaengerAfIkkeVestligeKriterium: boolean;
  readonly udsat?: boolean | null;
  readonly margener?: readonly { readonly titel: string; readonly personer?: number }[];
}

async function json(args: readonly string[]): Promise<JsonRow[]> {
  return JSON.parse((await runCli([...args, '--format', 'json'])).stdout) as JsonRow[];
}

const rowHeaders = (page: Page) => visibleRowHeaders(page, 'oversigt');

beforeAll(async () => {
  browser = await launchBrowser();
  const c = await runCli([...CLASSIFY, '--format', 'html']);
  expect(c.code).toBe(0);
  classify = await openReport(browser, 'classify', c.stdout);
  const f = await runCli([...FORECAST, '--format', 'html']);
  expect(f.code).toBe(0);
  forecast = await openReport(browser, 'forecast', f.stdout);
});

afterAll(async () => {
  await browser?.close();
});

describe('classify --format html in chromium', () => {
  it('opens without a console error and fetches nothing but itself', () => {
    expect(classify.errors).toEqual([]);
    expect(classify.requests).toEqual([classify.url]);
  });

  it('has a row for every row of the input, and a section per boligområde with its timeline', async () => {
    const ids = csvColumn('fixtures/boligomraader.csv', 'id');
    expect((await rowHeaders(classify.page)).sort()).toEqual([...ids].sort());
    const areas = [...new Set(ids)];
    expect(await classify.page.locator('section.omraade').count()).toBe(areas.length);
    for (const id of areas) {
      const section = classify.page.locator('section.omraade', { has: classify.page.locator('h2', { hasText: `Boligområde ${id}` }) });
      expect(await section.locator('svg.tidslinje').count()).toBe(1);
      // the years of the area's rows, each a row of its status table
      const years = ids.filter((x) => x === id).length;
      expect(await section.locator('table').nth(0).locator('tbody tr').count()).toBe(years);
    }
  });

  it('draws each criterion of the newest list against its threshold, and says what depends on the non-western criterion', async () => {
    const rows = await json(CLASSIFY);
    const solbakken = classify.page.locator('section.omraade', { has: classify.page.locator('h2', { hasText: 'Boligområde solbakken' }) });
    const criteria = solbakken.locator('table', { has: classify.page.locator('caption', { hasText: 'kriterierne' }) }).first();
    expect(await criteria.locator('svg.margin-bar').count()).toBeGreaterThan(2);
    const newest = rows.filter((r) => r.id === 'solbakken').sort((a, b) => b.listedato.localeCompare(a.listedato))[0];
    expect(newest).toBeDefined();
    expect(await solbakken.textContent()).toContain(`Afhænger af ikke-vestlig-kriteriet: ${newest?.afhaengerAfIkkeVestligeKriterium ? '✓ ja' : '✗ nej'}`);
  });

  it('sorts by clicking a header and filters by list', async () => {
    const page = classify.page;
    await page.getByRole('button', { name: 'Liste' }).click();
    const dates = await page.$$eval('#oversigt tbody tr', (rows) => rows.map((r) => r.cells[2]?.getAttribute('data-sort') ?? ''));
    expect(dates).toEqual([...dates].sort());
    const udsat = (await json(CLASSIFY)).filter((r) => r.udsat === true).map((r) => r.id).sort();
    expect(udsat.length).toBeGreaterThan(0);
    await page.selectOption('select[data-filter-key="kategori"]', 'udsat');
    expect((await rowHeaders(page)).sort()).toEqual(udsat);
    await page.selectOption('select[data-filter-key="kategori"]', '');
  });

  it('unfolds an explanation tree', async () => {
    await expectTreeUnfolds(classify.page.locator('section.omraade').first().locator('details.begrundelse').first());
  });

  it('has no serious or critical accessibility violation (axe-core); a screenshot is saved', async () => {
    await expectAccessibleAndSave(browser, classify, 'classify');
  });
});

describe('forecast --format html in chromium', () => {
  it('opens without a console error and fetches nothing but itself', () => {
    expect(forecast.errors).toEqual([]);
    expect(forecast.requests).toEqual([forecast.url]);
  });

  it('has every boligområde of the input, each with its afdelinger and the margin in persons', async () => {
    const areas = [...new Set(csvColumn('fixtures/classification/afdelinger-prognose.csv', 'boligomraade'))];
    expect(areas.length).toBeGreaterThan(1);
    expect((await rowHeaders(forecast.page)).sort()).toEqual([...areas].sort());
    const text = (await forecast.page.textContent('main')) ?? '';
    for (const afd of csvColumn('fixtures/classification/afdelinger-prognose.csv', 'afdeling_id')) expect(text).toContain(afd);
    const first = (await json(FORECAST)).sort((a, b) => a.id.localeCompare(b.id))[0];
    const withPersons = first?.margener?.find((m) => m.personer !== undefined);
    expect(withPersons).toBeDefined();
    const section = forecast.page.locator('section.omraade').first();
    const row = section.locator('tr', { hasText: withPersons?.titel ?? '' }).first();
    expect(await row.locator('svg.margin-bar').count()).toBe(1);
    expect(await row.textContent()).toContain(String(withPersons?.personer));
  });

  it('sorts by clicking a header and filters by dependence on the non-western criterion', async () => {
    const page = forecast.page;
    await page.getByRole('button', { name: 'Boligområde' }).click();
    const ids = await rowHeaders(page);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b, 'da')));
    await page.getByRole('button', { name: 'Boligområde' }).click();
    expect(await rowHeaders(page)).toEqual([...ids].reverse());
    const rows = await json(FORECAST);
    for (const value of ['ja', 'nej']) {
      await page.selectOption('select[data-filter-key="afhaenger"]', value);
      expect((await rowHeaders(page)).sort()).toEqual(rows.filter((r) => r.afhaengerAfIkkeVestligeKriterium === (value === 'ja')).map((r) => r.id).sort());
    }
    await page.selectOption('select[data-filter-key="afhaenger"]', '');
  });

  it('unfolds an explanation tree', async () => {
    await expectTreeUnfolds(forecast.page.locator('details.begrundelse').first());
  });

  it('has no serious or critical accessibility violation (axe-core); a screenshot is saved', async () => {
    await expectAccessibleAndSave(browser, forecast, 'forecast');
  });
});
