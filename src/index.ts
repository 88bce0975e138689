/**
 * crmclean as a library: every stage is usable without the CLI.
 *
 *   const opts = { config: {}, region: 'CN', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };
 *   const state = dedupeStage(normalizeStage(await importStage(['a.csv', 'b.csv'], opts), opts), opts);
 *   const { files, report } = buildOutputs(state, { config: {}, asOf: opts.asOf, unmask: false, escapeFormulas: true });
 *   const golden = buildGoldenRecords(state.normalized!, state.match!.result);
 */
export * from './model/fields.js';
export * from './model/record.js';
export * from './model/match.js';
export * from './model/errors.js';
export { configSchema, type CrmConfig, type SourceConfig, type QualityThresholds } from './config/schema.js';
export { loadConfig, parseConfig } from './config/load-config.js';
export { importStage, normalizeStage, dedupeStage, type PipelineOptions } from './pipeline/run.js';
export { buildOutputs, type OutputOptions, type Outputs } from './pipeline/outputs.js';
export { stateToLines, StateBuilder, type PipelineState } from './pipeline/state.js';
export { silentProgress, type ProgressSink } from './pipeline/progress.js';
export { normalizeRecord, type NormalizeOptions } from './normalize/normalize-record.js';
export { importFiles } from './io/import-files.js';
export { matchRecords } from './match/index.js';
export { buildGoldenRecords } from './golden/build-golden.js';
export { buildQualityReport } from './quality/build-report.js';
export { evaluateGate } from './quality/gate.js';
export { qualityReportSchema, type QualityReport } from './report/schema.js';
export { renderHtmlReport } from './report/html.js';
export { linkRecords, type LinkInput, type LinkResult } from './match/link.js';
export { loadMaster, type LoadedMaster } from './master/store.js';
export { runNight, type NightOptions, type NightResult } from './master/night.js';
export { buildNightOutputs, type NightOutputs } from './master/outputs.js';
export type { Changes } from './master/changes.js';
