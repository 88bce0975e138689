import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { addNormalizeOptions, addReadOptions } from '../main.js';
import { resolveOptions, type InputFlags } from '../context.js';
import { importStage } from '../../pipeline/run.js';
import type { CrmConfig, SourceConfig } from '../../config/schema.js';
import { usageError } from '../../model/errors.js';
import { writeFileAtomic } from '../../io/atomic-write.js';

interface InitFlags extends InputFlags {
  write: string;
  force?: boolean;
}

/** Detect each file's encoding, delimiter and column mapping and write them as a config to review. */
export function registerInit(program: Command): Command {
  const cmd = program
    .command('init')
    .description('Detect encodings, delimiters and column mappings of your exports and write a config file to review.')
    .argument('<files...>', 'CSV/TSV exports')
    .option('-w, --write <file>', 'config file to write', 'crmclean.config.json')
    .option('-f, --force', 'overwrite an existing config file')
    .option('-q, --quiet', 'no progress on stderr');
  addNormalizeOptions(addReadOptions(cmd)).action(async (files: string[], flags: InitFlags) => {
    if (existsSync(flags.write) && !flags.force) {
      throw usageError(`${flags.write} already exists`, 'Use --force to overwrite it, or --write to choose another file.');
    }
    const opts = await resolveOptions({ ...flags, config: undefined });
    const state = await importStage(files, opts);
    const sources: Record<string, SourceConfig> = {};
    const lines: string[] = [];
    for (const s of state.sources) {
      const columns: Record<string, NonNullable<SourceConfig['columns']>[string]> = {};
      lines.push(`${s.source}  (${s.encoding}, delimiter ${JSON.stringify(s.delimiter)}, ${s.records} records)`);
      for (const h of s.headers) {
        const target = s.mapping[h];
        if (target) columns[h] = target as NonNullable<SourceConfig['columns']>[string];
        lines.push(`  ${h.padEnd(24)} → ${target ?? '(kept as an extra column)'}`);
      }
      sources[s.source] = { encoding: s.encoding, delimiter: s.delimiter as SourceConfig['delimiter'], columns };
    }
    const config: CrmConfig = {
      defaultRegion: opts.region,
      dateOrder: opts.dateOrder,
      sources,
    };
    await writeFileAtomic(flags.write, JSON.stringify(config, null, 2) + '\n');
    if (!flags.quiet) {
      process.stdout.write(`${lines.join('\n')}\n\nWrote ${flags.write}. Review the column mappings, then run:\n  crmclean dedupe ${files.join(' ')} --config ${flags.write} --out out/\n`);
    }
  });
  return cmd;
}
