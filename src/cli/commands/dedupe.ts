import type { Command } from 'commander';
import { addInputOptions } from '../main.js';
import { resolveOptions, type InputFlags } from '../context.js';
import { dedupeStage, importStage } from '../../pipeline/run.js';
import { readStateFromStdin, writeStateToStdout } from '../stdio.js';
import { usageError } from '../../model/errors.js';
import { exportState, type ExportFlags } from '../export-state.js';
import { loadMatchInputs, type MatchFlags } from '../match-inputs.js';

type DedupeFlags = InputFlags & ExportFlags & MatchFlags & { stdin?: boolean; out?: string };

export function registerDedupe(program: Command): Command {
  const cmd = program
    .command('dedupe')
    .description(
      'The main job: import, normalize and deduplicate customer exports, then write the golden list,\n' +
        'the source-row → golden-id mapping, rejects, a review queue and the quality report.\n\n' +
        'Outputs in --out: golden.csv, mapping.csv, rejects.csv, review.csv, issues.csv, report.json,\n' +
        'report.html, model.json. With --stdin and no --out, writes NDJSON for `crmclean export`.',
    )
    .argument('[files...]', 'CSV/TSV exports from your departmental systems')
    .option('-o, --out <dir>', 'output directory (created if missing; never one of the inputs)')
    .option('--stdin', 'read NDJSON records from another crmclean stage instead of files');
  addInputOptions(cmd);
  addMatchOptions(cmd);
  addExportOptions(cmd).action(async (files: string[], flags: DedupeFlags) => {
    if (flags.stdin && files.length) throw usageError('give either input files or --stdin, not both');
    if (!flags.stdin && !files.length) throw usageError('no input files', 'Example: crmclean dedupe sales.csv service.csv --out out/');
    if (!flags.stdin && !flags.out) throw usageError('--out <dir> is required', 'Example: crmclean dedupe sales.csv service.csv --out out/');
    const opts = await resolveOptions(flags);
    const state = flags.stdin ? await readStateFromStdin() : await importStage(files, opts);
    const deduped = dedupeStage(state, opts, await loadMatchInputs(flags, state));
    if (flags.out) await exportState(deduped, opts, flags);
    else await writeStateToStdout(deduped);
  });
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
