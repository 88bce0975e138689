import type { QualityReport } from './schema.js';
import { maskFreeText } from '../model/mask.js';
import { sourceNotes } from './source-notes.js';

/**
 * report.html: one self-contained page (inline CSS, inline SVG, no script, no
 * network, no web fonts) a steward opens in any browser, offline. Every data
 * string is escaped — source names, owner values, issue codes and blocking
 * advice come from customer files and config — and, unless `mask` is false,
 * passed through the free-text masker as a second guard. Headline numbers
 * carry `data-testid` so a browser test can read them. Deterministic: the only
 * date on the page is report.asOf.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const num = (x: number) => x.toLocaleString('en');

/** Red → amber → green for a 0–1 score. */
function colour(x: number): string {
  return `hsl(${Math.round(Math.max(0, Math.min(1, x)) * 120)} 65% 38%)`;
}

/** A score cell coloured as the heat map, so the weak sources and owners stand out in a long table. */
function scored(x: number): string {
  return `<span class="heat" style="background:${colour(x)}">${pct(x)}</span>`;
}

/** Cells are already-escaped HTML. */
function table(head: string[], rows: string[][], cls = ''): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A vertical bar chart drawn as inline SVG, with the count above each bar and a tooltip. */
function barChart(bars: { label: string; count: number }[], title: string): string {
  const w = 640;
  const h = 190;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const slot = w / Math.max(1, bars.length);
  const body = bars
    .map((b, i) => {
      const bh = Math.round((b.count / max) * (h - 48));
      const x = Math.round(i * slot + 6);
      const bw = Math.max(1, Math.round(slot - 12));
      const mid = Math.round(x + bw / 2);
      const label = escapeHtml(b.label);
      return (
        `<rect x="${x}" y="${h - 24 - bh}" width="${bw}" height="${bh}" fill="#3b6ea5"><title>${label}: ${num(b.count)}</title></rect>` +
        `<text x="${mid}" y="${h - 8}" text-anchor="middle">${label}</text>` +
        `<text x="${mid}" y="${h - 30 - bh}" text-anchor="middle">${num(b.count)}</text>`
      );
    })
    .join('');
  return `<svg role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${body}</svg>`;
}

/** Sizes past this are drawn as one "N+" bar, so a few giant clusters do not squeeze the chart. */
const CLUSTER_CHART_SIZES = 6;

function clusterBars(sizes: QualityReport['clusters']['sizes']): { label: string; count: number }[] {
  const bars = sizes.filter((s) => s.size < CLUSTER_CHART_SIZES).map((s) => ({ label: `${s.size} record${s.size > 1 ? 's' : ''}`, count: s.count }));
  const big = sizes.filter((s) => s.size >= CLUSTER_CHART_SIZES).reduce((n, s) => n + s.count, 0);
  if (big) bars.push({ label: `${CLUSTER_CHART_SIZES}+ records`, count: big });
  return bars;
}

