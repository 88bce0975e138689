import { readFile } from 'node:fs/promises';
import { readPairFile } from '../io/read-pairs.js';
import { matchModelSchema, type MatchOptions, type PairDecision } from '../match/index.js';
import { inputError, usageError } from '../model/errors.js';
import type { PipelineState } from '../pipeline/state.js';
import { recordRef } from '../explain/record-ref.js';

export interface MatchFlags {
  model?: string;
  decisions?: string;
  labels?: string;
}

/** Load --model, --decisions and --labels, naming records by `source:row`. */
export async function loadMatchInputs(flags: MatchFlags, state: PipelineState): Promise<Partial<MatchOptions>> {
  const out: Partial<MatchOptions> = {};
  const needIndex = flags.decisions || flags.labels;
  const index = needIndex ? new Map(state.records.map((r, i) => [recordRef(r), i])) : new Map<string, number>();
  const resolve = async (path: string): Promise<PairDecision[]> =>
    (await readPairFile(path)).flatMap((p) => {
      const a = index.get(p.left);
      const b = index.get(p.right);
      if (a === undefined || b === undefined) {
        throw inputError(`record "${a === undefined ? p.left : p.right}" is not in this run's input`, { file: path, line: p.line }, 'Records are named source:row, as in review.csv and mapping.csv.');
      }
      return a === b ? [] : [{ a, b, match: p.match }];
    });
  if (flags.decisions) out.decisions = await resolve(flags.decisions);
  if (flags.labels) out.labels = await resolve(flags.labels);
  if (flags.model) {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(flags.model, 'utf8'));
    } catch (err) {
      throw usageError(`cannot read model ${flags.model}: ${(err as Error).message}`);
    }
    const parsed = matchModelSchema.safeParse(data);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw usageError(`${flags.model} is not a crmclean model.json (${i.path.join('.') || 'top level'}: ${i.message})`, 'Use the model.json written by `crmclean dedupe`, or run without --model.');
    }
    out.model = parsed.data;
  }
  return out;
}
