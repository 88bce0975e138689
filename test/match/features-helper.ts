import type { MatchFeatures } from '../../src/match/features.js';

export function feat(p: Partial<MatchFeatures> = {}): MatchFeatures {
  return {
    name: null,
    pinyin: null,
    phonetic: null,
    given: null,
    family: null,
    generation: null,
    phones: [],
    email: null,
    idNumber: null,
    birthDate: null,
    company: null,
    locality: null,
    city: null,
    street: null,
    streetNumber: null,
    unit: null,
    postcode: null,
    ...p,
  };
}
