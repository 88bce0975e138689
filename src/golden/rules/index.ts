import type { SurvivorshipRule } from '../candidate.js';
import { validOverInvalid } from './valid-over-invalid.js';
import { mostRecent } from './most-recent.js';
import { mostFrequent } from './most-frequent.js';
import { mostComplete } from './most-complete.js';
import { longest } from './longest.js';
import { sourcePriority } from './source-priority.js';
import { hanOverLatin } from './han-over-latin.js';

export const SURVIVORSHIP_RULES: ReadonlyMap<string, SurvivorshipRule> = new Map(
  [validOverInvalid, sourcePriority, mostRecent, mostFrequent, mostComplete, longest, hanOverLatin].map((r) => [r.id, r]),
);
