/** `compare … --format html` and `sensitivity … --format html` in a real browser. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectAccessibleAndSave, launchBrowser, type OpenedReport, openReport, visibleRowHeaders } from './browser.js';

const COMPARE = ['compare', 'screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--after-set', 'screening.maxFlyttefrekvensPct=11'];
const SENSITIVITY = ['sensitivity', 'screen', 'fixtures/afdelinger.csv', '--as-of', '2024-12-01', '--parameter', 'screening.maxFlyttefrekvensPct', '--from', '8', '--to', '20', '--step', '1'];

interface JsonComparison {
  readonly aendrede: readonly { readonly id: string; readonly udfald: readonly { readonly udfald: string }[] }[];
}

interface JsonSensitivity {
  readonly vaerdier: readonly string[];
  readonly optaelling: readonly { readonly vaerdi: string; readonly optaelling: readonly { readonly udfald: string; readonly vaerdier: readonly { readonly vaerdi: unknown; readonly antal: number }[] }[] }[];
  readonly raekker: readonly { readonly id: string; readonly vendinger: readonly { readonly udfald: readonly { readonly udfald: string }[] }[] }[];
}

let browser: Browser;
let compare: OpenedReport;
let sensitivity: OpenedReport;
let cJson: JsonComparison;
let sJson: JsonSensitivity;

beforeAll(async () => {
  browser = await launchBrowser();
  const c = await runCli([...COMPARE, '--format', 'html']);
  expect(c.code).toBe(0);
  compare = await openReport(browser, 'compare', c.stdout);
  cJson = JSON.parse((await runCli([...COMPARE, '--format', 'json'])).stdout) as JsonComparison;
  const s = await runCli([...SENSITIVITY, '--format', 'html']);
  expect(s.code).toBe(0);
  sensitivity = await openReport(browser, 'sensitivity', s.stdout);
  sJson = JSON.parse((await runCli([...SENSITIVITY, '--format', 'json'])).stdout) as JsonSensitivity;
});

afterAll(async () => {
  await browser?.close();
});

const rowHeaders = visibleRowHeaders;

describe('compare --format html in chromium', () => {
  it('opens without a console error and fetches nothing but itself', () => {
    expect(compare.errors).toEqual([]);
    expect(compare.requests).toEqual([compare.url]);
  });

  it('lists every changed outcome of every changed row, highlighted, with before and after', async () => {
    const expected = cJson.aendrede.flatMap((r) => r.udfald.map(() => r.id));
    expect(expected.length).toBeGreaterThan(3);
    const shown = await rowHeaders(compare.page, 'aendrede');
    expect(shown.map((h) => /^Afdeling (\S+)/.exec(h)?.[1] ?? h).sort()).toEqual([...expected].sort());
    expect(await compare.page.locator('#aendrede tbody tr.aendret').count()).toBe(expected.length);
    const first = compare.page.locator('#aendrede tbody tr').first();
    expect(await first.textContent()).toMatch(/før: .*efter: /);
  });

  it('sorts by clicking a header and filters by outcome', async () => {
    const page = compare.page;
    await page.getByRole('button', { name: 'Udfald', exact: true }).click();
    const outcomes = await page.$$eval('#aendrede tbody tr', (rows) => rows.map((r) => r.cells[1]?.textContent ?? ''));
    expect(outcomes).toEqual([...outcomes].sort((a, b) => a.localeCompare(b, 'da')));
    const key = 'indikator:hoej-flyttefrekvens';
    const n = cJson.aendrede.filter((r) => r.udfald.some((o) => o.udfald === key)).length;
    expect(n).toBeGreaterThan(0);
    await page.selectOption('select[data-filter-key="udfald"]', key);
    expect(await rowHeaders(page, 'aendrede')).toHaveLength(n);
    await page.selectOption('select[data-filter-key="udfald"]', '');
  });

  it('unfolds why a row changed', async () => {
    const why = compare.page.locator('#aendrede details').first();
    const list = why.locator(':scope > ul');
    expect(await list.isVisible()).toBe(false);
    await why.locator(':scope > summary').click();
    expect(await list.isVisible()).toBe(true);
    expect(await list.textContent()).toMatch(/før: .*efter: /s);
  });

  it('has no serious or critical accessibility violation (axe-core); a screenshot is saved', async () => {
    await expectAccessibleAndSave(browser, compare, 'compare');
  });
});

describe('sensitivity --format html in chromium', () => {
  it('opens without a console error and fetches nothing but itself', () => {
    expect(sensitivity.errors).toEqual([]);
    expect(sensitivity.requests).toEqual([sensitivity.url]);
  });

  it('draws the count per outcome as a line over the values, and tabulates the same counts', async () => {
    const page = sensitivity.page;
    expect(await page.locator('#optaelling tbody tr').count()).toBe(sJson.vaerdier.length);
    const lines = page.locator('svg.linjediagram path.linje');
    expect(await lines.count()).toBeGreaterThan(0);
    const d = (await lines.first().getAttribute('d')) ?? '';
    expect(d.match(/[ML]/g)).toHaveLength(sJson.vaerdier.length);
    // the first column is the indicator's count: the JSON's count of "ja" at each value
    const flyt = sJson.optaelling.map((c) => c.optaelling.find((o) => o.udfald === 'indikator:hoej-flyttefrekvens')?.vaerdier.find((v) => v.vaerdi === true)?.antal ?? 0);
    const header = await page.locator('#optaelling thead th').nth(1).textContent();
    expect(header).toContain('Høj flyttefrekvens');
    expect((await page.$$eval('#optaelling tbody tr', (rows) => rows.map((r) => r.cells[1]?.textContent ?? ''))).map(Number)).toEqual(flyt);
  });

  it('lists every row that flips, highlighted', async () => {
    const ids = await rowHeaders(sensitivity.page, 'vender');
    expect(ids.map((h) => h.split(' ')[0]).sort()).toEqual(sJson.raekker.map((r) => r.id).sort());
    expect(await sensitivity.page.locator('#vender tbody tr.aendret').count()).toBe(sJson.raekker.length);
  });

  it('sorts the counts by clicking a header, and filters the rows by the outcome that flips', async () => {
    const page = sensitivity.page;
    const button = page.locator('#optaelling thead').getByRole('button', { name: 'Værdi' });
    await button.click();
    await button.click();
    const values = await page.$$eval('#optaelling tbody tr', (rows) => rows.map((r) => r.cells[0]?.getAttribute('data-sort') ?? ''));
    expect(values).toEqual([...sJson.vaerdier].reverse());
    const key = 'anbefaling:lokalt-udviklingsprojekt';
    const n = sJson.raekker.filter((r) => r.vendinger.some((f) => f.udfald.some((o) => o.udfald === key))).length;
    expect(n).toBeGreaterThan(0);
    await page.selectOption('#vender-filter, select[data-filter-for="vender"]', key);
    expect(await rowHeaders(page, 'vender')).toHaveLength(n);
  });

  it('has no serious or critical accessibility violation (axe-core); a screenshot is saved', async () => {
    await expectAccessibleAndSave(browser, sensitivity, 'sensitivity');
  });
});
