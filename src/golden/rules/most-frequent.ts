import type { SurvivorshipRule } from '../candidate.js';

export const mostFrequent: SurvivorshipRule = {
  id: 'most_frequent',
  doc: 'The value most members agree on wins.',
  rank: (c, ctx) => ctx.frequency(c.value),
};
