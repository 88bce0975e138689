import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { inputError } from '../model/errors.js';
import { StateBuilder, stateToLines, type PipelineState } from '../pipeline/state.js';

/** Read a crmclean NDJSON stream from stdin into pipeline state. */
export async function readStateFromStdin(): Promise<PipelineState> {
  if (process.stdin.isTTY) {
    throw inputError('--stdin expects the NDJSON output of another crmclean stage, but stdin is a terminal', {}, 'Example: crmclean import a.csv | crmclean normalize | crmclean dedupe --stdin --out out/');
  }
  const builder = new StateBuilder();
  let lineNo = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw inputError(`not valid JSON: ${(err as Error).message}`, { file: '<stdin>', line: lineNo });
    }
    builder.add(value, lineNo);
  }
  return builder.finish();
}

/** Write the state as NDJSON to stdout, honouring back-pressure so large runs stay in bounded memory. */
export async function writeStateToStdout(state: PipelineState): Promise<void> {
  const out = process.stdout;
  let buf = '';
  for (const line of stateToLines(state)) {
    buf += JSON.stringify(line) + '\n';
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  if (buf) out.write(buf);
}
