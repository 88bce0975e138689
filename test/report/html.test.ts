import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderSummary } from '../../src/report/summary.js';
import { buildQualityReport } from '../../src/quality/build-report.js';
import { name, rec } from '../golden/record-helper.js';

const hostile = '<script>alert(1)</script>.csv';
const report = buildQualityReport(
  {
    records: [rec(hostile, 1, { fields: { name: 'x' }, name: name('张伟'), issues: [{ field: 'name', code: '<img src=x onerror=alert(1)>', message: 'm' }] })],
    clusterOf: [0],
    sources: [{ source: hostile, rows: 1, records: 1, rejects: 0, rejectReasons: {} }],
    asOf: '2026-11-01',
    options: {},
  },
  { goldenRecords: 1, candidatePairs: 0, blocking: [{ rule: 'phone', candidatePairs: 0, skippedBlocks: 0, skippedRecords: 0, refused: 'would produce <b>1</b> pairs' }], reviewPairs: 0 },
);

describe('report.html', () => {
  const html = renderHtmlReport(report);

  it('escapes every customer-controlled string', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>1</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.csv');
  });

  it('is self-contained: no scripts, stylesheets, images or fonts from anywhere', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).toMatch(/<style>/);
  });
});

describe('terminal summary', () => {
  it('is plain text off a TTY and coloured on one', () => {
    const plain = renderSummary(report, { color: false, outDir: 'out/' });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toContain('1 records in → 1 customers out');
    expect(plain).toContain('out/');
    expect(renderSummary(report, { color: true })).toMatch(/\u001b\[/);
  });
});
