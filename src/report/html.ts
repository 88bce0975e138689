import type { QualityReport } from './schema.js';

/**
 * report.html: one self-contained page (inline CSS, inline SVG, no script, no
 * network) a steward opens in any browser. Every data string is escaped:
 * source names and issue codes come from customer files.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const num = (x: number) => x.toLocaleString('en');
const e = escapeHtml;

/** Red → amber → green for a 0–1 score. */
function colour(x: number): string {
  const hue = Math.round(Math.max(0, Math.min(1, x)) * 120);
  return `hsl(${hue} 65% 42%)`;
}

function table(head: string[], rows: string[][], cls = ''): string {
  return `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function barChart(bars: { label: string; count: number }[], title: string): string {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const w = 560;
  const h = 180;
  const bw = w / Math.max(1, bars.length);
  const rects = bars
    .map((b, i) => {
      const bh = Math.round((b.count / max) * (h - 40));
      const x = Math.round(i * bw + 6);
      return `<rect x="${x}" y="${h - 24 - bh}" width="${Math.round(bw - 12)}" height="${bh}" fill="#3b6ea5"><title>${e(b.label)}: ${num(b.count)}</title></rect>` +
        `<text x="${Math.round(x + (bw - 12) / 2)}" y="${h - 8}" text-anchor="middle">${e(b.label)}</text>` +
        `<text x="${Math.round(x + (bw - 12) / 2)}" y="${h - 28 - bh}" text-anchor="middle">${num(b.count)}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="${e(title)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${rects}</svg>`;
}

function heatmap(report: QualityReport): string {
  const sources = [...new Set(report.completenessHeatmap.map((c) => c.source))];
  const fields = [...new Set(report.completenessHeatmap.map((c) => c.field))];
  const cell = new Map(report.completenessHeatmap.map((c) => [`${c.source}\u0000${c.field}`, c.rate]));
  return table(
    ['source', ...fields],
    sources.map((s) => [
      e(s),
      ...fields.map((f) => {
        const rate = cell.get(`${s}\u0000${f}`) ?? null;
        return rate === null ? '<span class="na">no column</span>' : `<span class="heat" style="background:${colour(rate)}">${pct(rate)}</span>`;
      }),
    ]),
    'heatmap',
  );
}

