import type { Command } from 'commander';
import { addInputOptions } from '../main.js';
import { resolveOptions, type InputFlags } from '../context.js';
import { dedupeStage } from '../../pipeline/run.js';
import { importAndNormalize, normalizeStageParallel } from '../../pipeline/normalize-parallel.js';
import { readStateFromStdin, writeStateToStdout } from '../stdio.js';
import { usageError } from '../../model/errors.js';
import { prepareOutputDir } from '../../io/atomic-write.js';
import { exportState, type ExportFlags } from '../export-state.js';
import { loadMatchInputs, type MatchFlags } from '../match-inputs.js';
import { runAgainstMaster } from '../master-run.js';

type DedupeFlags = InputFlags & ExportFlags & MatchFlags & { stdin?: boolean; out?: string; master?: string };

export function registerDedupe(program: Command): Command {
  const cmd = program
    .command('dedupe')
    .description(
      'The main job: import, normalize and deduplicate customer exports, then write the golden list, ' +
        'the source-row → golden-id mapping, rejects, a review queue and the quality report.\n\n' +
        'Outputs in --out: golden.csv, mapping.csv, rejects.csv, review.csv, issues.csv, report.json, ' +
        'report.html, model.json. With --stdin and no --out, writes NDJSON for `crmclean export`.',
    )
    .argument('[files...]', 'CSV/TSV exports from your departmental systems')
    .option('-o, --out <dir>', 'output directory (created if missing; never one of the inputs)')
    .option('--stdin', 'read NDJSON records from another crmclean stage instead of files')
    .option('--master <dir>', 'nightly runs: link the inputs to the golden master kept in DIR (started there on the first run);\nexisting customers keep their ids, see `crmclean match --help`');
  addInputOptions(cmd);
  addMatchOptions(cmd);
  addExportOptions(cmd).action(async (files: string[], flags: DedupeFlags) => {
    if (flags.stdin && files.length) throw usageError('give either input files or --stdin, not both');
    if (flags.master) return masterAction(files, flags);
    if (!flags.stdin && !files.length) throw usageError('no input files', 'Example: crmclean dedupe sales.csv service.csv --out out/');
    if (!flags.stdin && !flags.out) throw usageError('--out <dir> is required', 'Example: crmclean dedupe sales.csv service.csv --out out/');
    const opts = await resolveOptions(flags);
    if (flags.out) await prepareOutputDir(flags.out);
    const read = flags.stdin ? await readStateFromStdin() : null;
    const state = read === null ? await importAndNormalize(files, opts) : read.normalized ? read : await normalizeStageParallel(read, opts);
    const deduped = dedupeStage(state, opts, await loadMatchInputs(flags, state));
    if (flags.out) await exportState(deduped, opts, flags);
    else await writeStateToStdout(deduped);
  });
  return cmd;
}

/** `dedupe --master` and `match`: the nightly run against a golden master. */
async function masterAction(files: string[], flags: DedupeFlags): Promise<void> {
  if (flags.stdin) throw usageError('--master reads input files, not --stdin');
  if (!files.length) throw usageError('no input files', 'Example: crmclean match today/*.csv --master master/');
  for (const flag of ['model', 'decisions', 'labels'] as const) {
    if (flags[flag]) throw usageError(`--${flag} cannot be combined with --master: a master run uses the model saved in the master`);
  }
  await runAgainstMaster(files, flags.master!, await resolveOptions(flags), flags);
}

export function registerMatch(program: Command): Command {
  const cmd = program
    .command('match')
    .description(
      'Nightly runs against a golden master: link new exports to the customers the master already has.\n\n' +
        'Rows seen before keep their customer; new rows join an existing customer (status "existing") ' +
        'or become a first-time customer with a new id that never collides with old ones (status "new"). ' +
        'When new evidence shows two existing customers are one, the older id survives and the other is ' +
        'recorded in merges.csv. The first run against an empty or missing DIR starts the master.\n\n' +
        'Outputs (in --out, default the master directory): golden.csv (the whole master), mapping.csv ' +
        '(source,row,golden_id,status,match_score), changes.json (new, merged, changed and newly stale ' +
        'customers), merges.csv, review.csv, rejects.csv, issues.csv, report.json, report.html. ' +
        'The master directory also keeps master.json (id counter, run history), model.json and its ' +
        'record and golden segments; see the README for the format.',
    )
    .argument('<files...>', "today's CSV/TSV exports")
    .requiredOption('--master <dir>', 'the master directory (created and started on the first run)')
    .option('-o, --out <dir>', "where tonight's outputs go (default: the master directory)");
  addInputOptions(cmd);
  addExportOptions(cmd).action(async (files: string[], flags: DedupeFlags) => masterAction(files, flags));
  return cmd;
}

export function addMatchOptions(cmd: Command): Command {
  return cmd
    .option('--model <file>', 'reuse match parameters saved by an earlier run (its model.json) instead of estimating them')
    .option('--decisions <file>', "a steward's decisions (left,right,decision or review.csv with a decision column); they always win")
    .option('--labels <file>', 'labelled pairs (left,right,is_match) to train the match weights');
}

export function addExportOptions(cmd: Command): Command {
  return cmd
    .option('--unmask', 'show phone numbers, ID numbers and emails in full in reports and review files')
    .option('--no-escape-formulas', 'do not neutralise cells starting with = + - @ (for machine consumers only)')
    .option('--strict', 'exit with code 3 when any row was rejected')
    .option('--previous <report.json>', "last run's report, to flag volume drops per source")
    .option('--json', 'print the run summary as JSON on stdout (no progress)')
    .option('-q, --quiet', 'print nothing but errors');
}