const CSS = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px}h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.muted{color:#5b6270}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.card{background:#fff;border-radius:8px;padding:12px 16px;min-width:130px;box-shadow:0 1px 2px #0002}
.card b{display:block;font-size:24px}.card span{color:#5b6270;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
table{border-collapse:collapse;background:#fff;width:100%;box-shadow:0 1px 2px #0002;margin-bottom:8px}th,td{padding:6px 10px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}.n{font-variant-numeric:tabular-nums}.heat{display:inline-block;min-width:56px;color:#fff;border-radius:4px;padding:1px 6px;text-align:center}.na{color:#8a90a0}
.alert{color:#b42318;font-weight:600}svg{max-width:100%;height:auto}svg text{font-size:11px;fill:#333}code{background:#eef1f5;padding:1px 4px;border-radius:3px}`;

export interface HtmlOptions {
  /** Mask anything that looks like a phone, ID number or email in data strings (default true). */
  mask: boolean;
}

export function renderHtmlReport(report: QualityReport, opts: HtmlOptions = { mask: true }): string {
  /** Every string that comes from data or config goes through here. */
  const t = (s: string) => escapeHtml(opts.mask ? maskFreeText(s) : s);
  const n = (x: number) => `<span class="n">${num(x)}</span>`;
  // Row numbers are no personal data, and past a million the masker would take them for phones: only source names go through it.
  const at = (locations: { source: string; row: number }[]) => locations.map((l) => `${t(l.source)}:${l.row}`).join(', ');
  const { scores: s, counts: c } = report;
  const card = (id: string, label: string, value: string, score?: number) =>
    `<div class="card"><b data-testid="${id}"${score === undefined ? '' : ` style="color:${colour(score)}"`}>${value}</b><span>${escapeHtml(label)}</span></div>`;
  const sections: string[] = [];

  sections.push(
    `<div class="cards">${card('records', 'records in', num(c.records))}${card('golden-records', 'customers out', num(c.goldenRecords))}${card('duplicates', 'duplicates merged', num(c.duplicateRecords))}${card('rejects', 'rows rejected', num(c.rejects))}${card('review-pairs', 'pairs to review', num(c.reviewPairs))}</div>`,
    `<div class="cards">${(['overall', 'completeness', 'validity', 'freshness', 'uniqueness', 'consistency'] as const).map((k) => card(`score-${k}`, k, pct(s[k]), s[k])).join('')}</div>`,
    `<p class="muted">${escapeHtml(report.formula)}</p>`,
  );

  sections.push(
    '<h2>Sources</h2>',
    table(
      ['source', 'rows', 'rejected', 'overall', 'completeness', 'validity', 'freshness', 'uniqueness', 'consistency', 'duplicates within', 'rows vs last run'],
      report.sources.map((x) => [
        t(x.source),
        n(x.rows),
        x.rejects ? `${num(x.rejects)} <span class="muted">(${t(Object.entries(x.rejectReasons).map(([k, v]) => `${k} ${v}`).join(', '))})</span>` : '0',
        scored(x.scores.overall),
        scored(x.scores.completeness),
        scored(x.scores.validity),
        scored(x.scores.freshness),
        scored(x.scores.uniqueness),
        scored(x.scores.consistency),
        pct(x.duplicateRate),
        x.volumeChange === null
          ? '–'
          : `<span${x.volumeAlert ? ' class="alert"' : ''}>${x.volumeChange >= 0 ? '+' : ''}${pct(x.volumeChange)} (was ${num(x.previousRows ?? 0)})</span>`,
      ]),
    ),
  );
  const missing = report.missingSources ?? [];
  if (missing.length) {
    sections.push(
      `<p class="alert" data-testid="missing-sources">Missing since the last run (not among the inputs): ${missing.map((m) => `${t(m.source)} (was ${n(m.previousRows)} rows)`).join(', ')}</p>`,
    );
  }

  const notes = report.sources.map((x) => ({ source: x.source, notes: sourceNotes(x) })).filter((x) => x.notes.length);
  if (notes.length) {
    sections.push(
      '<h2>Column notes</h2>',
      ...notes.map((x) => `<p data-testid="column-notes"><b>${t(x.source)}</b></p><ul>${x.notes.map((note) => `<li>${t(note)}</li>`).join('')}</ul>`),
    );
  }

  if (report.owners.column) {
    const unowned = c.records - report.owners.rows.reduce((sum, o) => sum + o.records, 0);
    sections.push(
      `<h2>By record owner (<code>${t(report.owners.column)}</code>), lowest overall first</h2>`,
      !report.owners.rows.length && c.records
        ? `<p class="alert" data-testid="no-owner-column">No input file has this column (<code>quality.ownerColumn</code>): check its spelling against the files' headers.</p>`
        : unowned
          ? `<p class="muted" data-testid="no-owner-column">${num(unowned)} records come from files without this column and are in no row; (none) is an owner cell left blank.</p>`
          : '',
      table(
        ['owner', 'records', 'overall', 'completeness', 'validity', 'freshness', 'duplicates within', 'with invalid values', 'with placeholders'],
        // The owners a steward must talk to first, at the top; ties by name, as report.json lists them.
        [...report.owners.rows].sort((a, b) => a.scores.overall - b.scores.overall).map((o) => [
          t(o.owner),
          n(o.records),
          scored(o.scores.overall),
          scored(o.scores.completeness),
          scored(o.scores.validity),
          scored(o.scores.freshness),
          pct(o.duplicateRate),
          pct(o.invalidRate),
          pct(o.placeholderRate),
        ]),
      ),
    );
  }

  sections.push(
    '<h2>Fields</h2>',
    table(
      ['field', 'importance', 'records expected', 'filled', 'placeholders', 'invalid (of filled)'],
      report.fields.map((f) =>
        // A rate over no values is no figure: 0.0% filled would read as a column left empty.
        f.expected
          ? [t(f.field), String(f.importance), n(f.expected), pct(f.filledRate), pct(f.placeholderRate), f.filled ? pct(f.invalidRate) : '–']
          : [t(f.field), String(f.importance), '<span class="na">no column</span>', '–', '–', '–'],
      ),
    ),
    '<h2>Completeness by source and field</h2>',
    heatmap(report, t),
  );

  const fr = report.freshness;
  sections.push(
    '<h2>Freshness</h2>',
    `<p><span data-testid="stale">${num(fr.stale)}</span> of ${num(fr.dated)} dated records are older than ${num(fr.staleDays)} days; <span data-testid="no-date">${num(fr.noDate)}</span> have no date.</p>`,
    barChart(fr.histogram, 'records by age since last update'),
  );

  sections.push(
    '<h2>Top issues</h2>',
    report.issues.length
      ? table(
          ['code', 'field', 'count', 'examples (source:row)'],
          report.issues.slice(0, 20).map((i) => [`<code>${t(i.code)}</code>`, t(i.field), n(i.count), at(i.examples)]),
        )
      : '<p>No issues found.</p>',
    '<p class="muted">Every issue, row by row: issues.csv.</p>',
  );

  sections.push(
    '<h2>Consistency of merged customers</h2>',
    table(['field', 'customers compared', 'records disagree', 'rate'], report.consistency.fields.map((f) => [t(f.field), n(f.compared), n(f.disagreeing), f.compared ? pct(f.rate) : '–'])),
    report.consistency.sourcePairs.length
      ? table(['source', 'source', 'values compared', 'disagree', 'rate'], report.consistency.sourcePairs.map((p) => [t(p.a), t(p.b), n(p.compared), n(p.disagreeing), pct(p.rate)]))
      : '',
  );

  sections.push(
    '<h2>Duplicate clusters</h2>',
    barChart(clusterBars(report.clusters.sizes), 'customers by number of records'),
    report.clusters.sample.length
      ? table(
          ['golden record #', 'records', 'members (source:row)'],
          report.clusters.sample.map((x) => [String(x.goldenIndex + 1), n(x.size), at(x.members) + (x.members.length < x.size ? ', …' : '')]),
        )
      : '<p>No records were merged.</p>',
    '<h2>Blocking</h2>',
    table(
      ['rule', 'candidate pairs', 'blocks skipped (too big)', 'records in skipped blocks', 'note'],
      report.blocking.map((b) => [`<code>${t(b.rule)}</code>`, n(b.candidatePairs), n(b.skippedBlocks), n(b.skippedRecords), b.refused ? `<span class="alert">refused: ${t(b.refused)}</span>` : '']),
    ),
  );

  if (report.changes) {
    const ch = report.changes;
    sections.push(
      '<h2>Changes since the last run</h2>',
      `<div class="cards">${card('new-customers', 'new customers', num(ch.newCustomers))}${card('existing-customers', 'existing customers', num(ch.existingCustomers))}${card('merged-customers', 'golden records merged', num(ch.merged.length))}${card('changed-fields', 'field values changed', num(ch.changedFields.length))}${card('stale-customers', 'went stale', num(ch.staleCustomers))}</div>`,
      ch.merged.length ? table(['merged id', 'into'], ch.merged.map((m) => [t(m.from), t(m.into)])) : '',
    );
  }

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>crmclean quality report ${escapeHtml(report.asOf)}</title><style>${CSS}</style></head>
<body><main><h1>Customer data quality</h1><p class="muted">as of <span data-testid="as-of">${escapeHtml(report.asOf)}</span> · report schema v${report.schemaVersion} · records are shown by file and row only</p>
${sections.join('\n')}
</main></body></html>
`;
}

function heatmap(report: QualityReport, t: (s: string) => string): string {
  const sources = [...new Set(report.completenessHeatmap.map((c) => c.source))];
  const fields = [...new Set(report.completenessHeatmap.map((c) => c.field))];
  const cell = new Map(report.completenessHeatmap.map((c) => [`${c.source}\u0000${c.field}`, c.rate]));
  return table(
    ['source', ...fields],
    sources.map((s) => [
      t(s),
      ...fields.map((f) => {
        const rate = cell.get(`${s}\u0000${f}`) ?? null;
        return rate === null ? '<span class="na">no column</span>' : scored(rate);
      }),
    ]),
    'heatmap',
  );
}
