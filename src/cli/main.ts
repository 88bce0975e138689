import { Command, CommanderError, Option } from 'commander';
import { CrmError, EXIT } from '../model/errors.js';
import { registerDedupe, registerMatch } from './commands/dedupe.js';
import { registerImport } from './commands/import.js';
import { registerNormalize } from './commands/normalize.js';
import { registerExport } from './commands/export.js';
import { registerInit } from './commands/init.js';
import { registerExplain } from './commands/explain.js';
import { registerEval } from './commands/eval.js';
import { registerCheck } from './commands/check.js';
import { maskFreeText } from '../model/mask.js';
import { removePendingTempFiles } from '../io/atomic-write.js';
import { helpAfter } from './help.js';


export function buildProgram(): Command {
  const program = new Command('crmclean')
    .description(
      'Turn messy customer exports from several departmental databases into one trustworthy customer list: ' +
        'import CSV → normalize → dedupe → golden records → quality report.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', helpAfter())
    .exitOverride();
  for (const register of [
    registerDedupe,
    registerMatch,
    registerImport,
    registerNormalize,
    registerExport,
    registerInit,
    registerExplain,
    registerEval,
    registerCheck,
  ]) {
    const cmd = register(program).exitOverride();
    cmd.addHelpText('after', helpAfter(cmd));
  }
  return program;
}

/** Options every command that reads CSV shares: how to read the files. */
export function addReadOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'config file (JSON) with column mappings, thresholds and rules; see `crmclean init`')
    .option('--encoding <name>', 'force the input encoding (utf8, gb18030, gbk, utf16le, utf16be); detected by default')
    .addOption(new Option('--delimiter <char>', 'force the field delimiter; sniffed by default').choices([',', ';', '\\t', 'tab', '|']));
}

/** How values are read: for commands that normalize (and `init`, which writes them into the config). */
export function addNormalizeOptions(cmd: Command): Command {
  return cmd
    .option('--region <code>', 'country for phone numbers written without a country code, where the address names none; default: defaultRegion in the config, else CN')
    .addOption(new Option('--date-order <order>', 'how to read ambiguous dates such as 02/11/2023').choices(['YMD', 'DMY', 'MDY']));
}

/** Options of every command that normalizes and matches. */
export function addInputOptions(cmd: Command): Command {
  return addNormalizeOptions(addReadOptions(cmd))
    .option('--as-of <date>', 'run date (YYYY-MM-DD) for freshness and future-date checks; default today (UTC)')
    .option('--threads <n>', 'threads for normalization, blocking, comparison and writing mapping.csv (same results with any number); default: every core');
}

export async function main(argv: string[]): Promise<void> {
  // Ctrl-C, and SIGTERM from kill, timeout, cron and systemd: drop the half-written temporary files (the previous
  // outputs stay as they were) and exit with 128 + the signal number, as a shell reports a killed command.
  for (const [signal, code, word] of [['SIGINT', EXIT.INTERRUPTED, 'interrupted'], ['SIGTERM', EXIT.TERMINATED, 'terminated']] as const) {
    process.on(signal, () => {
      removePendingTempFiles();
      process.stderr.write(`\ncrmclean: ${word}\n`);
      process.exit(code);
    });
  }
  // `crmclean … | head` closes the pipe early: stop quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(EXIT.OK);
      throw err;
    });
  }
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = reportError(err);
  }
}

/** Print a user error without a stack trace and return the exit code. */
export function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // Help and version exit with 0; commander has already printed the message.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.OK;
    return EXIT.USAGE;
  }
  if (err instanceof CrmError) {
    process.stderr.write(`crmclean: ${maskFreeText(err.format())}\n`);
    return err.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EPIPE') return EXIT.OK;
  process.stderr.write(
    `crmclean: internal error: ${maskFreeText(e?.message ?? String(err))}\n` +
      '  This is a bug in crmclean, not in your data. Set CRMCLEAN_DEBUG=1 for the stack trace.\n',
  );
  if (process.env.CRMCLEAN_DEBUG) process.stderr.write(`${e?.stack}\n`);
  return EXIT.INTERNAL;
}
