import { REVIEW_COLUMNS, reviewCells } from '../explain/review-queue.js';
import { buildQualityReport } from '../quality/build-report.js';
import { renderHtmlReport } from '../report/html.js';
import { ISSUE_COLUMNS, issueRows } from '../report/issues-csv.js';
import { REJECT_COLUMNS, csvChunks, csvLineChunks, toCsv, toCsvLine, type CsvRow } from '../io/csv-output.js';
import type { FileContent } from '../io/atomic-write.js';
import { lineChunks } from '../io/byte-chunks.js';
import { encodeGoldenLine, goldenCsvLine } from './golden-store.js';
import type { QualityReport } from '../report/schema.js';
import type { PipelineState } from '../pipeline/state.js';
import { mappingColumns, qualityInput, rejectRows, type OutputOptions } from '../pipeline/outputs.js';
import { mappingContent } from '../pipeline/mapping-csv.js';
import { uint8s } from '../model/big-arrays.js';
import { MASTER_FILE, MERGES_FILE, MERGE_COLUMNS, MODEL_FILE, goldensFile, rawFile, recordsFile, type MasterMeta, type RunEntry } from './format.js';
import type { LoadedMaster } from './store.js';
import type { NightResult } from './night.js';
import { renderChanges } from './changes.js';

export interface NightOutputs {
  /** The night's results for the steward: file name → content. */
  files: Map<string, FileContent>;
  /** What the master directory needs to continue, in write order: master.json (the commit point) last. */
  masterFiles: [string, FileContent][];
  report: QualityReport;
  entry: RunEntry;
}

/** Every output of a nightly run, as strings; pure, apart from the finishing time recorded in the run history. */
export function buildNightOutputs(state: PipelineState, night: NightResult, master: LoadedMaster | null, opts: OutputOptions & { finishedAt: string }): NightOutputs {
  const records = state.normalized!;
  const csv = (rows: readonly CsvRow[], columns: readonly string[]) => toCsv(rows, columns, { escapeFormulas: opts.escapeFormulas });
  const mask = !opts.unmask;

  const existing = (i: number) => night.status[i] === 'existing';
  const existingCustomer = uint8s(night.customerIds.length);
  night.customerOf.forEach((c, i) => {
    if (existing(i)) existingCustomer[c] = 1;
  });
  const existingCustomers = existingCustomer.reduce((n, x) => n + x, 0);
  // Made now, on another thread when there is one, while this one scores.
  const mapping = mappingContent(
    mappingColumns(
      state,
      { golden: (i) => night.customerOf[i], score: night.scoreOf, existing },
      { ids: night.customerIds, idPrefix: night.meta.idPrefix, idWidth: night.meta.idWidth, escapeFormulas: opts.escapeFormulas },
    ),
    opts.threads ?? 1,
  );
  const report: QualityReport = {
    ...buildQualityReport(qualityInput(state, records, night.customerOf, opts), {
      goldenRecords: night.customerIds.length,
      candidatePairs: night.candidatePairs,
      blocking: night.blocking,
      reviewPairs: night.review.length,
    }),
    changes: {
      newCustomers: night.changes.newCustomers.length,
      existingCustomers,
      merged: night.changes.merged.map((m) => ({ from: m.from, into: m.into })),
      changedFields: night.changes.changed.map((c) => ({ goldenId: c.goldenId, field: c.field })),
      staleCustomers: night.changes.stale.length,
    },
  };

  const existingRecords = night.status.filter((s) => s === 'existing').length;
  const width = night.goldenColumns.length;
  const golden = () => lineChunks([toCsvLine(night.goldenColumns)], night.golden, (g) => goldenCsvLine(g, width, opts.escapeFormulas, night.meta.rawGoldensFrom));
  const merges = csv(
    [...(master?.merges ?? []), ...night.changes.merged.map((m) => ({ id: m.from, mergedInto: m.into, run: night.run, asOf: night.changes.asOf, evidence: m.evidence }))].map((m) => ({
      merged_id: m.id,
      into_id: m.mergedInto,
      run: String(m.run),
      as_of: m.asOf,
      evidence: m.evidence,
    })),
    MERGE_COLUMNS,
  );

  const files = new Map<string, FileContent>();
  files.set('golden.csv', golden);
  files.set('mapping.csv', mapping);
  files.set(MERGES_FILE, merges);
  files.set('changes.json', renderChanges(night.changes, { existingRecords, newRecords: records.length - existingRecords }, { mask }));
  files.set('rejects.csv', csv(rejectRows(state), REJECT_COLUMNS));
  files.set('review.csv', csvLineChunks(REVIEW_COLUMNS, () => reviewCells(night.reviewRecords, night.review, { mask }), { escapeFormulas: opts.escapeFormulas }));
  files.set('issues.csv', csvChunks(() => issueRows(records, { mask }), ISSUE_COLUMNS, { escapeFormulas: opts.escapeFormulas }));
  files.set('report.json', JSON.stringify(report, null, 2) + '\n');
  files.set('report.html', renderHtmlReport(report, { mask }));

  const entry: RunEntry = {
    run: night.run,
    asOf: night.changes.asOf,
    finishedAt: opts.finishedAt,
    inputs: state.sources.map((s) => ({ source: s.source, rows: s.records + s.rejects, records: s.records, rejects: s.rejects })),
    knownRecords: night.status.length - night.segment.records.count,
    linkedRecords: night.segment.records.count,
    existingRecords,
    newRecords: records.length - existingRecords,
    newCustomers: night.changes.newCustomers.length,
    mergedCustomers: night.changes.merged.length,
    changedCustomers: new Set(night.changes.changed.map((c) => c.goldenId)).size,
    staleCustomers: night.changes.stale.length,
    goldenRecords: night.golden.length,
    ...(night.modelReestimated && { modelReestimated: night.modelReestimated }),
  };
  const meta: MasterMeta = {
    ...night.meta,
    segments: [...night.meta.segments, { run: night.run, records: night.segment.records.count, goldens: night.segment.goldens.length }],
    history: [...night.meta.history, entry],
  };
  const masterFiles: [string, FileContent][] = [
    [recordsFile(night.run), () => lineChunks([], night.segment.records.lines(), (line) => line)],
    [rawFile(night.run), () => lineChunks([], night.segment.records.raw(), (line) => line)],
    [goldensFile(night.run), () => lineChunks([], night.segment.goldens, encodeGoldenLine)],
    [MODEL_FILE, JSON.stringify(night.model, null, 2) + '\n'],
    ['golden.csv', golden],
    [MERGES_FILE, merges],
    [MASTER_FILE, JSON.stringify(meta, null, 2) + '\n'],
  ];
  return { files, masterFiles, report, entry };
}

