import { describe, expect, it } from 'vitest';
import { Ranker } from '../../src/golden/rank.js';
import type { Candidate } from '../../src/golden/candidate.js';
import { SURVIVORSHIP_RULES } from '../../src/golden/rules/index.js';

const rules = (...ids: string[]) => ids.map((id) => SURVIVORSHIP_RULES.get(id)!);

function candidate(value: string, index: number, p: Partial<Candidate> = {}): Candidate {
  return { value, index, source: 'a.csv', row: index + 1, valid: true, updatedAt: null, updatedTime: -Infinity, completeness: 0, ...p };
}

describe('Ranker', () => {
  it('picks the most frequent value, names the deciding rule and finds the best other valid value', () => {
    const candidates = [candidate('x', 0), candidate('y', 1), candidate('y', 2), candidate('z', 3, { valid: false }), candidate('w', 4)];
    const ranker = new Ranker<Candidate>(new Map());
    ranker.rank(candidates, candidates.length, rules('valid_over_invalid', 'most_frequent'));
    expect(ranker.winner).toBe(1);
    expect(ranker.rule).toBe('most_frequent');
    expect(ranker.distinct).toBe(4);
    // x and w tie on both rules: input order decides; z is invalid.
    expect(ranker.runnerUp()).toBe(0);
  });

  it('counts frequencies the same way for many candidates as for few', () => {
    const values = ['p', 'q', 'q', 'r', 'q', 'p', 's', 't', 'u', 'v', 'p', 'q'];
    const candidates = values.map((v, i) => candidate(v, i));
    const ranker = new Ranker<Candidate>(new Map());
    ranker.rank(candidates, candidates.length, rules('most_frequent'));
    expect([ranker.winner, ranker.rule, ranker.distinct]).toEqual([1, 'most_frequent', 7]);
    ranker.rank(candidates, 3, rules('most_frequent'));
    expect([ranker.winner, ranker.rule, ranker.distinct]).toEqual([1, 'most_frequent', 2]);
  });

  it('says all_agree or only_value when there is nothing to separate', () => {
    const ranker = new Ranker<Candidate>(new Map());
    ranker.rank([candidate('x', 0), candidate('x', 1)], 2, rules('most_recent'));
    expect([ranker.winner, ranker.rule]).toEqual([0, 'all_agree']);
    ranker.rank([candidate('x', 3)], 1, rules('most_recent'));
    expect([ranker.winner, ranker.rule, ranker.runnerUp()]).toEqual([0, 'only_value', -1]);
  });

  it('ranks by sorting when a rank is not a number (an unparseable date), as before', () => {
    const candidates = [
      candidate('old', 0, { updatedTime: Date.parse('2020-01-01') }),
      candidate('odd', 1, { updatedTime: Date.parse('not a date') }),
      candidate('new', 2, { updatedTime: Date.parse('2024-01-01') }),
    ];
    const ranker = new Ranker<Candidate>(new Map());
    ranker.rank(candidates, candidates.length, rules('most_recent'));
    const sorted = [0, 1, 2].sort((x, y) => {
      const d = candidates[y].updatedTime - candidates[x].updatedTime;
      return d !== 0 && !Number.isNaN(d) ? d : candidates[x].index - candidates[y].index;
    });
    expect(ranker.winner).toBe(sorted[0]);
  });
});
