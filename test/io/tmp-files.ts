import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readSource, type ReadSourceOptions, type SourceSummary } from '../../src/io/read-source.js';
import type { SourceRecord } from '../../src/model/record.js';
import type { Reject } from '../../src/io/reject.js';
import { CrmError } from '../../src/model/errors.js';

/** A private temporary directory for one test file; `cleanup` in afterAll. */
export function tmpDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `crmclean-${prefix}-`));
  return {
    dir,
    /** Write a file; `name` may include subdirectories. */
    file(name: string, content: string | Uint8Array): string {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ReadAll {
  summary: SourceSummary;
  records: SourceRecord[];
  rejects: Reject[];
}

export async function readAll(path: string, options: ReadSourceOptions = {}): Promise<ReadAll> {
  const records: SourceRecord[] = [];
  const rejects: Reject[] = [];
  const summary = await readSource(path, options, (r) => records.push(r), (r) => rejects.push(r));
  return { summary, records, rejects };
}

/** The CrmError a promise rejects with; any other outcome fails the test. */
export async function errorOf(p: Promise<unknown>): Promise<CrmError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CrmError) return err;
    throw err;
  }
  throw new Error('expected a CrmError, but the promise resolved');
}
