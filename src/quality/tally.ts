import type { Scores } from '../report/schema.js';
import type { RecordQuality } from './record-quality.js';
import { withOverall } from './overall.js';
import { ratio } from './numbers.js';

/**
 * Running sums for one group of records (all, one source, one owner), from
 * which its scores and rates follow. Each dimension's own file documents its formula.
 */
export class GroupTally {
  records = 0;
  completeness = 0;
  freshness = 0;
  filledValues = 0;
  invalidValues = 0;
  withInvalid = 0;
  withPlaceholder = 0;
  compared = 0;
  disagreeing = 0;

  add(q: RecordQuality, compared: number, disagreeing: number): void {
    this.records++;
    this.completeness += q.completeness;
    this.freshness += q.freshness;
    this.filledValues += q.filledValues;
    this.invalidValues += q.invalidValues;
    if (q.invalidValues) this.withInvalid++;
    if (q.placeholders) this.withPlaceholder++;
    this.compared += compared;
    this.disagreeing += disagreeing;
  }

  /**
   * `uniqueness` comes from outside: it depends on clusters, not on single
   * records; so may `consistency`, when measured per customer instead of per comparison.
   */
  scores(uniqueness: number, consistency = 1 - ratio(this.disagreeing, this.compared, 0)): Scores {
    return withOverall({
      completeness: ratio(this.completeness, this.records, 1),
      validity: 1 - ratio(this.invalidValues, this.filledValues, 0),
      freshness: ratio(this.freshness, this.records, 1),
      uniqueness,
      consistency,
    });
  }
}
