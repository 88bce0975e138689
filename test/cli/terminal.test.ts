import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, SAMPLE_FILES, tempDir } from './helpers.js';

/** Run the CLI inside a pseudo-terminal of `columns` columns (util-linux `script`), with a time limit. */
function inTerminal(columns: number, args: string[]) {
  const command = [`stty cols ${columns} rows 24`, [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')].join('; ');
  return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TERM: 'xterm' } });
}

const hasScript = spawnSync('script', ['-V'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)('progress on a terminal', () => {
  it('shows each stage as a finished spinner line on a terminal with a width', () => {
    const out = tempDir();
    const r = inTerminal(100, ['dedupe', ...SAMPLE_FILES, '--out', out, '--as-of', '2026-11-01']);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout.replace(/\u001b\[[\d;?]*[A-Za-z]/g, '')).toMatch(/✔ import: 249 records/);
    expect(readdirSync(out)).toContain('golden.csv');
  });

  it('finishes with plain lines on a terminal that reports no width (it used to clear lines forever)', () => {
    const out = tempDir();
    const r = inTerminal(0, ['dedupe', ...SAMPLE_FILES, '--out', out, '--as-of', '2026-11-01']);
    expect(r.error).toBeUndefined(); // not killed by the time limit
    expect(r.status, r.stdout.slice(-500)).toBe(0);
    expect(r.stdout).toMatch(/^crmclean import: 249 records/m);
    expect(r.stdout).not.toMatch(/\u001b\[1A/);
    expect(existsSync(join(out, 'golden.csv'))).toBe(true);
  });
});
