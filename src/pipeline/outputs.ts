import { GoldenTable, type GoldenOptions } from '../golden/golden-table.js';
import { goldenCsv } from '../golden/golden-csv.js';
import { REVIEW_COLUMNS, reviewCells } from '../explain/review-queue.js';
import { buildQualityReport, type QualityInput } from '../quality/build-report.js';
import { ownerColumnOf } from '../quality/owners.js';
import type { NormalizedRecord } from '../model/record.js';
import type { QualityReport } from '../report/schema.js';
import { renderHtmlReport } from '../report/html.js';
import { ISSUE_COLUMNS, issueRows } from '../report/issues-csv.js';
import { REJECT_COLUMNS, csvChunks, csvLineChunks, toCsv } from '../io/csv-output.js';
import type { FileContent } from '../io/atomic-write.js';
import type { CrmConfig } from '../config/schema.js';
import { CrmError } from '../model/errors.js';
import type { PipelineState } from './state.js';
import { silentProgress, type ProgressSink } from './progress.js';
import { float64s, int32s, uint8s } from '../model/big-arrays.js';
import { mappingContent, type MappingColumns } from './mapping-csv.js';

export interface OutputOptions {
  config: CrmConfig;
  asOf: string;
  unmask: boolean;
  escapeFormulas: boolean;
  previous?: QualityReport;
  /** Reports the golden and score stages (the caller reports writing the files). */
  progress?: ProgressSink;
  /** Threads to make files on (mapping.csv on a second one); default 1. */
  threads?: number;
}

export interface Outputs {
  /** File name → content, written atomically by the caller; the big CSV files are made while they are written. */
  files: Map<string, FileContent>;
  report: QualityReport;
}

/**
 * Stage 5, export: everything the steward gets, as plain strings. Pure and
 * deterministic, so the same state always gives byte-identical files.
 */
export function buildOutputs(state: PipelineState, opts: OutputOptions): Outputs {
  const records = state.normalized;
  const match = state.match;
  if (!records || !match) {
    throw new CrmError('nothing to export: the stream has no dedupe result', 2, {}, 'Pipe it through `crmclean dedupe --stdin` first.');
  }
  const { result } = match;
  const progress = opts.progress ?? silentProgress;
  progress.start('golden', result.clusters.length);
  const golden = new GoldenTable(records, result.clusters, goldenOptionsFromConfig(opts.config));
  // Golden record x stands for the cluster of its first member.
  const goldenOfCluster = int32s(golden.size);
  for (let x = 0; x < golden.size; x++) goldenOfCluster[result.clusterOf[result.clusters[x][0]]] = x;

  const csv = (rows: Record<string, string>[], columns: readonly string[]) => toCsv(rows, columns, { escapeFormulas: opts.escapeFormulas });
  // Made now, on another thread when there is one, while this one scores.
  const { clusterOf, scoreOf } = result;
  const mapping = mappingContent(
    mappingColumns(state, { golden: (i) => goldenOfCluster[clusterOf[i]], score: scoreOf }, { idPrefix: golden.idPrefix, idWidth: golden.idWidth, escapeFormulas: opts.escapeFormulas }),
    opts.threads ?? 1,
  );
  progress.end(`${golden.size.toLocaleString('en')} golden records`);
  progress.start('score', records.length);
  const report = buildQualityReport(qualityInput(state, records, result.clusterOf, opts), {
    goldenRecords: golden.size,
    candidatePairs: result.candidatePairs,
    blocking: result.blocking,
    reviewPairs: result.review.length,
  });
  progress.end(`overall quality ${(report.scores.overall * 100).toFixed(1)}%`);

  const big = { escapeFormulas: opts.escapeFormulas };
  const files = new Map<string, FileContent>();
  const goldenLines = goldenCsv(golden);
  files.set('golden.csv', csvLineChunks(goldenLines.columns, goldenLines.rows, big));
  files.set('mapping.csv', mapping);
  files.set('rejects.csv', csv(rejectRows(state), REJECT_COLUMNS));
  files.set('review.csv', csvLineChunks(REVIEW_COLUMNS, () => reviewCells(records, result.review, { mask: !opts.unmask }), big));
  files.set('issues.csv', csvChunks(() => issueRows(records, { mask: !opts.unmask }), ISSUE_COLUMNS, big));
  files.set('report.json', JSON.stringify(report, null, 2) + '\n');
  files.set('report.html', renderHtmlReport(report, { mask: !opts.unmask }));
  files.set('model.json', JSON.stringify(match.model, null, 2) + '\n');
  return { files, report };
}

