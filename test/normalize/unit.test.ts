import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unitOf } from '../../src/normalize/address/unit.js';

/** unitOf as written with regular expressions, which it stands for. */
function byPatterns(tail: string): string | null {
  const BUILDING = /(\d+)\s*(?:号楼|栋|幢|座|号院)/;
  const UNIT = /(\d+)\s*单元/;
  const ROOM = /(\d+)\s*(?:室|房|号房)?$/;
  const FLOOR = /(\d+)\s*(?:楼|层)(?!\d)/;
  const building = BUILDING.exec(tail);
  const unitNo = UNIT.exec(tail);
  const room = ROOM.exec(tail.replace(BUILDING, '').replace(UNIT, '').replace(FLOOR, ''));
  const parts = [building && `${building[1]}栋`, unitNo && `${unitNo[1]}单元`, room && room[1]].filter(Boolean);
  return parts.length ? parts.join('') : null;
}

describe('unitOf', () => {
  it('writes building, unit and room one way', () => {
    expect(unitOf('3号楼2单元501室')).toBe('3栋2单元501');
    expect(unitOf('27栋1501')).toBe('27栋1501');
    expect(unitOf('5楼502')).toBe('502');
    expect(unitOf('12号房')).toBe('12');
    expect(unitOf('室')).toBeNull();
  });

  it('reads what the regular expressions read, on any text without white space', () => {
    const piece = fc.constantFrom('1', '27', '0', '号楼', '栋', '幢', '座', '号院', '单元', '室', '房', '号房', '楼', '层', '号', '-', '路', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const tail = parts.join('');
        expect([tail, unitOf(tail)]).toEqual([tail, byPatterns(tail)]);
      }),
      { numRuns: 30000 },
    );
  });
});
