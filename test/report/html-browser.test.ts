import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dedupeStage, importStage, normalizeStage, type PipelineOptions } from '../../src/pipeline/run.js';
import { buildOutputs } from '../../src/pipeline/outputs.js';
import { silentProgress } from '../../src/pipeline/progress.js';
import { renderHtmlReport } from '../../src/report/html.js';
import type { QualityReport } from '../../src/report/schema.js';
import { SAMPLE_FILES } from '../cli/helpers.js';
import { sampleReport } from './report-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Open a page and record console errors, page errors and every request that is not the page itself. */
async function openReport(browser: Browser, load: (page: Page) => Promise<unknown>) {
  const page = await browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  page.on('request', (r) => requests.push(r.url()));
  await load(page);
  const text = async (id: string) => (await page.getByTestId(id).textContent())?.trim();
  return { page, errors, requests, text };
}

async function expectHeadlines(text: (id: string) => Promise<string | undefined>, report: QualityReport) {
  expect(await text('records')).toBe(report.counts.records.toLocaleString('en'));
  expect(await text('golden-records')).toBe(report.counts.goldenRecords.toLocaleString('en'));
  expect(await text('duplicates')).toBe(report.counts.duplicateRecords.toLocaleString('en'));
  expect(await text('rejects')).toBe(report.counts.rejects.toLocaleString('en'));
  expect(await text('review-pairs')).toBe(report.counts.reviewPairs.toLocaleString('en'));
  for (const k of ['overall', 'completeness', 'validity', 'freshness', 'uniqueness', 'consistency'] as const) {
    expect(await text(`score-${k}`), k).toBe(pct(report.scores[k]));
  }
  expect(await text('stale')).toBe(report.freshness.stale.toLocaleString('en'));
  expect(await text('no-date')).toBe(report.freshness.noDate.toLocaleString('en'));
  expect(await text('as-of')).toBe(report.asOf);
}

// CI installs Debian's Chromium (.ci/run); a machine without it skips, it does not pass silently.
describe.skipIf(!existsSync(CHROMIUM))('report.html in a real headless browser', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    dir = mkdtempSync(join(tmpdir(), 'crmclean-html-'));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders the sample run with no console errors, no network, and the numbers of report.json', async () => {
    const opts: PipelineOptions = { config: {}, region: 'CN', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };
    const state = dedupeStage(normalizeStage(await importStage(SAMPLE_FILES, opts), opts), opts);
    const { files } = buildOutputs(state, { config: {}, asOf: opts.asOf, unmask: false, escapeFormulas: true });
    const report = JSON.parse(files.get('report.json')!) as QualityReport;

    const { page, errors, requests, text } = await openReport(browser, (p) => p.setContent(files.get('report.html')!, { waitUntil: 'load' }));
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    await expectHeadlines(text, report);
    expect(await page.locator('svg rect').count()).toBeGreaterThan(0);
    expect(await page.locator('table.heatmap tbody tr').count()).toBe(report.sources.length);
    await page.close();
  }, 60_000);

  it('opens from disk with hostile data shown as text, the changes section, and nothing fetched', async () => {
    const report = sampleReport();
    const file = join(dir, 'report.html');
    writeFileSync(file, renderHtmlReport(report));
    const url = pathToFileURL(file).href;

    const { page, errors, requests, text } = await openReport(browser, (p) => p.goto(url, { waitUntil: 'load' }));
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await expectHeadlines(text, report);
    expect(await text('new-customers')).toBe(report.changes!.newCustomers.toLocaleString('en'));
    expect(await page.locator('script, img').count()).toBe(0);
    expect(await page.getByText('<script>alert(1)</script>.csv').first().isVisible()).toBe(true);
    await page.close();
  }, 60_000);
});
