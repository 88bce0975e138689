import type { Command } from 'commander';
import { addReadOptions } from '../main.js';
import { resolveOptions, type InputFlags } from '../context.js';
import { importStage } from '../../pipeline/run.js';
import { writeStateToStdout } from '../stdio.js';

export function registerImport(program: Command): Command {
  const cmd = program
    .command('import')
    .description('Read CSV exports into crmclean records (NDJSON on stdout), with lineage and rejects.\nPipe into `crmclean normalize`.')
    .argument('<files...>', 'CSV/TSV exports; encoding, delimiter and columns are detected')
    .option('-q, --quiet', 'no progress on stderr');
  addReadOptions(cmd).action(async (files: string[], flags: InputFlags) => {
    const opts = await resolveOptions(flags);
    await writeStateToStdout(await importStage(files, opts));
  });
  return cmd;
}
