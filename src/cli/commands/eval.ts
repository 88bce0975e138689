import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { addInputOptions } from '../main.js';
import { resolveOptions, type InputFlags } from '../context.js';
import { dedupeStage } from '../../pipeline/run.js';
import { importAndNormalize } from '../../pipeline/normalize-parallel.js';
import { addMatchOptions } from './dedupe.js';
import { loadMatchInputs, type MatchFlags } from '../match-inputs.js';
import { evaluateClusters } from '../../match/evaluate.js';
import { readTruth } from '../../io/read-truth.js';
import { usageError } from '../../model/errors.js';
import type { SourceRecord } from '../../model/record.js';
import { recordRef } from '../../explain/record-ref.js';

interface EvalFlags extends InputFlags, MatchFlags {
  truth: string;
  truthPattern?: string;
}

/** FEBRL-style ids (rec-12-org, rec-12-dup-0) name their entity in the number. */
const FEBRL_ID = /^rec-(\d+)-(?:org|dup-\d+)$/;

export function registerEval(program: Command): Command {
  const cmd = program
    .command('eval')
    .description(
      'Measure dedupe accuracy against ground truth: pairwise precision, recall and F1, and cluster counts. ' +
        '--truth names either a column holding the true entity of each row (FEBRL rec_id values such as ' +
        'rec-12-dup-0 are read as entity 12), or a CSV file with columns source,row,entity. ' +
        'The truth column is never used for matching.',
    )
    .argument('<files...>', 'CSV exports')
    .requiredOption('--truth <column|file>', 'ground truth: a column name, or a CSV file source,row,entity')
    .option('--truth-pattern <regex>', 'take the entity from the first capture group of this regex applied to the truth column')
    .option('--json', 'print the figures as JSON')
    .option('-q, --quiet', 'no progress on stderr');
  addInputOptions(cmd);
  addMatchOptions(cmd).action(async (files: string[], flags: EvalFlags) => {
    const opts = await resolveOptions(flags);
    const imported = await importAndNormalize(files, opts);
    const truthOf = existsSync(flags.truth) && /\.(csv|tsv|txt)$/i.test(flags.truth) ? await truthFromFile(flags.truth) : truthFromColumn(flags.truth, flags.truthPattern, imported);
    const state = dedupeStage(imported, opts, await loadMatchInputs(flags, imported));
    const truth = state.records.map((r, i) => truthOf(r) ?? `\u0000unlabelled:${i}`);
    const e = evaluateClusters(state.match!.result.clusterOf, truth);
    if (flags.json) {
      process.stdout.write(JSON.stringify(e) + '\n');
      return;
    }
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
    process.stdout.write(
      [
        `records            ${e.records.toLocaleString('en')} (${imported.rejects.length} rejected, not scored)`,
        `true entities      ${e.trueEntities.toLocaleString('en')}`,
        `predicted clusters ${e.predictedClusters.toLocaleString('en')}`,
        `true pairs         ${e.truePairs.toLocaleString('en')}`,
        `predicted pairs    ${e.predictedPairs.toLocaleString('en')}  (${e.correctPairs.toLocaleString('en')} correct)`,
        `precision          ${pct(e.precision)}`,
        `recall             ${pct(e.recall)}`,
        `F1                 ${pct(e.f1)}`,
      ].join('\n') + '\n',
    );
  });
  return cmd;
}

async function truthFromFile(path: string): Promise<(r: SourceRecord) => string | null> {
  const truth = await readTruth(path);
  return (r) => truth.get(recordRef(r)) ?? null;
}

function truthFromColumn(column: string, pattern: string | undefined, state: { sources: { source: string; mapping: Record<string, string | null> }[] }) {
  let regex: RegExp | null = null;
  if (pattern) {
    try {
      regex = new RegExp(pattern);
    } catch (err) {
      throw usageError(`--truth-pattern is not a valid regular expression: ${(err as Error).message}`);
    }
  }
  const fieldOf = new Map(state.sources.map((s) => [s.source, s.mapping[column] ?? null]));
  if (!state.sources.some((s) => column in s.mapping)) {
    throw usageError(`no input file has a column "${column}"`, `Columns seen: ${[...new Set(state.sources.flatMap((s) => Object.keys(s.mapping)))].join(', ')}.`);
  }
  return (r: SourceRecord): string | null => {
    const field = fieldOf.get(r.source);
    const raw = (field && field !== 'ignore' ? r.fields[field as keyof SourceRecord['fields']] : r.extra[column])?.trim();
    if (!raw) return null;
    if (regex) return regex.exec(raw)?.[1] ?? raw;
    return FEBRL_ID.exec(raw)?.[1] ?? raw;
  };
}
