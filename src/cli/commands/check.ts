import type { Command } from 'commander';
import { addInputOptions } from '../main.js';
import { resolveOptions, type InputFlags } from '../context.js';
import { dedupeStage } from '../../pipeline/run.js';
import { importAndNormalize } from '../../pipeline/normalize-parallel.js';
import { buildOutputs } from '../../pipeline/outputs.js';
import { evaluateGate } from '../../quality/gate.js';
import { CrmError, EXIT, usageError } from '../../model/errors.js';
import { readReport } from '../export-state.js';
import type { QualityThresholds } from '../../config/schema.js';

interface CheckFlags extends InputFlags {
  minCompleteness?: string;
  maxDuplicateRate?: string;
  maxStaleRate?: string;
  maxInvalidRate?: string;
  maxRejectRate?: string;
  minOverall?: string;
  baseline?: string;
  tolerance?: string;
}

const rate = (flag: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw usageError(`${flag} takes a number between 0 and 1, got "${v}"`);
  return n;
};

/** The CI gate: run the pipeline in memory, score it, and exit 1 when quality is below the thresholds. */
export function registerCheck(program: Command): Command {
  const cmd = program
    .command('check')
    .description(
      'CI quality gate: score the exports and exit 1 with a list of what failed when quality is below the ' +
        'thresholds (flags override `quality.thresholds` in the config) or when the exports yield no record, 0 when everything passes.',
    )
    .argument('<files...>', 'CSV/TSV exports')
    .option('--min-completeness <rate>', 'lowest acceptable overall completeness (0–1)')
    .option('--max-duplicate-rate <rate>', 'highest acceptable share of records that duplicate another (0–1)')
    .option('--max-stale-rate <rate>', 'highest acceptable share of stale records (0–1)')
    .option('--max-invalid-rate <rate>', 'highest acceptable share of rows with a validity issue or rejected (0–1)')
    .option('--max-reject-rate <rate>', 'highest acceptable share of rows rejected as unreadable (0–1)')
    .option('--min-overall <rate>', 'lowest acceptable overall quality score (0–1)')
    .option('--baseline <report.json>', 'an earlier report: fail when a score dropped by more than --tolerance, or a source lost over 30% of its rows or is missing')
    .option('--tolerance <points>', 'allowed drop against the baseline, in score points (0–1)', '0.02')
    .option('--json', 'print the gate result as JSON on stdout')
    .option('-q, --quiet', 'print nothing but failures');
  addInputOptions(cmd).action(async (files: string[], flags: CheckFlags) => {
    const opts = await resolveOptions(flags);
    const fromConfig = opts.config.quality?.thresholds ?? {};
    const thresholds: QualityThresholds = {
      ...fromConfig,
      ...defined({
        minCompleteness: rate('--min-completeness', flags.minCompleteness),
        maxDuplicateRate: rate('--max-duplicate-rate', flags.maxDuplicateRate),
        maxStaleRate: rate('--max-stale-rate', flags.maxStaleRate),
        maxInvalidRate: rate('--max-invalid-rate', flags.maxInvalidRate),
        maxRejectRate: rate('--max-reject-rate', flags.maxRejectRate),
        minOverall: rate('--min-overall', flags.minOverall),
      }),
    };
    const baseline = flags.baseline ? await readReport(flags.baseline) : undefined;
    if (!Object.keys(thresholds).length && !baseline) {
      throw usageError('no thresholds to check', 'Give at least one, e.g. --min-completeness 0.9, or set quality.thresholds in the config.');
    }
    const state = dedupeStage(await importAndNormalize(files, opts), opts);
    const { report } = buildOutputs(state, { config: opts.config, asOf: opts.asOf, unmask: false, escapeFormulas: true, previous: baseline });
    const gate = evaluateGate(report, thresholds, baseline, rate('--tolerance', flags.tolerance));
    if (flags.json) process.stdout.write(JSON.stringify(gate) + '\n');
    else if (!gate.passed) process.stderr.write(`quality gate failed:\n${gate.failures.map((f) => `  ✗ ${f.message}`).join('\n')}\n`);
    else if (!flags.quiet) process.stdout.write('quality gate passed\n');
    if (!gate.passed) throw new CrmError(`${gate.failures.length} quality check(s) failed`, EXIT.QUALITY_GATE_FAILED);
  });
  return cmd;
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
