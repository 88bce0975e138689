import { Chalk } from 'chalk';
import type { QualityReport } from './schema.js';

/** Control characters in a file name must not drive the terminal. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
export const plain = (s: string) => s.replace(CONTROL, '?');

/** The short terminal summary: what went in, what came out, how good it is, where the files are. */
const DEDUPE_FILES = ['golden.csv', 'mapping.csv', 'rejects.csv', 'review.csv', 'issues.csv', 'report.json', 'report.html', 'model.json'];

export function renderSummary(report: QualityReport, opts: { color: boolean; outDir?: string; files?: readonly string[] }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const n = (x: number) => x.toLocaleString('en');
  const grade = (x: number) => {
    const s = `${(x * 100).toFixed(1)}%`;
    return x >= 0.9 ? c.green(s) : x >= 0.7 ? c.yellow(s) : c.red(s);
  };
  const { counts, scores } = report;
  const lines = [
    c.bold(`${n(counts.records)} records in → ${n(counts.goldenRecords)} customers out`) +
      `  (${n(counts.duplicateRecords)} duplicates merged, ${n(counts.reviewPairs)} pairs to review, ${counts.rejects ? c.red(`${n(counts.rejects)} rows rejected`) : '0 rows rejected'})`,
    `quality  overall ${grade(scores.overall)}  completeness ${grade(scores.completeness)}  validity ${grade(scores.validity)}  freshness ${grade(scores.freshness)}  uniqueness ${grade(scores.uniqueness)}  consistency ${grade(scores.consistency)}`,
  ];
  const worst = [...report.sources].sort((a, b) => a.scores.overall - b.scores.overall || (a.source < b.source ? -1 : 1))[0];
  if (worst && report.sources.length > 1) lines.push(`weakest source  ${plain(worst.source)} (overall ${grade(worst.scores.overall)})`);
  for (const s of report.sources.filter((x) => x.volumeAlert)) lines.push(c.red(`volume alert  ${plain(s.source)}: ${n(s.rows)} rows, was ${n(s.previousRows ?? 0)}`));
  for (const s of report.missingSources ?? []) lines.push(c.red(`volume alert  ${plain(s.source)}: missing, was ${n(s.previousRows)} rows`));
  const top = report.issues.slice(0, 3);
  if (top.length) lines.push(`top issues  ${top.map((i) => `${plain(i.code)} ×${n(i.count)}`).join(', ')}`);
  if (opts.outDir) lines.push(c.dim(`written to ${plain(opts.outDir)}: ${(opts.files ?? DEDUPE_FILES).join(' ')}`));
  return lines.join('\n');
}
