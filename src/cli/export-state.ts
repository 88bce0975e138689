import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { buildOutputs } from '../pipeline/outputs.js';
import type { PipelineOptions } from '../pipeline/run.js';
import type { PipelineState } from '../pipeline/state.js';
import { assertNotOverwritingInputs, writeContent, writeContents, type FileContent } from '../io/atomic-write.js';
import { CrmError, EXIT, usageError } from '../model/errors.js';
import { qualityReportSchema, type QualityReport } from '../report/schema.js';
import { renderSummary } from '../report/summary.js';

export interface ExportFlags {
  out?: string;
  unmask?: boolean;
  escapeFormulas?: boolean;
  strict?: boolean;
  previous?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Write every output of a finished run into the out directory (made ready by prepareOutputDir before the run), then print the summary. */
export async function exportState(state: PipelineState, opts: PipelineOptions, flags: ExportFlags): Promise<void> {
  const outDir = flags.out!;
  const previous = flags.previous ? await readReport(flags.previous) : undefined;
  const outputs = buildOutputs(state, {
    config: opts.config,
    asOf: opts.asOf,
    unmask: !!flags.unmask,
    escapeFormulas: flags.escapeFormulas !== false,
    previous,
    progress: opts.progress,
    threads: opts.threads ?? availableParallelism(),
  });
  opts.progress.start('export');
  assertNotOverwritingInputs(outDir, state.sources.map((s) => s.path), [...outputs.files.keys()]);
  // report.json last, once every other file is in place: a report.json of this run means the whole set is this run's.
  const { report: reportJson, others } = reportLast(outputs.files);
  await writeContents(others.map(([name, content]) => [join(outDir, name), content] as const));
  await writeContent(join(outDir, REPORT_FILE), reportJson);
  opts.progress.end(`${outputs.files.size} files in ${outDir}`);

  if (flags.json) process.stdout.write(JSON.stringify({ out: outDir, counts: outputs.report.counts, scores: outputs.report.scores }) + '\n');
  else if (!flags.quiet) process.stdout.write(renderSummary(outputs.report, { color: !!process.stdout.isTTY, outDir }) + '\n');

  if (flags.strict && state.rejects.length > 0) {
    throw new CrmError(`${state.rejects.length} row(s) rejected (see ${join(outDir, 'rejects.csv')})`, EXIT.INPUT, {}, '--strict turns any rejected row into exit code 3.');
  }
}

export const REPORT_FILE = 'report.json';

/** report.json apart from the other outputs, which are written before it. */
export function reportLast(files: ReadonlyMap<string, FileContent>): { report: FileContent; others: [string, FileContent][] } {
  return { report: files.get(REPORT_FILE)!, others: [...files].filter(([name]) => name !== REPORT_FILE) };
}

export async function readReport(path: string): Promise<QualityReport> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw usageError(`cannot read report ${path}: ${(err as Error).message}`);
  }
  const parsed = qualityReportSchema.safeParse(data);
  if (!parsed.success) throw usageError(`${path} is not a crmclean report.json (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}
