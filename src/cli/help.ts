import type { Command } from 'commander';
import { EXIT } from '../model/errors.js';

/**
 * What --help prints after the options: examples (the same commands as the README) and the exit
 * codes the command can give, so a cron job or CI script is written from the help alone.
 */

const EXAMPLES: Record<string, string[]> = {
  dedupe: [
    'crmclean dedupe crm_sales.csv service_center.csv ecommerce.csv marketing.tsv --out out/',
    'crmclean import a.csv b.csv | crmclean normalize | crmclean dedupe --stdin | crmclean export --out out/',
  ],
  match: [
    'crmclean match exports/today/*.csv --master /data/customers --as-of 2026-11-26',
    'crmclean match exports/today/*.csv --master /data/customers --out /data/tonight --json',
  ],
  import: ['crmclean import a.csv b.csv | crmclean normalize | crmclean dedupe --stdin | crmclean export --out out/'],
  normalize: ['crmclean normalize crm_sales.csv --explain 20', 'crmclean import a.csv b.csv | crmclean normalize > normalized.ndjson'],
  export: ['crmclean import a.csv b.csv | crmclean normalize | crmclean dedupe --stdin | crmclean export --out out/'],
  init: ['crmclean init crm_sales.csv service_center.csv', 'crmclean dedupe crm_sales.csv service_center.csv --config crmclean.config.json --out out/'],
  explain: ['crmclean explain crm_sales.csv service_center.csv --id G000012', 'crmclean explain crm_sales.csv service_center.csv --pair crm_sales.csv:3 service_center.csv:7'],
  eval: ['crmclean eval fixtures/febrl/dataset3.csv --truth rec_id', 'crmclean eval a.csv b.csv --truth truth.csv'],
  check: [
    'crmclean check exports/*.csv --min-completeness 0.85 --max-duplicate-rate 0.2 --max-invalid-rate 0.05',
    'crmclean check exports/*.csv --baseline last/report.json --tolerance 0.02',
  ],
};

/** Examples and exit codes for one command, or (no command) for `crmclean --help`. */
export function helpAfter(cmd?: Command): string {
  const name = cmd?.name();
  const examples = name ? EXAMPLES[name] : undefined;
  const has = (flag: string) => !cmd || cmd.options.some((o) => o.long === flag);
  const writes = has('--out') || has('--write');
  const codes: [number, string][] = [
    [EXIT.OK, 'success'],
    ...(!cmd || name === 'check' ? [[EXIT.QUALITY_GATE_FAILED, name ? 'a quality threshold failed (flags or quality.thresholds in the config)' : 'quality gate failed (crmclean check only)'] as [number, string]] : []),
    [EXIT.USAGE, `usage or config error (bad option, bad config file${writes ? ', output would overwrite an input' : ''})`],
    [EXIT.INPUT, `input error (unreadable file, wrong encoding, missing columns${has('--strict') ? '; with --strict: any rejected row' : ''})`],
    ...(writes ? [[EXIT.OUTPUT, 'output error (output directory or file cannot be created or written: a file in the way, no permission, disk full)'] as [number, string]] : []),
    [EXIT.INTERNAL, 'internal error: a bug in crmclean (CRMCLEAN_DEBUG=1 prints the stack trace)'],
    [EXIT.INTERRUPTED, 'interrupted (Ctrl-C / SIGINT); temporary files are removed'],
    [EXIT.TERMINATED, 'terminated (SIGTERM: kill, timeout, cron, systemd); temporary files are removed'],
  ];
  return (
    (examples ? `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n` : '') +
    `\nExit codes:\n${codes.map(([code, text]) => `  ${String(code).padEnd(4)} ${text}`).join('\n')}`
  );
}
