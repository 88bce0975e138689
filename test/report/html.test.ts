import { describe, expect, it } from 'vitest';
import { renderHtmlReport, escapeHtml } from '../../src/report/html.js';
import { HOSTILE_ADVICE, HOSTILE_CODE, HOSTILE_HEADER, HOSTILE_SOURCE, sampleReport } from './report-fixture.js';

describe('report.html', () => {
  const report = sampleReport();
  const html = renderHtmlReport(report);

  it.each([
    ['<b>"x" & \'y\'</b>', '&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;'],
    ['张伟 & Co', '张伟 &amp; Co'],
  ])('escapeHtml(%s)', (s, e) => expect(escapeHtml(s)).toBe(e));

  it('escapes every customer-controlled string', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain(HOSTILE_HEADER);
    expect(html).not.toContain('<b>1</b>');
    expect(html).toContain(escapeHtml(HOSTILE_SOURCE));
    expect(html).toContain(escapeHtml(HOSTILE_CODE));
    expect(html).toContain('&quot;Amy&quot;');
  });

  it('masks personal data in data strings by default, and shows it only when asked', () => {
    expect(html).not.toContain('13912873460');
    expect(html).toContain('139****3460');
    expect(renderHtmlReport(report, { mask: false })).toContain(escapeHtml(HOSTILE_ADVICE));
  });

  it('names rows past a million in the issue examples and cluster members, masking only the source names', () => {
    const big = [{ source: 'crm export', row: 1234567 }, { source: 'from 13912873460.csv', row: 2345678 }];
    const page = renderHtmlReport({
      ...report,
      issues: [{ code: 'phone.invalid', field: 'phone', count: 2, examples: big }],
      clusters: { ...report.clusters, sample: [{ goldenIndex: 0, size: 2, members: big }] },
    });
    const shown = 'crm export:1234567, from 139****3460.csv:2345678';
    expect(page.split(shown)).toHaveLength(3);
    expect(page).not.toContain('13912873460');
  });

  it('is self-contained: no script, stylesheet, image, font or frame from anywhere', () => {
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toMatch(/<style>/);
    expect(html.match(/<svg\b/g)).toHaveLength(2);
  });

  it('puts the headline figures under data-testid, formatted as shown', () => {
    const shown = (id: string) => html.match(new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`))?.[1];
    expect(shown('records')).toBe('3');
    expect(shown('golden-records')).toBe('2');
    expect(shown('duplicates')).toBe('1');
    expect(shown('rejects')).toBe('1');
    expect(shown('score-overall')).toBe(`${(report.scores.overall * 100).toFixed(1)}%`);
    expect(shown('new-customers')).toBe('1,200');
    expect(shown('as-of')).toBe('2026-11-01');
  });

  it('shows each section: sources, owners, fields, heat map, freshness, issues, consistency, clusters, blocking, changes', () => {
    for (const heading of ['Sources', 'Column notes', 'By record owner', 'Fields', 'Completeness by source and field', 'Freshness', 'Top issues', 'Consistency of merged customers', 'Duplicate clusters', 'Blocking', 'Changes since the last run']) {
      expect(html).toContain(`<h2>${heading}`);
    }
    expect(html).toContain('no column');
    expect(html).toContain('shop.csv:1');
  });

  it("lists each source's unrecognised columns and header notes, only for sources that have some", () => {
    const notes = html.match(/<p data-testid="column-notes">[\s\S]*?<\/ul>/g) ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`<b>${escapeHtml(HOSTILE_SOURCE)}</b>`);
    expect(notes[0]).toContain('<li>2 columns not recognised, kept as extra columns: &quot;Phone Type&quot;, &quot;VIP&quot;;');
    expect(notes[0]).toContain(`<li>columns 1 and 3 are both called &quot;${escapeHtml(HOSTILE_HEADER)}&quot;;`);
    const quiet = { ...report, sources: report.sources.map((s) => ({ ...s, warnings: [], unknownColumns: [] })) };
    expect(renderHtmlReport(quiet)).not.toContain('Column notes');
  });

  it.each([
    // No source has an email column: no rate to show.
    ['email', '<tr><td>email</td><td>2</td><td><span class="na">no column</span></td><td>–</td><td>–</td><td>–</td></tr>'],
    // Phone: 3 expected, the placeholder's record holds an invalid one.
    ['phone', '<tr><td>phone</td><td>3</td><td><span class="n">3</span></td><td>100.0%</td><td>0.0%</td><td>33.3%</td></tr>'],
  ])('shows the %s field row of the fields table', (_field, row) => expect(html).toContain(row));

  it('leaves the rate of a field no merged customer had twice blank in the consistency table', () => {
    expect(report.consistency.fields.find((f) => f.field === 'email')).toMatchObject({ compared: 0 });
    expect(html).toContain('<tr><td>email</td><td><span class="n">0</span></td><td><span class="n">0</span></td><td>–</td></tr>');
  });

  it('lists owners lowest overall first and colours every source and owner score', () => {
    const [amy, bo] = report.owners.rows;
    expect([amy.owner, bo.owner]).toEqual(['"Amy"', 'Bo']);
    expect(bo.scores.overall).toBeLessThan(amy.scores.overall);
    const owners = html.slice(html.indexOf('<h2>By record owner'), html.indexOf('<h2>Fields'));
    expect(owners.indexOf('<td>Bo</td>')).toBeLessThan(owners.indexOf('<td>&quot;Amy&quot;</td>'));
    const overall = `${(bo.scores.overall * 100).toFixed(1)}%`;
    expect(owners).toMatch(new RegExp(`<td>Bo</td><td><span class="n">1</span></td><td><span class="heat" style="background:hsl\\(\\d+ 65% 38%\\)">${overall.replace('.', '\\.')}</span></td>`));
    const sources = html.slice(html.indexOf('<h2>Sources'), html.indexOf('<h2>Column notes'));
    expect(sources.match(/class="heat"/g)).toHaveLength(6 * report.sources.length);
  });

  it('says how many records come from files without the owner column', () => {
    // shop.csv has no owner column: its one record is in no owner's row.
    expect(report.owners.rows.map((o) => o.records)).toEqual([1, 1]);
    expect(html).toContain('<p class="muted" data-testid="no-owner-column">1 records come from files without this column and are in no row;');
    const allOwned = { ...report, counts: { ...report.counts, records: 2 } };
    expect(renderHtmlReport(allOwned)).not.toContain('no-owner-column');
    const misspelt = renderHtmlReport({ ...report, owners: { column: 'Sales Rpe', rows: [] } });
    expect(misspelt).toContain('<p class="alert" data-testid="no-owner-column">No input file has this column');
  });

  it('names the sources missing since the last run, only when there are some', () => {
    const gone = renderHtmlReport({ ...report, missingSources: [{ source: HOSTILE_SOURCE, previousRows: 2707 }] });
    expect(gone).toContain(`<p class="alert" data-testid="missing-sources">Missing since the last run (not among the inputs): ${escapeHtml(HOSTILE_SOURCE)} (was <span class="n">2,707</span> rows)</p>`);
    expect(html).not.toContain('missing-sources');
  });

  it('leaves out the changes section when the report has none', () => {
    const { changes: _c, ...plain } = report;
    expect(renderHtmlReport(plain)).not.toContain('Changes since the last run');
  });

  it('is deterministic', () => expect(renderHtmlReport(sampleReport())).toBe(html));
});
