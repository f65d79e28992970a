/**
 * A real browser for the HTML report tests: Debian's chromium driven by playwright-core.
 * No skipping: without /usr/bin/chromium the tests fail and say how to install it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test-output');

/** Launches chromium headless; throws with the fix when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} findes ikke: HTML-rapporternes browsertest kræver Debians chromium. Installér den med "apt-get install -y --no-install-recommends chromium" (.ci/run gør det selv).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A report opened from a file URL, with everything the page did on the way. */
export interface OpenedReport {
  readonly page: Page;
  readonly url: string;
  /** Console messages of type error, and uncaught page errors. */
  readonly errors: string[];
  /** Every URL the page requested (the report's own file included). */
  readonly requests: string[];
}

/** Writes `html` to test-output/html/<name>.html and opens it in a new page. */
export async function openReport(browser: Browser, name: string, html: string): Promise<OpenedReport> {
  const dir = join(OUT, 'html');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, errors, requests };
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations of the report at `url`, as "rule: help (n: targets)"
 * lines. The report's Content Security Policy admits only its own script, so axe is inlined
 * into a page of its own, opened with the policy bypassed; the other tests run with it in force.

 */
export async function seriousViolations(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    // no DOM types in this tsconfig: the page's globals are described here
    const w = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } };
    const result = await w.axe.run(w.document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))})`);
  });
  await context.close();
  return found;
}

/** Saves a screenshot for review under test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(OUT, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.evaluate(() => (globalThis as unknown as { scrollTo: (x: number, y: number) => void }).scrollTo(0, 0));
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** The row headers of a table's visible body rows (filtered rows are hidden). */
export function visibleRowHeaders(page: Page, tableId: string): Promise<string[]> {
  return page.$$eval(`#${tableId} tbody tr`, (rows) => rows.filter((r) => !(r as unknown as { hidden: boolean }).hidden).map((r) => r.querySelector('th')?.textContent?.trim() ?? ''));
}

/** Checks that an explanation tree (`details.begrundelse`) is folded, and that clicking its summary shows its first rule. */
export async function expectTreeUnfolds(tree: Locator): Promise<void> {
  const rule = tree.locator(':scope > details').first();
  expect(await tree.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
  expect(await rule.isVisible()).toBe(false);
  await tree.locator(':scope > summary').click();
  expect(await rule.isVisible()).toBe(true);
}

/** Checks the report with axe-core (no serious or critical violation) and saves its screenshot. */
export async function expectAccessibleAndSave(browser: Browser, report: OpenedReport, name: string): Promise<void> {
  expect(await seriousViolations(browser, report.url)).toEqual([]);
  await screenshot(report.page, name);
}
