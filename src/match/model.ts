import { z } from 'zod';

/**
 * Fellegi–Sunter parameters: for each comparison level, m = P(level | match) and
 * u = P(level | non-match); lambda = share of candidate pairs that are matches.
 * Saved as model.json so a later run can reuse them (`--model`).
 */
export const MODEL_VERSION = 1;

const levelSchema = z.object({ label: z.string(), m: z.number().min(0).max(1), u: z.number().min(0).max(1) });

export const matchModelSchema = z.object({
  version: z.literal(MODEL_VERSION),
  lambda: z.number().gt(0).lt(1),
  comparisons: z.array(z.object({ name: z.string(), levels: z.array(levelSchema) })),
  trainedOn: z.object({
    candidatePairs: z.number().int(),
    randomPairs: z.number().int(),
    emIterations: z.number().int(),
    labelledPairs: z.number().int().optional(),
    reused: z.boolean().optional(),
  }),
});

export type MatchModel = z.infer<typeof matchModelSchema>;
export type ModelLevel = z.infer<typeof levelSchema>;
