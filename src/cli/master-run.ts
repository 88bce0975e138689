import { unlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { open, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { matchOptionsFor } from '../pipeline/run.js';
import { importAndNormalize } from '../pipeline/normalize-parallel.js';
import { goldenOptionsFromConfig } from '../pipeline/outputs.js';
import type { PipelineOptions } from '../pipeline/run.js';
import { assertNotOverwritingInputs, prepareOutputDir, writeContent, writeContents } from '../io/atomic-write.js';
import { CrmError, EXIT, usageError } from '../model/errors.js';
import { DEFAULT_STALE_DAYS } from '../quality/freshness.js';
import { renderSummary } from '../report/summary.js';
import { loadMaster } from '../master/store.js';
import { runNight } from '../master/night.js';
import { buildNightOutputs } from '../master/outputs.js';
import { REPORT_FILE, readReport, reportLast, type ExportFlags } from './export-state.js';

const LOCK_FILE = '.crmclean-lock';

/**
 * `crmclean dedupe FILES --master DIR` (or `crmclean match`): one nightly run
 * against a golden master. Night outputs go to --out (default: the master
 * directory); the master's own files are written after them, master.json last of
 * those, and report.json after it.
 */
export async function runAgainstMaster(files: string[], masterDir: string, opts: PipelineOptions, flags: ExportFlags): Promise<void> {
  const outDir = flags.out ?? masterDir;
  await prepareOutputDir(masterDir);
  if (resolve(outDir) !== resolve(masterDir)) await prepareOutputDir(outDir);
  const releaseLock = await lockMaster(masterDir);
  try {
    opts.progress.start('master');
    const master = await loadMaster(masterDir);
    opts.progress.end(master ? `${master.records.length.toLocaleString('en')} records, ${master.goldens.size.toLocaleString('en')} customers after run ${master.meta.history.length}` : 'none yet: tonight starts it');
    const previous = flags.previous ? await readReport(flags.previous) : undefined;
    const state = await importAndNormalize(files, opts);
    const night = runNight(state.normalized!, master, {
      asOf: opts.asOf,
      normalize: { defaultRegion: opts.region, dateOrder: opts.dateOrder, asOf: opts.asOf },
      match: matchOptionsFor(opts),
      golden: goldenOptionsFromConfig(opts.config),
      staleDays: opts.config.quality?.staleDays ?? DEFAULT_STALE_DAYS,
      progress: opts.progress,
    });

    if (night.modelReestimated) process.stderr.write(`crmclean: the master's model.json was made by an older version (${night.modelReestimated}); estimated it again from the master's records\n`);
    opts.progress.start('export');
    const outputs = buildNightOutputs(state, night, master, {
      config: opts.config,
      asOf: opts.asOf,
      unmask: !!flags.unmask,
      escapeFormulas: flags.escapeFormulas !== false,
      previous,
      threads: opts.threads ?? availableParallelism(),
      finishedAt: new Date().toISOString(),
    });
    const inputs = state.sources.map((s) => s.path);
    assertNotOverwritingInputs(outDir, inputs, [...outputs.files.keys()]);
    assertNotOverwritingInputs(masterDir, inputs, outputs.masterFiles.map(([name]) => name));
    const sameDir = resolve(outDir) === resolve(masterDir);
    const { report: reportJson, others } = reportLast(outputs.files);
    const runFiles = others.filter(([name]) => !(sameDir && outputs.masterFiles.some(([m]) => m === name)));
    await writeContents(runFiles.map(([name, content]) => [join(outDir, name), content] as const));
    for (const [name, content] of outputs.masterFiles) await writeContent(join(masterDir, name), content);
    // After master.json, the master's commit point: a report.json of this run means every output and the master are this run's.
    await writeContent(join(outDir, REPORT_FILE), reportJson);
    opts.progress.end(`run ${night.run}: ${outputs.files.size} files in ${outDir}${sameDir ? '' : `, master in ${masterDir}`}`);

    const e = outputs.entry;
    if (flags.json) {
      process.stdout.write(JSON.stringify({ out: outDir, master: masterDir, run: e.run, counts: outputs.report.counts, changes: outputs.report.changes, scores: outputs.report.scores }) + '\n');
    } else if (!flags.quiet) {
      process.stdout.write(renderSummary(outputs.report, { color: !!process.stdout.isTTY, outDir, files: [...outputs.files.keys()] }) + '\n');
      process.stdout.write(
        `master run ${e.run}: ${e.existingRecords.toLocaleString('en')} records of existing customers, ${e.newCustomers.toLocaleString('en')} new customers, ` +
          `${e.mergedCustomers} merged, ${e.changedCustomers.toLocaleString('en')} changed, ${e.staleCustomers.toLocaleString('en')} went stale (changes.json)\n`,
      );
    }
    if (flags.strict && state.rejects.length > 0) {
      throw new CrmError(`${state.rejects.length} row(s) rejected (see ${join(outDir, 'rejects.csv')})`, EXIT.INPUT, {}, '--strict turns any rejected row into exit code 3.');
    }
  } finally {
    await releaseLock();
  }
}

/** One run per master at a time: two cron jobs writing one master would interleave its files. */
async function lockMaster(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw usageError(`another crmclean run is using the master ${dir} (${path} exists)`, `If no run is active (a crash or kill -9 left it), delete ${path} and run again.`);
    }
    throw usageError(`cannot lock the master ${dir}: ${(err as Error).message}`);
  }
  // Ctrl-C exits straight from the signal handler, so the lock is also dropped on exit.
  const onExit = () => {
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', onExit);
  return async () => {
    process.removeListener('exit', onExit);
    await unlink(path).catch(() => undefined);
  };
}
