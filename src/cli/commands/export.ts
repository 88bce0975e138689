import type { Command } from 'commander';
import { resolveOptions } from '../context.js';
import { readStateFromStdin } from '../stdio.js';
import { usageError } from '../../model/errors.js';
import { prepareOutputDir } from '../../io/atomic-write.js';
import { exportState, type ExportFlags } from '../export-state.js';
import { addExportOptions } from './dedupe.js';

export function registerExport(program: Command): Command {
  const cmd = program
    .command('export')
    .description('Write golden.csv, mapping.csv, rejects.csv, review.csv, issues.csv and the reports from the NDJSON output of `crmclean dedupe --stdin`.')
    .option('-o, --out <dir>', 'output directory')
    .option('--as-of <date>', 'run date (YYYY-MM-DD) for freshness; default today (UTC)')
    .option('-c, --config <file>', 'config file (survivorship, quality settings)');
  addExportOptions(cmd).action(async (flags: ExportFlags & { asOf?: string; config?: string }) => {
    if (!flags.out) throw usageError('--out <dir> is required');
    const opts = await resolveOptions(flags);
    await prepareOutputDir(flags.out);
    await exportState(await readStateFromStdin(), opts, flags);
  });
  return cmd;
}
