import { isSupportedCountry } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js';
import { loadConfig } from '../config/load-config.js';
import type { CrmConfig } from '../config/schema.js';
import { usageError } from '../model/errors.js';
import type { PipelineOptions } from '../pipeline/run.js';
import { createProgress } from './progress.js';
import { maskFreeText } from '../model/mask.js';
import { plain } from '../report/summary.js';

export interface InputFlags {
  config?: string;
  encoding?: string;
  delimiter?: string;
  region?: string;
  dateOrder?: 'YMD' | 'DMY' | 'MDY';
  asOf?: string;
  threads?: string;
  quiet?: boolean;
  json?: boolean;
}

/** Merge flags over the config file into the options the library takes. Flags win. */
export async function resolveOptions(flags: InputFlags): Promise<PipelineOptions> {
  const config: CrmConfig = flags.config ? await loadConfig(flags.config) : {};
  const region = (flags.region ?? config.defaultRegion ?? 'CN').toUpperCase();
  // A code the phone library has no numbering plan for would drop every phone without a country code, silently.
  if (!/^[A-Z]{2}$/.test(region) || !isSupportedCountry(region)) {
    const from = flags.region !== undefined ? '--region' : 'defaultRegion in the config';
    throw usageError(`${from} must be a two-letter country code with a phone numbering plan, such as CN, HK, GB or AU; got "${region}"`);
  }
  const asOf = flags.asOf ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw usageError(`--as-of must be a date written YYYY-MM-DD, got "${flags.asOf}"`);
  }
  const threads = flags.threads === undefined ? undefined : Number(flags.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw usageError(`--threads must be a whole number of at least 1, got "${flags.threads}"`);
  const delimiter = flags.delimiter === 'tab' || flags.delimiter === '\\t' ? '\t' : flags.delimiter;
  return {
    config,
    encoding: flags.encoding,
    delimiter,
    region: region as CountryCode,
    dateOrder: flags.dateOrder ?? config.dateOrder ?? 'YMD',
    asOf,
    threads,
    // Progress goes to stderr so stdout stays clean for NDJSON and --json.
    // A terminal that reports no width (`script` writing to a file, `docker run -t` before its first resize) would
    // make the spinner count its line as infinitely many to clear, and it never stops clearing: plain lines there.
    progress: await createProgress({ quiet: !!flags.quiet || !!flags.json, tty: !!process.stderr.isTTY && (process.stderr.columns ?? 0) > 0 }),
    // Column names only, but a data row read as the header would show its cells: masked like any free text.
    ...(!flags.quiet && { warn: (message: string) => process.stderr.write(`crmclean: warning: ${plain(maskFreeText(message))}\n`) }),
  };
}
