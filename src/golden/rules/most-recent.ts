import type { SurvivorshipRule } from '../candidate.js';

export const mostRecent: SurvivorshipRule = {
  id: 'most_recent',
  doc: 'The value from the most recently updated record wins; records without a date lose to dated ones.',
  rank: (c) => c.updatedTime,
};
