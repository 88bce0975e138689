import type { SurvivorshipRule } from '../candidate.js';

export const sourcePriority: SurvivorshipRule = {
  id: 'source_priority',
  doc: 'The value from the most trusted source wins (config golden.sourcePriority or sources.<name>.priority); unranked sources come last.',
  rank: (c, ctx) => -(ctx.sourceRank.get(c.source) ?? ctx.sourceRank.size),
};
