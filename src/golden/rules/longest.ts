import type { SurvivorshipRule } from '../candidate.js';

export const longest: SurvivorshipRule = {
  id: 'longest',
  doc: 'The longest value wins: a full address over a district alone, a full name over an initial.',
  rank: (c) => c.value.length,
};