/** What mapping.csv says of record i besides its source and row. */
export interface MappingOf {
  /** Its golden record's number (see MappingColumns.ids). */
  golden: (i: number) => number;
  score: readonly (number | null)[];
  /** In a master run: whether its customer existed before the run. */
  existing?: (i: number) => boolean;
}

/** mapping.csv's lines as numbers, in input-file order: each record's source, row, golden record, match score (and status). */
export function mappingColumns(state: PipelineState, of: MappingOf, names: Pick<MappingColumns, 'ids' | 'idPrefix' | 'idWidth' | 'escapeFormulas'>): MappingColumns {
  const records = state.normalized!;
  const order = inputOrder(records, state.sources.map((s) => s.source));
  const sources: string[] = [];
  const sourceIndex = new Map<string, number>();
  const m: MappingColumns = {
    ...names,
    sources,
    source: int32s(order.length),
    row: int32s(order.length),
    golden: int32s(order.length),
    score: float64s(order.length),
    ...(of.existing && { existing: uint8s(order.length) }),
  };
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const score = of.score[i];
    const source = records[i].source;
    let index = sourceIndex.get(source);
    if (index === undefined) sourceIndex.set(source, (index = sources.push(source) - 1));
    m.source[k] = index;
    m.row[k] = records[i].row;
    m.golden[k] = of.golden(i);
    m.score[k] = score === null ? NaN : score;
    if (m.existing) m.existing[k] = of.existing!(i) ? 1 : 0;
  }
  return m;
}

export function goldenOptionsFromConfig(config: CrmConfig): GoldenOptions {
  return {
    sourcePriority: config.golden?.sourcePriority ?? sourcePriorityFromConfig(config),
    policy: config.golden?.fields,
    idPrefix: config.golden?.idPrefix,
  };
}

function sourcePriorityFromConfig(config: CrmConfig): string[] | undefined {
  const entries = Object.entries(config.sources ?? {}).filter(([, s]) => s.priority !== undefined);
  if (!entries.length) return undefined;
  return entries.sort((a, b) => a[1].priority! - b[1].priority! || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

export function rejectRows(state: PipelineState): Record<string, string>[] {
  return state.rejects.map((r) => ({ source: r.source, row: r.row === null ? '' : String(r.row), line: String(r.line), code: r.code, reason: r.reason }));
}

/** What the quality scorer needs from a run besides the match figures. */
export function qualityInput(
  state: PipelineState,
  records: readonly NormalizedRecord[],
  clusterOf: readonly number[],
  opts: Pick<OutputOptions, 'config' | 'asOf' | 'previous' | 'unmask'>,
): QualityInput {
  const sources = state.sources.map((s) => {
    const rejectReasons: Record<string, number> = {};
    for (const r of state.rejects) if (r.source === s.source) rejectReasons[r.code] = (rejectReasons[r.code] ?? 0) + 1;
    const columns = Object.values(s.mapping).filter((c): c is string => Boolean(c));
    return { source: s.source, rows: s.records + s.rejects, records: s.records, rejects: s.rejects, rejectReasons, columns, warnings: s.warnings, unknownColumns: s.unknownColumns };
  });
  const q = opts.config.quality;
  return {
    records,
    clusterOf,
    sources,
    asOf: opts.asOf,
    options: {
      ...(q?.staleDays !== undefined && { staleDays: q.staleDays }),
      ...(q?.ownerColumn !== undefined && { ownerColumn: ownerColumnOf(q.ownerColumn, state.sources) }),
      ...(q?.importance !== undefined && { importance: q.importance }),
    },
    previous: opts.previous,
    unmask: opts.unmask,
  };
}

/**
 * Record indices in input-file order, then by row: the order a steward reads
 * the mapping in. Records normally come in that order already, which one pass
 * tells; only otherwise are they sorted (a stable sort, so the same order).
 */
export function inputOrder(records: readonly { source: string; row: number }[], sourceOrder: readonly string[]): number[] {
  const rank = new Map(sourceOrder.map((s, i) => [s, i]));
  const compare = (a: number, b: number) => (rank.get(records[a].source) ?? 0) - (rank.get(records[b].source) ?? 0) || records[a].row - records[b].row;
  const order: number[] = [];
  // The pass reads each record once, looking a source's rank up only where the source changes.
  let sorted = true;
  let previous: { source: string; row: number } | null = null;
  let previousRank = 0;
  for (let i = 0; i < records.length; i++) {
    order.push(i);
    if (!sorted) continue;
    const r = records[i];
    const sourceRank = previous && r.source === previous.source ? previousRank : (rank.get(r.source) ?? 0);
    sorted = !previous || previousRank < sourceRank || (previousRank === sourceRank && previous.row <= r.row);
    previous = r;
    previousRank = sourceRank;
  }
  return sorted ? order : order.sort(compare);
}
