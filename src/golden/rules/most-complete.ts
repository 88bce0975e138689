import type { SurvivorshipRule } from '../candidate.js';

export const mostComplete: SurvivorshipRule = {
  id: 'most_complete',
  doc: 'The value from the most complete record wins (more of its fields filled).',
  rank: (c) => c.completeness,
};
