import type { SurvivorshipRule } from '../candidate.js';

export const validOverInvalid: SurvivorshipRule = {
  id: 'valid_over_invalid',
  doc: 'A value that passed validation beats one that did not (a real phone over a fake, a checksum-correct ID over a broken one).',
  rank: (c) => (c.valid ? 1 : 0),
};
