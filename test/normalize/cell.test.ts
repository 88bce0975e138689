import { describe, expect, it } from 'vitest';
import { cleanCell, lostDigits } from '../../src/normalize/text/cell.js';

describe('cleanCell: what spreadsheets do to cells, undone', () => {
  it.each([
    // Kept as text: a leading apostrophe, the ="…" formula.
    ["'330106197503124518", '330106197503124518'],
    ["  ' 13957120486 ", '13957120486'],
    ["'zs@163.com", 'zs@163.com'],
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'+8613912873460", '+8613912873460'],
    ['="11010519491231002X"', '11010519491231002X'],
    ['=" 0571-8888 1234 "', '0571-8888 1234'],
    ['="say ""hi"""', 'say "hi"'],
    ['＝＂0123＂', '0123'],
    // A number column: whole numbers lose .0 and .00.
    ['13957120486.0', '13957120486'],
    ['100080.00', '100080'],
    ['31048.0', '31048'],
    // Scientific notation with every digit written is a whole number again.
    ['1.3957120486E+10', '13957120486'],
    // Left alone: an apostrophe of the name, other formulas, dotted numbers, real decimals.
    ["'t Hooft", "'t Hooft"],
    ["'s-Hertogenbosch", "'s-Hertogenbosch"],
    ["O'Brien", "O'Brien"],
    ['=SUM(A1)', '=SUM(A1)'],
    ['="a" & "b"', '="a" & "b"'],
    ['139.5712.0486', '139.5712.0486'],
    ['2023.1.0', '2023.1.0'],
    ['1.5', '1.5'],
    ['13957120486.000', '13957120486.000'],
    ['1.39128E+10', '1.39128E+10'],
    ['１３９ ５７１２ ０４８６', '139 5712 0486'],
  ])('%s → %s', (raw, text) => {
    expect(cleanCell(raw)).toBe(text);
  });

  it.each([
    ['1.39128E+10', true],
    ['3.30106e+17', true],
    ['1.3957120486E+10', false],
    ['13957120486', false],
    ['+8613957120486', false],
    ['1.5E-3', false],
  ])('%s: digits lost %s', (raw, lost) => {
    expect(lostDigits(cleanCell(raw))).toBe(lost);
  });
});
