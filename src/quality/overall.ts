import type { Scores } from '../report/schema.js';
import { round4 } from './numbers.js';

/**
 * Overall = a weighted mean of the five dimensions. Completeness and validity
 * weigh most: a customer list is first of all usable when the contact fields
 * are there and right; freshness, uniqueness and consistency follow.
 */
export const SCORE_WEIGHTS = { completeness: 0.3, validity: 0.25, freshness: 0.15, uniqueness: 0.15, consistency: 0.15 } as const;

export type Dimensions = Omit<Scores, 'overall'>;

export function withOverall(d: Dimensions): Scores {
  let overall = 0;
  for (const k of Object.keys(SCORE_WEIGHTS) as (keyof Dimensions)[]) overall += SCORE_WEIGHTS[k] * d[k];
  return {
    completeness: round4(d.completeness),
    validity: round4(d.validity),
    freshness: round4(d.freshness),
    uniqueness: round4(d.uniqueness),
    consistency: round4(d.consistency),
    overall: round4(overall),
  };
}

const w = SCORE_WEIGHTS;

/** The formula in words, written into every report so a reader need not find this file. */
export const FORMULA =
  `overall = ${w.completeness}·completeness + ${w.validity}·validity + ${w.freshness}·freshness + ${w.uniqueness}·uniqueness + ${w.consistency}·consistency. ` +
  'completeness = mean over records of the importance-weighted share of the fields its source has that hold a real value (placeholders count as missing); ' +
  'validity = 1 − invalid values / filled values; ' +
  'freshness = mean over records of 0.5^(age in days / staleDays), 0 for a record without a date; ' +
  'uniqueness = 1 − duplicate rate: golden records / records overall, per source 1 − share of its records duplicating another record of the same source; ' +
  'consistency = 1 − share of merged customers whose records disagree on a field (per source: share of its records\' comparisons that differ).';
