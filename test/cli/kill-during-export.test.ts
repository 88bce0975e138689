import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDataset, writeDataset } from '../../fixtures/synth/index.js';
import { BIN, crm, tempDir } from './helpers.js';

const OUTPUTS = ['golden.csv', 'mapping.csv', 'rejects.csv', 'review.csv', 'issues.csv', 'report.json', 'report.html', 'model.json'];

/** Start a dedupe run and SIGKILL it `delayMs` after the last matching stage ends, i.e. while it exports. */
function runAndKill(args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('crmclean cluster:')) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', () => resolve());
  });
}

describe('a run killed during export leaves the previous outputs intact', () => {
  it('every output file is either the previous run’s or the new run’s, complete, never half-written', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    writeDataset(data, generateDataset({ seed: 5, entities: 4000, duplicateRate: 0.3 }));
    const files = readdirSync(data).filter((f) => f !== 'truth.csv').map((f) => join(data, f));
    const out = join(dir, 'out');
    // Yesterday's outputs: a run on the first file only.
    expect(crm(['dedupe', files[0], '--out', out, '-q', '--as-of', '2026-11-01']).status).toBe(0);
    const previous = new Map(OUTPUTS.map((f) => [f, readFileSync(join(out, f))]));
    // Today's complete outputs, for comparison (runs are deterministic).
    const complete = join(dir, 'complete');
    expect(crm(['dedupe', ...files, '--out', complete, '-q', '--as-of', '2026-11-01']).status).toBe(0);
    const next = new Map(OUTPUTS.map((f) => [f, readFileSync(join(complete, f))]));

    expect(previous.get('report.json')!.equals(next.get('report.json')!)).toBe(false);
    for (const delay of [0, 20, 60, 150]) {
      await runAndKill(['dedupe', ...files, '--out', out, '--as-of', '2026-11-01'], delay);
      for (const f of OUTPUTS) {
        const now = readFileSync(join(out, f));
        expect(now.equals(previous.get(f)!) || now.equals(next.get(f)!), `${f} after a kill ${delay} ms into export`).toBe(true);
        previous.set(f, now); // a later kill may leave this version in place
      }
      // report.json is written last: once it is the new run's, so is every other file.
      if (readFileSync(join(out, 'report.json')).equals(next.get('report.json')!)) {
        for (const f of OUTPUTS) expect(readFileSync(join(out, f)).equals(next.get(f)!), `${f} next to the new report.json`).toBe(true);
      }
    }
    // The next complete run cleans up any temp file a killed run left and writes everything.
    expect(crm(['dedupe', ...files, '--out', out, '-q', '--as-of', '2026-11-01']).status).toBe(0);
    expect(readdirSync(out).filter((f) => !OUTPUTS.includes(f))).toEqual([]);
    for (const f of OUTPUTS) expect(readFileSync(join(out, f)).equals(next.get(f)!), f).toBe(true);
  }, 120_000);
});

/** Start a dedupe run, send `signal` as soon as golden.csv's temporary file exists, and wait for the exit. */
function runAndSignal(args: string[], out: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; sawTemp: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sawTemp = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => {
      if (!existsSync(out) || !readdirSync(out).some((f) => f.startsWith('.crmclean-tmp-golden.csv-'))) return;
      sawTemp = true;
      clearInterval(poll);
      child.kill(signal);
    }, 2);
    child.on('exit', (code) => {
      clearInterval(poll);
      resolve({ code, stderr, sawTemp });
    });
  });
}

describe('a run stopped by a signal during export removes its temporary files', () => {
  it.each([
    ['SIGTERM', 143, /crmclean: terminated\n$/],
    ['SIGINT', 130, /crmclean: interrupted\n$/],
  ] as const)('%s: exit %i, a one-line message, no temporary file, the previous outputs intact', async (signal, code, message) => {
    const dir = tempDir();
    const data = join(dir, 'data');
    writeDataset(data, generateDataset({ seed: 7, entities: 4000, duplicateRate: 0.3 }));
    const files = readdirSync(data).filter((f) => f !== 'truth.csv').map((f) => join(data, f));
    const out = join(dir, 'out');
    expect(crm(['dedupe', files[0], '--out', out, '-q', '--as-of', '2026-11-01']).status).toBe(0);
    const previous = new Map(OUTPUTS.map((f) => [f, readFileSync(join(out, f))]));

    const r = await runAndSignal(['dedupe', ...files, '--out', out, '-q', '--as-of', '2026-11-01'], out, signal);
    expect(r.sawTemp).toBe(true);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(out).sort()).toEqual([...OUTPUTS].sort());
    // golden.csv was being written: the previous one is still there.
    expect(readFileSync(join(out, 'golden.csv')).equals(previous.get('golden.csv')!)).toBe(true);
  }, 120_000);
});

describe('exit code 130', () => {
  it('Ctrl-C (SIGINT) stops a run with exit code 130 and a one-line message', async () => {
    // dedupe --stdin waits on an open pipe: interrupt it while it waits. A signal that comes before the CLI has
    // installed its handler ends it by Node's default (killed by SIGINT, no message), which only a machine busy
    // enough to take seconds to start it sees: then try again, waiting longer.
    for (const delayMs of [2000, 5000, 15000]) {
      const child = spawn(process.execPath, [BIN, 'dedupe', '--stdin', '-q'], { stdio: ['pipe', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      setTimeout(() => child.kill('SIGINT'), delayMs);
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
      if (code === null && signal === 'SIGINT' && delayMs < 15000) continue;
      expect(code).toBe(130);
      expect(err).toMatch(/interrupted/);
      return;
    }
  }, 60_000);
});
