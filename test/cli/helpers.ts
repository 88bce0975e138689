import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/crmclean');
export const SAMPLE = join(ROOT, 'fixtures/sample');
export const SAMPLE_FILES = ['crm_sales.csv', 'service_center.csv', 'ecommerce.csv', 'marketing.tsv'].map((f) => join(SAMPLE, f));
/** Fixed run date so freshness figures and future-date checks are reproducible. */
export const AS_OF = '2026-11-01';

/** Run the real CLI (the compiled build, as a user would) and capture everything. */
export function crm(args: string[], opts: { input?: string | Buffer; cwd?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
}

/** Run a shell pipeline of CLI calls. */
export function shell(cmd: string): SpawnSyncReturns<string> {
  return spawnSync('bash', ['-o', 'pipefail', '-c', cmd], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

const madeDirs: string[] = [];
// Registered once per test file (each file imports this module afresh), so a run leaves nothing in the temp folder.
afterAll(() => {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed when the test file ends. */
export function tempDir(prefix = 'crmclean-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}
