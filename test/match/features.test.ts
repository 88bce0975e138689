import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchFeatures } from '../../src/match/features.js';
import { compareLevel, type Comparison } from '../../src/match/comparisons/comparison.js';
import { nameComparison } from '../../src/match/comparisons/name.js';
import { normalizeRecord } from '../../src/normalize/normalize-record.js';
import type { NormalizedRecord } from '../../src/model/record.js';

const options = { defaultRegion: 'CN' as const, dateOrder: 'YMD' as const, asOf: '2026-11-01' };
const levelOf = (c: Comparison, label: string) => c.levels.findIndex((l) => l.label === label) + 1;
const base = normalizeRecord({ source: 's.csv', row: 1, line: 2, fields: { name: '张伟' }, extra: {} }, options);
const withParts = (family: string, given: string): NormalizedRecord => ({ ...base, name: { ...base.name, family, given, givenKey: given } });

describe('matchFeatures: family and given names', () => {
  it.each([
    ['Chinese names stay as they are', '欧阳', '娜娜', '欧阳', '娜娜'],
    ['Latin names are lower-cased', 'Zhang', 'Wei', 'zhang', 'wei'],
    ['spaces go', 'van der Berg', 'Anna Maria', 'vanderberg', 'annamaria'],
    ['accented capitals are lower-cased too', 'ÉLODIE', 'Müller', 'élodie', 'müller'],
    ['a full-width space inside a Chinese name goes', '司马', '相\u3000如', '司马', '相如'],
  ])('%s', (_, family, given, wantFamily, wantGiven) => {
    const f = matchFeatures(withParts(family, given));
    expect([f.family, f.given]).toEqual([wantFamily, wantGiven]);
  });

  it('gives the lower-cased name without whitespace for any text (none for an empty one)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('张', '伟', '㐀', '鿿', 'a', 'Z', 'É', ' ', '\t', '\u3000', 'İ', 'ß'), fc.string({ maxLength: 1 })), minLength: 1 });
    fc.assert(
      fc.property(text, text, (family, given) => {
        const f = matchFeatures(withParts(family, given));
        const lower = (s: string) => (s ? s.toLowerCase().replace(/\s+/g, '') : null);
        expect(f.family).toBe(lower(family));
        expect(f.given).toBe(lower(given));
      }),
    );
  });
});

describe('matchFeatures: nicknames', () => {
  const featuresOf = (name: string) => matchFeatures(normalizeRecord({ source: 's.csv', row: 1, line: 2, fields: { name }, extra: {} }, options));
  it('compares a given name as its formal name, so a nickname and a misspelt surname still make a near match', () => {
    expect(featuresOf('Bob Hughes').given).toBe('robert');
    expect(featuresOf('Becky Nguyen').given).toBe('rebecca');
    expect(compareLevel(nameComparison, featuresOf('Bob Hughes'), featuresOf('Robert Huhges'))).toBe(levelOf(nameComparison, 'phonetic_or_jw_0.92'));
    expect(compareLevel(nameComparison, featuresOf('Becky Nguyen'), featuresOf('Rebecca Nguyen'))).toBe(levelOf(nameComparison, 'exact'));
    expect(compareLevel(nameComparison, featuresOf('Jess Murphy'), featuresOf('Mrs Jessica Murlhy'))).toBe(levelOf(nameComparison, 'phonetic_or_jw_0.92'));
  });
});

describe('matchFeatures: placeholder names', () => {
  const featuresOf = (name: string) => matchFeatures(normalizeRecord({ source: 's.csv', row: 1, line: 2, fields: { name }, extra: {} }, options));
  it.each([
    ['a surname and a title keeps the surname', '王先生', '王'],
    ['a compound surname and a title', '欧阳女士', '欧阳'],
    ['a familiar prefix and a surname', '老王', '王'],
    ['traditional characters are simplified', '陳小姐', '陈'],
    ['a bare character without a title says nothing', '王', null],
    ['a placeholder word with a title says nothing', '测试先生', null],
    ['a placeholder word says nothing', '客户', null],
  ])('%s: %s', (_, name, family) => {
    const f = featuresOf(name);
    expect([f.name, f.pinyin, f.phonetic, f.given, f.family]).toEqual([null, null, null, null, family]);
  });
});

describe('matchFeatures: generations', () => {
  const featuresOf = (name: string) => matchFeatures(normalizeRecord({ source: 's.csv', row: 1, line: 2, fields: { name }, extra: {} }, options));
  it.each([
    ['Jr', 'John Smith Jr', '2'],
    ['II reads as Jr', 'SMITH, John II', '2'],
    ['Sr', 'John Smith Sr.', '1'],
    ['a degree is no generation', 'John Smith PhD', null],
    ['none written', 'John Smith', null],
  ])('%s: %s', (_, name, generation) => {
    expect(featuresOf(name).generation).toBe(generation);
  });

  it('makes father and son of one name different names, and either the same as the name without a suffix', () => {
    expect(compareLevel(nameComparison, featuresOf('John Smith Jr'), featuresOf('SMITH, John Sr'))).toBe(nameComparison.levels.length + 1);
    expect(compareLevel(nameComparison, featuresOf('John Smith Jr'), featuresOf('John Smith'))).toBe(levelOf(nameComparison, 'exact'));
  });
});
