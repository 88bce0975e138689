import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dedupeStage, importStage, normalizeStage, type PipelineOptions } from '../../src/pipeline/run.js';
import { buildOutputs } from '../../src/pipeline/outputs.js';
import { silentProgress } from '../../src/pipeline/progress.js';
import { SAMPLE_FILES } from '../cli/helpers.js';

const CHROMIUM = '/usr/bin/chromium';

// CI installs Debian's Chromium (.ci/run); a machine without it skips, it does not pass silently.
describe.skipIf(!existsSync(CHROMIUM))('report.html in a real headless browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => browser?.close());

  it('renders the sample report with no console errors, no network, and the numbers of report.json', async () => {
    const opts: PipelineOptions = { config: {}, region: 'CN', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };
    const state = dedupeStage(normalizeStage(await importStage(SAMPLE_FILES, opts), opts), opts);
    const { files } = buildOutputs(state, { config: {}, asOf: opts.asOf, unmask: false, escapeFormulas: true });
    const report = JSON.parse(files.get('report.json')!);

    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(files.get('report.html')!, { waitUntil: 'load' });

    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    const text = async (id: string) => (await page.getByTestId(id).textContent())?.trim();
    expect(await text('records')).toBe(report.counts.records.toLocaleString('en'));
    expect(await text('golden-records')).toBe(report.counts.goldenRecords.toLocaleString('en'));
    expect(await text('rejects')).toBe(String(report.counts.rejects));
    for (const k of ['overall', 'completeness', 'validity', 'freshness', 'uniqueness', 'consistency']) {
      expect(await text(`score-${k}`), k).toBe(`${(report.scores[k] * 100).toFixed(1)}%`);
    }
    expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('table').first().isVisible()).toBe(true);
  }, 60_000);
});
