import type { QualityThresholds } from '../config/schema.js';
import type { QualityReport } from '../report/schema.js';

export interface GateFailure {
  check: string;
  actual: number;
  limit: number;
  message: string;
}

export interface GateResult {
  passed: boolean;
  failures: GateFailure[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const count = (x: number) => x.toLocaleString('en');

/**
 * The CI gate: compare a report with thresholds, and optionally with a
 * baseline report (any score that dropped by more than `tolerance` fails). A
 * source whose row count collapsed against the previous run, or that is no
 * longer among the inputs, always fails, and
 * so do exports that yield no record at all.
 */
export function evaluateGate(report: QualityReport, thresholds: QualityThresholds, baseline?: QualityReport, tolerance = 0.02): GateResult {
  const failures: GateFailure[] = [];
  // Every score of no records is vacuously perfect: an export that yields none fails whatever the thresholds.
  if (report.counts.records === 0) {
    const { rows } = report.counts;
    failures.push({ check: 'records', actual: 0, limit: 1, message: rows ? `no records to score: all ${count(rows)} rows were rejected` : 'no records to score: the exports hold no data rows' });
  }
  const atLeast = (check: string, actual: number, limit: number | undefined) => {
    if (limit !== undefined && actual < limit) failures.push({ check, actual, limit, message: `${check} is ${pct(actual)}, below the minimum ${pct(limit)}` });
  };
  const atMost = (check: string, actual: number, limit: number | undefined) => {
    if (limit !== undefined && actual > limit) failures.push({ check, actual, limit, message: `${check} is ${pct(actual)}, above the maximum ${pct(limit)}` });
  };
  atLeast('completeness', report.scores.completeness, thresholds.minCompleteness);
  atMost('duplicate rate', report.rates.duplicateRate, thresholds.maxDuplicateRate);
  atMost('stale rate', report.rates.staleRate, thresholds.maxStaleRate);
  atMost('invalid rate', report.rates.invalidRate, thresholds.maxInvalidRate);
  atMost('reject rate', report.rates.rejectRate ?? 0, thresholds.maxRejectRate);
  atLeast('overall score', report.scores.overall, thresholds.minOverall);
  if (baseline) {
    for (const [name, value] of Object.entries(report.scores)) {
      const before = baseline.scores[name as keyof typeof report.scores];
      if (before - value > tolerance) {
        failures.push({ check: `${name} vs baseline`, actual: value, limit: before - tolerance, message: `${name} fell ${((before - value) * 100).toFixed(1)} points, from ${pct(before)} to ${pct(value)} (tolerance ${(tolerance * 100).toFixed(1)} points)` });
      }
    }
  }
  for (const s of report.sources) {
    if (s.volumeAlert) failures.push({ check: `volume of ${s.source}`, actual: s.rows, limit: s.previousRows ?? 0, message: `${s.source} has ${count(s.rows)} rows, ${pct(-(s.volumeChange ?? 0))} fewer than the ${count(s.previousRows ?? 0)} of the last run` });
  }
  for (const m of report.missingSources ?? []) {
    failures.push({ check: `volume of ${m.source}`, actual: 0, limit: m.previousRows, message: `${m.source} is missing: it had ${count(m.previousRows)} rows in the last run and is not among the inputs` });
  }
  return { passed: failures.length === 0, failures };
}
