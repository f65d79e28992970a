/** `financing --format html` in a real browser: tables per funder, year and afdeling, the stacked bars, sorting, filtering, tree, axe. */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectAccessibleAndSave, expectTreeUnfolds, launchBrowser, type OpenedReport, openReport, visibleRowHeaders } from './browser.js';

const PLAN = 'fixtures/financing/helhedsplan-2024.json';

interface JsonAllocation {
  readonly aar: readonly number[];
  readonly funders: readonly { readonly navn: string }[];
  readonly afdelingsfordeling: readonly { readonly rows: readonly { readonly id: string; readonly navn: string; readonly total: string }[] }[];
  readonly betalingsevne: { readonly afdelinger: readonly { readonly id: string; readonly udenEksternFinansiering: { readonly forHoejUdgift: boolean | null } }[] };
}

let browser: Browser;
let report: OpenedReport;
let page: Page;
let json: JsonAllocation;

beforeAll(async () => {
  browser = await launchBrowser();
  const run = await runCli(['financing', PLAN, '--format', 'html']);
  expect(run.code).toBe(0);
  report = await openReport(browser, 'financing', run.stdout);
  page = report.page;
  json = JSON.parse((await runCli(['financing', PLAN, '--format', 'json'])).stdout) as JsonAllocation;
});

afterAll(async () => {
  await browser?.close();
});

const bodyRows = (table: string) => visibleRowHeaders(page, table);

describe('financing --format html in chromium', () => {
  it('opens without a console error and fetches nothing but itself', () => {
    expect(report.errors).toEqual([]);
    expect(report.requests).toEqual([report.url]);
  });

  it('has every afdeling of the plan in the afdeling table, every funder, and a stacked bar per year', async () => {
    const plan = JSON.parse(readFileSync(PLAN, 'utf8')) as { afdelinger: { id: string }[] };
    const names = new Map(json.afdelingsfordeling[0]?.rows.map((r) => [r.id, r.navn]));
    expect(plan.afdelinger.length).toBeGreaterThan(2);
    expect((await bodyRows('afdelinger-1')).sort()).toEqual(plan.afdelinger.map((a) => names.get(a.id) ?? `mangler ${a.id}`).sort());
    const funderTable = page.locator('table', { has: page.locator('caption', { hasText: 'Finansiering pr. kilde og år' }) });
    expect(await funderTable.locator('tbody th').allTextContents()).toEqual(json.funders.map((f) => expect.stringContaining(f.navn)));
    expect(await funderTable.locator('thead th').allTextContents()).toEqual(['Kilde', 'Andel', ...json.aar.map(String), 'I alt']);
    const bars = page.locator('svg.stablet');
    expect(await bars.locator('rect.serie[y]').count()).toBe(json.aar.length * json.funders.length + json.funders.length);
  });

  it('sorts an afdeling table by its total when the header is clicked', async () => {
    const rows = json.afdelingsfordeling[0]?.rows ?? [];
    const ascending = [...rows].sort((a, b) => Number(a.total) - Number(b.total)).map((r) => r.navn);
    const button = page.locator('#afdelinger-1 thead').getByRole('button', { name: 'I alt' });
    await button.click();
    expect(await bodyRows('afdelinger-1')).toEqual(ascending);
    await button.click();
    expect(await bodyRows('afdelinger-1')).toEqual([...ascending].reverse());
    expect(await page.locator('#afdelinger-1 tfoot th').textContent()).toBe('I alt');
  });

  it('filters the affordability table by the verdict at 100 %', async () => {
    const afd = json.betalingsevne.afdelinger;
    for (const [value, t] of [['for-hoej', true], ['kan-baeres', false]] as const) {
      await page.selectOption('select[data-filter-key="udgift"]', value);
      expect(await bodyRows('betalingsevne')).toHaveLength(afd.filter((x) => x.udenEksternFinansiering.forHoejUdgift === t).length);
    }
    await page.selectOption('select[data-filter-key="udgift"]', '');
    expect(await bodyRows('betalingsevne')).toHaveLength(afd.length);
  });

  it('unfolds an affordability explanation tree', async () => {
    await expectTreeUnfolds(page.locator('details.begrundelse').first());
  });

  it('has no serious or critical accessibility violation (axe-core); a screenshot is saved', async () => {
    await expectAccessibleAndSave(browser, report, 'financing');
  });
});
