import { randomBytes } from 'node:crypto';
import { close, existsSync, fsync, openSync, realpathSync, unlinkSync, write } from 'node:fs';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { basename, dirname, join, resolve } from 'node:path';
import { CrmError, outputError, usageError } from '../model/errors.js';

/**
 * Outputs are written to a temporary file next to the target, flushed to disk
 * and renamed over it, so a crash or Ctrl-C leaves the previous file intact,
 * never a half-written one. The temporary name starts with `.crmclean-tmp-`
 * (git-ignored).
 */

/**
 * Writes one chunk. The caller may refill its buffer once the promise resolves
 * (the chunk is copied), unless it hands the buffer over: never touches it again.
 */
export type ChunkWriter = (chunk: string | Uint8Array, handedOver?: boolean) => Promise<void>;

const FLUSH_BYTES = 1 << 16;
const writeFd = promisify(write);
const fsyncFd = promisify(fsync);
const closeFd = promisify(close);

/** Temporary files being written, for {@link removePendingTempFiles} on an interrupt. */
const pending = new Set<string>();

/** Write `data` to `path` atomically. */
export function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  return writeFileAtomicStream(path, (write) => write(data));
}

/**
 * Write `path` atomically from a producer that calls `write` as often as it
 * likes (small writes are batched; awaiting `write` gives back-pressure). If the
 * producer throws, the temporary file is removed, the target is untouched and
 * the producer's error is rethrown. File-system failures become CrmError exit 2.
 */
export async function writeFileAtomicStream(path: string, produce: (write: ChunkWriter) => Promise<void>, onWritten?: () => void): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.crmclean-tmp-${basename(path)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = createTemp(path, tmp);
  let closed = false;
  let batch: Buffer[] = [];
  let batchBytes = 0;
  // One write goes on while the producer makes the next chunk (waiting for each cost a big export about
  // a tenth of its time); the next waits for it, so the file is written in order.
  let inFlight: Promise<void> = Promise.resolve();
  const send = async (bytes: Buffer) => {
    await inFlight;
    inFlight = fsStep(path, writeAll(fd, bytes));
    // Handled here so that a failure while the producer works is not an unhandled rejection; awaiting it still throws.
    inFlight.catch(() => undefined);
  };
  const flush = async () => {
    if (batchBytes === 0) return;
    const bytes = batch.length === 1 ? batch[0] : Buffer.concat(batch);
    batch = [];
    batchBytes = 0;
    await send(bytes);
  };
  try {
    await produce(async (chunk, handedOver = false) => {
      // Copied unless handed over: the caller may refill its buffer as soon as this resolves, while the bytes are still being written.
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : handedOver ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length) : Buffer.from(chunk);
      if (bytes.length >= FLUSH_BYTES) {
        await flush();
        await send(bytes);
        return;
      }
      batch.push(bytes);
      batchBytes += bytes.length;
      if (batchBytes >= FLUSH_BYTES) await flush();
    });
    await flush();
    await inFlight;
    onWritten?.();
    await fsStep(path, fsyncFd(fd));
    closed = true;
    await fsStep(path, closeFd(fd));
    await fsStep(path, rename(tmp, path));
    await removeOrphans(dir, basename(path));
  } catch (err) {
    await inFlight.catch(() => undefined);
    if (!closed) await closeFd(fd).catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  } finally {
    pending.delete(tmp);
  }
  await syncDirectory(dir);
}

/**
 * A run killed outright (SIGKILL, power loss) leaves its temporary file behind; the next successful write
 * of the same file removes those whose process is gone (a live one may be another run writing there now).
 */
async function removeOrphans(dir: string, name: string): Promise<void> {
  const prefix = `.crmclean-tmp-${name}-`;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const entry of names) {
    if (!entry.startsWith(prefix)) continue;
    const pid = /^(\d+)-[0-9a-f]{8}$/.exec(entry.slice(prefix.length))?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid))) await unlink(join(dir, entry)).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the temporary files of writes still in progress; synchronous, for the SIGINT and SIGTERM handlers. */
export function removePendingTempFiles(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already renamed or removed.
    }
  }
  pending.clear();
}

/**
 * Refuse (exit 2) an output directory that would overwrite an input: an input
 * that is the directory itself, or that sits directly in it. With
 * `outputNames`, only inputs with one of those names count.
 */
