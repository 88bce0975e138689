import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertNotOverwritingInputs, prepareOutputDir, removePendingTempFiles, writeContents, writeFileAtomic, writeFileAtomicStream } from '../../src/io/atomic-write.js';
import { CrmError, EXIT } from '../../src/model/errors.js';
import { errorOf, tmpDir } from './tmp-files.js';

const tmp = tmpDir('atomic');
afterAll(tmp.cleanup);

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.crmclean-tmp-'));

describe('writeFileAtomic', () => {
  it('writes strings and bytes, replacing the previous file', async () => {
    const path = join(tmp.dir, 'out.csv');
    await writeFileAtomic(path, 'first\n');
    await writeFileAtomic(path, Buffer.from('第二\n'));
    expect(readFileSync(path, 'utf8')).toBe('第二\n');
    expect(leftovers(tmp.dir)).toEqual([]);
  });

  it('streams many small writes into one file', async () => {
    const path = join(tmp.dir, 'big.csv');
    await writeFileAtomicStream(path, async (write) => {
      for (let i = 0; i < 20_000; i++) await write(`${i},行${i}\n`);
    });
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines).toHaveLength(20_001);
    expect(lines[19_999]).toBe('19999,行19999');
  });

  it('keeps the order of small and big writes, and a buffer refilled after its write resolves is not rewritten', async () => {
    const path = join(tmp.dir, 'mixed.csv');
    const buffer = new Uint8Array(100_000);
    await writeFileAtomicStream(path, async (write) => {
      await write('head\n');
      for (const letter of 'ab') {
        buffer.fill(letter.charCodeAt(0));
        await write(buffer.subarray(10, 90_010));
      }
      await write(new Uint8Array([0x0a]));
    });
    expect(readFileSync(path, 'utf8')).toBe(`head\n${'a'.repeat(90_000)}${'b'.repeat(90_000)}\n`);
  });

  it("removes the temporary files a killed run left for the same file, not a live run's or another file's", async () => {
    const dir = join(tmp.dir, 'orphans');
    mkdirSync(dir);
    // No process has this pid (above the kernel's pid limit); pid 1 always runs.
    const dead = '.crmclean-tmp-golden.csv-99999999-0badc0de';
    const live = '.crmclean-tmp-golden.csv-1-0badc0de';
    const other = '.crmclean-tmp-mapping.csv-99999999-0badc0de';
    for (const f of [dead, live, other]) writeFileSync(join(dir, f), 'half a file');
    await writeFileAtomic(join(dir, 'golden.csv'), 'complete\n');
    expect(leftovers(dir).sort()).toEqual([live, other].sort());
  });

  it('a writer that throws midway leaves the previous file intact and no temporary file', async () => {
    const dir = join(tmp.dir, 'midway');
    mkdirSync(dir);
    const path = join(dir, 'golden.csv');
    writeFileSync(path, 'previous run\n');
    const boom = new Error('disk quota in the middle of a run');
    let caught: unknown;
    try {
      await writeFileAtomicStream(path, async (write) => {
        for (let i = 0; i < 10_000; i++) await write(`row ${i}\n`.repeat(10));
        throw boom;
      });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBe(boom);
    expect(readFileSync(path, 'utf8')).toBe('previous run\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('an interrupt right after writes start removes every temporary file, even of files just being opened', async () => {
    // What the SIGINT/SIGTERM handler does: it runs between two steps of the main thread, here right after
    // twenty writes began. A temporary file opened in the thread pool could appear after it had run.
    const dir = join(tmp.dir, 'interrupted');
    mkdirSync(dir);
    const writes = Array.from({ length: 20 }, (_, i) =>
      writeFileAtomicStream(join(dir, `file${i}.csv`), async (write) => {
        await write('row\n'.repeat(100_000));
      }).then(
        () => 'renamed',
        (err: unknown) => (err instanceof CrmError ? 'failed' : err),
      ),
    );
    removePendingTempFiles();
    // The writes go on (the handler would exit here): none of them can rename a file that is gone.
    expect(await Promise.all(writes)).toEqual(Array(20).fill('failed'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a missing directory is an output error naming the file', async () => {
    const path = join(tmp.dir, 'no-such-dir', 'x.csv');
    const err = await errorOf(writeFileAtomic(path, 'x'));
    expect(err.exitCode).toBe(EXIT.OUTPUT);
    expect(err.format()).toContain(path);
  });

  it.skipIf(process.getuid?.() === 0)('an unwritable directory is an output error and leaves nothing behind', async () => {
    const dir = join(tmp.dir, 'readonly');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    const err = await errorOf(writeFileAtomic(join(dir, 'x.csv'), 'x'));
    expect(err.format()).toMatch(/permission denied/);
    chmodSync(dir, 0o700);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });
});

describe('writeContents', () => {
  it('writes every file whole, strings and files made chunk by chunk alike', async () => {
    const dir = join(tmp.dir, 'together');
    mkdirSync(dir);
    const rows = (tag: string) =>
      function* () {
        for (let i = 0; i < 3_000; i++) yield `${tag},${i}\n`.repeat(50);
      };
    await writeContents([
      [join(dir, 'golden.csv'), rows('g')],
      [join(dir, 'report.json'), '{}\n'],
      [join(dir, 'mapping.csv'), rows('m')],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['golden.csv', 'mapping.csv', 'report.json']);
    for (const tag of 'gm') {
      const lines = readFileSync(join(dir, tag === 'g' ? 'golden.csv' : 'mapping.csv'), 'utf8').split('\n');
      expect(lines).toHaveLength(150_001);
      expect(lines[149_999]).toBe(`${tag},2999`);
    }
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('{}\n');
  });

  it("one file's failure fails the whole write, with the first failing file's error, after the others are done", async () => {
    const dir = join(tmp.dir, 'one-fails');
    mkdirSync(dir);
    const failing = (message: string) =>
      function* (): Generator<string> {
        yield 'a,b\n';
        throw new Error(message);
      };
    let caught: unknown;
    try {
      await writeContents([
        [join(dir, 'golden.csv'), 'complete\n'],
        [join(dir, 'mapping.csv'), failing('mapping broke')],
        [join(dir, 'issues.csv'), failing('issues broke')],
        [join(dir, 'report.json'), '{}\n'],
      ]);
    } catch (err) {
      caught = err;
    }
    expect((caught as Error).message).toBe('mapping broke');
    expect(readdirSync(dir).sort()).toEqual(['golden.csv', 'report.json']);
    expect(readFileSync(join(dir, 'golden.csv'), 'utf8')).toBe('complete\n');
  });
});

describe('prepareOutputDir', () => {
  it('creates a missing directory, nested, and leaves no probe file in it', async () => {
    const dir = join(tmp.dir, 'prepared', 'night', 'out');
    await prepareOutputDir(dir);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['a file in its place', (file: string) => file],
    ['a file as a parent', (file: string) => join(file, 'sub')],
  ])('%s is an output error (exit 4) naming the directory', async (_, dirOf) => {
    const file = join(tmp.dir, `file-${Math.random().toString(36).slice(2)}`);
    writeFileSync(file, 'x\n');
    const err = await errorOf(prepareOutputDir(dirOf(file)));
    expect(err.exitCode).toBe(EXIT.OUTPUT);
    expect(err.format()).toBe(`cannot write to the output directory ${dirOf(file)}: a file stands where a directory should be`);
  });

  it.skipIf(!existsSync('/proc/self'))('a directory the kernel will not create (under /proc) is an output error, not a hang', async () => {
    const err = await errorOf(prepareOutputDir('/proc/crmclean-out/night'));
    expect(err.exitCode).toBe(EXIT.OUTPUT);
    expect(err.format()).toMatch(/^cannot write to the output directory \/proc\/crmclean-out\/night: /);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only directory is an output error', async () => {
    const dir = join(tmp.dir, 'readonly-out');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    const err = await errorOf(prepareOutputDir(dir));
    chmodSync(dir, 0o700);
    expect(err.exitCode).toBe(EXIT.OUTPUT);
    expect(err.format()).toMatch(/permission denied/);
  });
});

describe('assertNotOverwritingInputs', () => {
  const inputs = tmpDir('atomic-inputs');
  afterAll(inputs.cleanup);
  const a = inputs.file('data/a.csv', 'x');
  const link = join(inputs.dir, 'link');
  symlinkSync(join(inputs.dir, 'data'), link);

  const refuses = (fn: () => void): CrmError => {
    try {
      fn();
    } catch (err) {
      if (err instanceof CrmError) return err;
      throw err;
    }
    throw new Error('expected a CrmError');
  };

  it.each([
    ['an input directly in the output directory', join(inputs.dir, 'data')],
    ['the same directory through a symlink', link],
    ['the same directory spelled with ..', join(inputs.dir, 'data', 'sub', '..')],
  ])('refuses %s (exit 2)', (_name, outDir) => {
    expect(refuses(() => assertNotOverwritingInputs(outDir, [a])).exitCode).toBe(EXIT.USAGE);
  });

  it('refuses an output directory that is an input file', () => {
    expect(refuses(() => assertNotOverwritingInputs(a, [a])).format()).toMatch(/is one of the input files/);
  });

  it.each([
    ['a sibling directory', join(inputs.dir, 'out')],
    ['a subdirectory of the inputs', join(inputs.dir, 'data', 'out')],
  ])('allows %s', (_name, outDir) => {
    expect(() => assertNotOverwritingInputs(outDir, [a])).not.toThrow();
  });

  it('with output names, only a name collision counts', () => {
    const outDir = join(inputs.dir, 'data');
    expect(() => assertNotOverwritingInputs(outDir, [a], ['golden.csv', 'mapping.csv'])).not.toThrow();
    expect(refuses(() => assertNotOverwritingInputs(outDir, [a], ['a.csv'])).exitCode).toBe(EXIT.USAGE);
  });
});
