import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../src/report/summary.js';
import { sampleReport, HOSTILE_SOURCE } from './report-fixture.js';

describe('terminal summary', () => {
  const report = sampleReport();
  const plain = renderSummary(report, { color: false, outDir: 'out/' });

  it('is plain text when colour is off, and coloured when on', () => {
    expect(plain).not.toMatch(/\u001b\[/);
    expect(renderSummary(report, { color: true })).toMatch(/\u001b\[/);
  });

  it('says what went in and came out, the scores, the weakest source, the top issues and where the files are', () => {
    expect(plain).toContain('3 records in → 2 customers out');
    expect(plain).toContain('1 duplicates merged');
    expect(plain).toContain('1 rows rejected');
    for (const k of ['overall', 'completeness', 'validity', 'freshness', 'uniqueness', 'consistency'] as const) {
      expect(plain).toContain(`${k} ${(report.scores[k] * 100).toFixed(1)}%`);
    }
    const weakest = [...report.sources].sort((a, b) => a.scores.overall - b.scores.overall)[0];
    expect(weakest.source).toBe(HOSTILE_SOURCE);
    expect(plain).toContain(`weakest source  ${weakest.source}`);
    expect(plain).toContain(`top issues  ${report.issues.slice(0, 3).map((i) => `${i.code} ×${i.count}`).join(', ')}`);
    expect(plain).toContain('out/');
    expect(renderSummary(report, { color: false })).not.toContain('written to');
  });

  it('raises a volume alert for a source that fell and for one that is missing since the last run', () => {
    const fell = { ...report, sources: report.sources.map((s, i) => (i ? s : { ...s, previousRows: 30, volumeChange: -0.9, volumeAlert: true })) };
    expect(renderSummary(fell, { color: false })).toContain(`volume alert  ${report.sources[0].source}: 3 rows, was 30`);
    const gone = { ...report, missingSources: [{ source: 'south.csv', previousRows: 2707 }] };
    expect(renderSummary(gone, { color: false })).toContain('volume alert  south.csv: missing, was 2,707 rows');
    expect(plain).not.toContain('volume alert');
  });

  it('does not let a file name drive the terminal', () => {
    const evil = { ...report, sources: report.sources.map((s, i) => ({ ...s, source: i ? s.source : 'x\u001b[2Jy.csv' })) };
    expect(renderSummary(evil, { color: false })).toContain('x?[2Jy.csv');
  });
});