export function assertNotOverwritingInputs(outDir: string, inputPaths: readonly string[], outputNames?: readonly string[]): void {
  const out = realPath(outDir);
  for (const input of inputPaths) {
    const real = realPath(input);
    if (real === out) {
      throw usageError(`the output directory ${outDir} is one of the input files`, 'Choose another --out directory.');
    }
    if (dirname(real) === out && (!outputNames || outputNames.includes(basename(real)))) {
      throw usageError(
        `writing to ${outDir} could overwrite the input ${input}`,
        'Choose an --out directory that holds no input files, e.g. --out out/.',
      );
    }
  }
}

/** Follow symlinks where the path exists, so two spellings of one file compare equal. */
function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/**
 * Create the temporary file on this thread and register it in the same step: a signal handler runs between
 * two steps of this thread, so it never misses a file that exists (an asynchronous open could create the
 * file in the thread pool after the handler had removed the files it knew of; CI saw one left behind).
 */
function createTemp(path: string, tmp: string): number {
  try {
    const fd = openSync(tmp, 'wx');
    pending.add(tmp);
    return fd;
  } catch (err) {
    throw asOutputError(path, err);
  }
}

async function writeAll(fd: number, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await writeFd(fd, bytes, offset);
    offset += bytesWritten;
  }
}

/** The rename is durable only once the directory entry is on disk; not possible everywhere (Windows), so best effort. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort.
  }
}

async function fsStep<T>(path: string, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (err) {
    throw asOutputError(path, err);
  }
}

function asOutputError(path: string, err: unknown): CrmError {
  if (err instanceof CrmError) return err;
  return outputError(`cannot write ${path}: ${writeFailure(err)}`, 'Check the --out directory: it must exist (or be creatable) and be writable.');
}

function writeFailure(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'ENOENT':
      return 'the directory does not exist';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file stands where a directory should be';
    default:
      return (err as Error).message;
  }
}

/**
 * Create `dir` if missing and prove it writable by creating and removing a file
 * there, before any input is read: a run that cannot write its outputs fails in
 * a second with exit 4, not after the whole pipeline.
 */
export async function prepareOutputDir(dir: string): Promise<void> {
  const probe = join(dir, `.crmclean-tmp-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await makeDirectory(dir);
    const fd = openSync(probe, 'wx');
    pending.add(probe);
    await closeFd(fd);
    await unlink(probe);
  } catch (err) {
    throw outputError(`cannot write to the output directory ${dir}: ${writeFailure(err)}`);
  } finally {
    pending.delete(probe);
  }
}

/**
 * A file's content: a string, or chunks made while it is written (for files
 * too big to hold as one string), each a new buffer the maker never touches
 * again; asynchronous when another thread makes them.
 */
export type FileContent = string | (() => Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>);

/** Write one file atomically; `onWritten` is told when all its data is written, before the disk sync and rename. */
export function writeContent(path: string, content: FileContent, onWritten?: () => void): Promise<void> {
  return writeFileAtomicStream(
    path,
    async (write) => {
      if (typeof content === 'string') await write(content);
      else for await (const chunk of content()) await write(chunk, true);
    },
    onWritten,
  );
}

/**
 * Write several files atomically, one after another, each file's rows made
 * while the one before waits on its disk sync (a few hundred megabytes take
 * the disk most of a second) instead of the run waiting. Each file is still
 * renamed into place only once it is complete and synced. A failing file does
 * not stop the others; once all have settled, this rejects with the failure
 * of the first failing file in the given order.
 */
export async function writeContents(files: Iterable<readonly [string, FileContent]>): Promise<void> {
  const writes: Promise<void>[] = [];
  for (const [path, content] of files) {
    let written!: () => void;
    const dataWritten = new Promise<void>((resolve) => (written = resolve));
    const write = writeContent(path, content, written);
    writes.push(write);
    await Promise.race([dataWritten, write.catch(() => undefined)]);
  }
  const failed = (await Promise.allSettled(writes)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The whole content as one string (for tests and small files). */
export function contentText(content: FileContent): string {
  if (typeof content === 'string') return content;
  const chunks = content();
  if (!(Symbol.iterator in chunks)) throw new Error('contentText reads content made on this thread only');
  return Buffer.concat([...chunks].map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).toString('utf8');
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns where the kernel answers ENOENT for a
 * directory it will not create (under /proc or /sys), so `--out /proc/x` hung instead of failing.
 */
async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
}