const CSS = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.muted{color:#667}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.card{background:#fff;border-radius:8px;padding:12px 16px;min-width:130px;box-shadow:0 1px 2px #0002}
.card b{display:block;font-size:24px}.card span{color:#667;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
table{border-collapse:collapse;background:#fff;width:100%;box-shadow:0 1px 2px #0002}th,td{padding:6px 10px;border-bottom:1px solid #e5e7eb;text-align:left}
th{background:#eef1f5;font-weight:600}.heat{display:inline-block;min-width:56px;color:#fff;border-radius:4px;padding:1px 6px;text-align:center}.na{color:#aab}
.alert{color:#b42318;font-weight:600}svg text{font-size:11px;fill:#333}code{background:#eef1f5;padding:1px 4px;border-radius:3px}`;

export function renderHtmlReport(report: QualityReport): string {
  const s = report.scores;
  const c = report.counts;
  const card = (id: string, label: string, value: string, score?: number) =>
    `<div class="card"><b data-testid="${id}"${score === undefined ? '' : ` style="color:${colour(score)}"`}>${value}</b><span>${e(label)}</span></div>`;
  const sections: string[] = [];
  sections.push(
    `<div class="cards">${card('records', 'records in', num(c.records))}${card('golden-records', 'customers out', num(c.goldenRecords))}${card('duplicates', 'duplicates merged', num(c.duplicateRecords))}${card('rejects', 'rows rejected', num(c.rejects))}${card('review-pairs', 'pairs to review', num(c.reviewPairs))}</div>`,
    `<div class="cards">${(['overall', 'completeness', 'validity', 'freshness', 'uniqueness', 'consistency'] as const).map((k) => card(`score-${k}`, k, pct(s[k]), s[k])).join('')}</div>`,
    `<p class="muted">${e(report.formula)}</p>`,
  );
  sections.push(
    '<h2>Sources</h2>',
    table(
      ['source', 'rows', 'rejected', 'overall', 'completeness', 'validity', 'freshness', 'duplicates within', 'vs last run'],
      report.sources.map((x) => [
        e(x.source),
        num(x.rows),
        x.rejects ? `${num(x.rejects)} (${e(Object.entries(x.rejectReasons).map(([k, v]) => `${k} ${v}`).join(', '))})` : '0',
        pct(x.scores.overall),
        pct(x.scores.completeness),
        pct(x.scores.validity),
        pct(x.scores.freshness),
        pct(x.duplicateRate),
        x.volumeChange === null ? '–' : `<span class="${x.volumeAlert ? 'alert' : ''}">${x.volumeChange >= 0 ? '+' : ''}${pct(x.volumeChange)}</span>`,
      ]),
    ),
  );
  sections.push(
    '<h2>Fields</h2>',
    table(
      ['field', 'importance', 'expected', 'filled', 'placeholders', 'invalid', 'completeness', 'validity'],
      report.fields.map((f) => [e(f.field), String(f.importance), num(f.expected), num(f.filled), num(f.placeholder), num(f.invalid), pct(f.completeness), pct(f.validity)]),
    ),
    '<h2>Completeness by source and field</h2>',
    heatmap(report),
  );
  sections.push(
    '<h2>Freshness</h2>',
    `<p>${num(report.freshness.stale)} of ${num(report.freshness.dated)} dated records are older than ${report.freshness.staleDays} days; ${num(report.freshness.noDate)} have no date.</p>`,
    barChart(report.freshness.histogram, 'record age'),
  );
  if (report.owners.column) {
    sections.push(
      `<h2>By record owner (<code>${e(report.owners.column)}</code>)</h2>`,
      table(
        ['owner', 'records', 'overall', 'completeness', 'validity', 'with invalid values', 'with placeholders'],
        report.owners.rows.map((o) => [e(o.owner), num(o.records), pct(o.scores.overall), pct(o.scores.completeness), pct(o.scores.validity), pct(o.invalidRate), pct(o.placeholderRate)]),
      ),
    );
  }
  sections.push(
    '<h2>Top issues</h2>',
    report.issues.length
      ? table(
          ['code', 'field', 'count', 'examples (source:row)'],
          report.issues.slice(0, 20).map((i) => [`<code>${e(i.code)}</code>`, e(i.field), num(i.count), e(i.examples.map((x) => `${x.source}:${x.row}`).join(', '))]),
        )
      : '<p>No issues found.</p>',
    '<p class="muted">Every issue, row by row: issues.csv.</p>',
  );
  sections.push(
    '<h2>Consistency of merged customers</h2>',
    table(['field', 'customers compared', 'sources disagree', 'rate'], report.consistency.fields.map((f) => [e(f.field), num(f.compared), num(f.disagreeing), pct(f.rate)])),
    report.consistency.sourcePairs.length
      ? table(['source', 'source', 'values compared', 'disagree', 'rate'], report.consistency.sourcePairs.map((p) => [e(p.a), e(p.b), num(p.compared), num(p.disagreeing), pct(p.rate)]))
      : '',
  );
  sections.push(
    '<h2>Duplicate clusters</h2>',
    barChart(report.clusters.sizes.map((x) => ({ label: `${x.size} record${x.size > 1 ? 's' : ''}`, count: x.count })), 'cluster sizes'),
    report.clusters.sample.length
      ? table(['largest customers', 'records'], report.clusters.sample.map((x) => [String(x.members.length), e(x.members.map((m) => `${m.source}:${m.row}`).join(', '))]))
      : '',
    '<h2>Blocking</h2>',
    table(
      ['rule', 'candidate pairs', 'blocks skipped (too big)', 'records in skipped blocks', 'note'],
      report.blocking.map((b) => [`<code>${e(b.rule)}</code>`, num(b.candidatePairs), num(b.skippedBlocks), num(b.skippedRecords), b.refused ? `<span class="alert">refused: ${e(b.refused)}</span>` : '']),
    ),
  );
  if (report.changes) {
    const ch = report.changes;
    sections.push(
      '<h2>Changes since the last run</h2>',
      `<div class="cards">${card('new-customers', 'new customers', num(ch.newCustomers))}${card('existing-customers', 'existing customers', num(ch.existingCustomers))}${card('merged-customers', 'golden records merged', num(ch.merged.length))}${card('changed-fields', 'field values changed', num(ch.changedFields.length))}${card('stale-customers', 'went stale', num(ch.staleCustomers))}</div>`,
      ch.merged.length ? table(['merged id', 'into'], ch.merged.map((m) => [e(m.from), e(m.into)])) : '',
    );
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>crmclean quality report ${e(report.asOf)}</title><style>${CSS}</style></head>
<body><main><h1>Customer data quality</h1><p class="muted">as of ${e(report.asOf)} · report schema v${report.schemaVersion} · no personal data in this page</p>
${sections.join('\n')}
</main></body></html>
`;
}
