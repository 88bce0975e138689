import type { Command } from 'commander';
import { addInputOptions } from '../main.js';
import { resolveOptions, type InputFlags } from '../context.js';
import { importAndNormalize, normalizeStageParallel } from '../../pipeline/normalize-parallel.js';
import { readStateFromStdin, writeStateToStdout } from '../stdio.js';
import { explainNormalization } from '../explain-normalization.js';

interface NormalizeFlags extends InputFlags {
  explain?: string | boolean;
  unmask?: boolean;
}

export function registerNormalize(program: Command): Command {
  const cmd = program
    .command('normalize')
    .description(
      'Clean names, companies, addresses, phones, emails, ID numbers and dates. ' +
        'Reads CSV files (or, with no files, NDJSON from `crmclean import` on stdin) and writes one NDJSON ' +
        'record per input row, in input order: raw values, normalized values, parts and issue codes.',
    )
    .argument('[files...]', 'CSV exports (omit to read NDJSON from stdin)')
    .option('--explain [n]', 'instead of NDJSON, print raw → normalized for a sample of n records (default 10), masked')
    .option('--unmask', 'show phone numbers, ID numbers and emails in full in --explain output')
    .option('-q, --quiet', 'no progress on stderr');
  addInputOptions(cmd).action(async (files: string[], flags: NormalizeFlags) => {
    const opts = await resolveOptions(flags);
    const state = files.length ? await importAndNormalize(files, opts) : await normalizeStageParallel(await readStateFromStdin(), opts);
    if (flags.explain !== undefined) {
      const n = flags.explain === true ? 10 : Number(flags.explain);
      process.stdout.write(explainNormalization(state.normalized!, { sample: Number.isFinite(n) && n > 0 ? n : 10, mask: !flags.unmask }));
      return;
    }
    await writeStateToStdout(state);
  });
  return cmd;
}
