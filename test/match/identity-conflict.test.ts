import { describe, expect, it } from 'vitest';
import { COMPARISONS } from '../../src/match/comparisons/index.js';
import { identityConflict } from '../../src/match/index.js';
import { comparePairs } from '../../src/match/compare-pairs.js';
import type { MatchFeatures } from '../../src/match/features.js';
import { feat } from './features-helper.js';

const comparisons = COMPARISONS.filter((c) => ['name', 'phone', 'email', 'id_number', 'birth_date', 'address'].includes(c.name));
const conflictOf = (a: Partial<MatchFeatures>, b: Partial<MatchFeatures>) => {
  const features = [feat(a), feat(b)];
  return identityConflict(comparisons, comparePairs(features, comparisons, 1, () => [0, 1]))(0);
};
const conflicts = (a: Partial<MatchFeatures>, b: Partial<MatchFeatures>) => conflictOf(a, b) !== null;

const home = { locality: 'winston hills', street: 'burnage pl', streetNumber: '39' };
const connor = { ...home, name: 'connorshepherd', given: 'connor', family: 'shepherd', phonetic: 'KNR XFRT' };
const olivia = { ...home, name: 'oliviashepherd', given: 'olivia', family: 'shepherd', phonetic: 'ALF XFRT' };

describe('identity conflict: different real names never merge on shared household evidence alone', () => {
  it('two people at one address with different given names conflict', () => {
    expect(conflicts(connor, olivia)).toBe(true);
    expect(conflicts({ ...connor, birthDate: '1932-09-07' }, { ...olivia, birthDate: '1961-02-11' })).toBe(true);
  });

  it('something personal agreeing exactly lifts the conflict: ID number, email, phone or birth date', () => {
    expect(conflicts({ ...connor, idNumber: 'X1' }, { ...olivia, idNumber: 'X1' })).toBe(false);
    expect(conflicts({ ...connor, email: 'cs@example.com' }, { ...olivia, email: 'cs@example.com' })).toBe(false);
    expect(conflicts({ ...connor, phones: ['+61412345678'] }, { ...olivia, phones: ['+61412345678'] })).toBe(false);
    expect(conflicts({ ...connor, phones: ['+61298765432', '+61412345678'] }, { ...olivia, phones: ['+61412345678'] })).toBe(false);
    // A replaced given name in the same person's record keeps the birth date.
    expect(conflicts({ ...connor, birthDate: '1932-09-07' }, { ...olivia, birthDate: '1932-09-07' })).toBe(false);
  });

  it('a shared birth date does not lift it where a phone or email differs: twins each have their own', () => {
    const twins = [{ ...connor, birthDate: '2011-12-21' }, { ...olivia, birthDate: '2011-12-21' }];
    expect(conflicts({ ...twins[0], phones: ['+61412345678'] }, { ...twins[1], phones: ['+61498765432'] })).toBe(true);
    expect(conflicts({ ...twins[0], email: 'connor@example.com' }, { ...twins[1], email: 'liv@example.com' })).toBe(true);
    // A home line shared, no mobile of their own: the birth date still lifts it, as does an ID number that differs (FEBRL's are often corrupted).
    expect(conflicts({ ...twins[0], phones: ['+61298765432'] }, { ...twins[1], phones: ['+61298765432'] })).toBe(false);
    expect(conflicts({ ...twins[0], idNumber: 'X1' }, { ...twins[1], idNumber: 'Y2' })).toBe(false);
  });

  it('a shared fixed line does not lift it: a household answers one home line, colleagues one switchboard', () => {
    expect(conflicts({ ...connor, phones: ['+61298765432'] }, { ...olivia, phones: ['+61298765432'] })).toBe(true);
    const office = { locality: '朝阳区', street: '建国路', streetNumber: '88', phones: ['+861085801888'] };
    expect(conflicts({ ...office, name: '赵磊', family: '赵', given: '磊' }, { ...office, name: '钱芳', family: '钱', given: '芳' })).toBe(true);
    // Where the plan cannot tell fixed lines from mobiles (North America), a shared number still counts.
    expect(conflicts({ ...connor, phones: ['+14155552671'] }, { ...olivia, phones: ['+14155552671'] })).toBe(false);
  });

  it('says why: names that differ (not even for review) or a record without a name (for review)', () => {
    expect(conflictOf(connor, olivia)).toBe('names_differ');
    expect(conflictOf({ ...connor, phones: ['+61298765432'] }, { ...olivia, phones: ['+61298765432'] })).toBe('names_differ');
    expect(conflictOf(connor, { ...home })).toBe('no_name');
    // Father and son of one name: their generations make the names differ.
    expect(conflictOf({ ...connor, generation: '2' }, { ...connor, generation: '1' })).toBe('names_differ');
  });

  it('similar names are no conflict', () => {
    expect(conflicts(connor, { ...connor, name: 'connorshepard', family: 'shepard' })).toBe(false);
  });

  it('a record without a usable name joins a customer only on something personal, not on the address alone', () => {
    expect(conflicts(connor, { ...home })).toBe(true);
    expect(conflicts(connor, { ...home, email: 'cs@example.com' })).toBe(true);
    expect(conflicts({ ...connor, email: 'cs@example.com' }, { ...home, email: 'cs@example.com' })).toBe(false);
    expect(conflicts({ ...connor, phones: ['+61412345678'] }, { ...home, phones: ['+61412345678'] })).toBe(false);
  });
});
