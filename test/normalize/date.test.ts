import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateRule, parseDate } from '../../src/normalize/rules/date.js';

const asOf = '2026-11-01';
const event = (s: string, order: 'YMD' | 'DMY' | 'MDY' = 'YMD') => dateRule.normalize(s, { order, kind: 'event', asOf });
const birth = (s: string, order: 'YMD' | 'DMY' | 'MDY' = 'YMD') => dateRule.normalize(s, { order, kind: 'birth', asOf });

describe('date rule', () => {
  it.each([
    ['2023-01-05', '2023-01-05'],
    ['2023/1/5', '2023-01-05'],
    ['2023.1.5', '2023-01-05'],
    ['2023年1月5日', '2023-01-05'],
    ['20230105', '2023-01-05'],
    ['2023-01-05 14:30:00', '2023-01-05'],
    ['2023-01-05T14:30:00Z', '2023-01-05'],
    ['5 Jan 2023', '2023-01-05'],
    ['January 5, 2023', '2023-01-05'],
    ['44931', '2023-01-05'],
    ['25/12/2023', '2023-12-25'],
    ['44931.0', '2023-01-05'],
    ['44931.6041', '2023-01-05'],
    // 12-hour times; the time is dropped.
    ['2024-01-05 1:45 PM', '2024-01-05'],
    ['2024-01-05 01:45:00 a.m.', '2024-01-05'],
    ['2024/01/05 下午 01:45:00', '2024-01-05'],
    ['2024-01-05 上午9:30', '2024-01-05'],
    ['2024年1月5日 晚上8:00', '2024-01-05'],
    ['Jan 5, 2024 1:45PM', '2024-01-05'],
    // 号 for the day, as it is said.
    ['2023年5月6号', '2023-05-06'],
    // Two digits first and last, where only one reading is a date.
    ['99-12-31', '1999-12-31'],
    ['31-12-99', '1999-12-31'],
    ['05/13/23', '2023-05-13'],
    // Written out in Chinese numerals; a weekday after the date, or a full stop ending it, dropped.
    ['二〇二三年五月六日', '2023-05-06'],
    ['二〇二三年十二月三十一日', '2023-12-31'],
    ['2023年5月6日 星期六', '2023-05-06'],
    ['2023年5月6日（周六）', '2023-05-06'],
    ['2023/5/6 礼拜天 14:30', '2023-05-06'],
    ['2023.05.06.', '2023-05-06'],
  ])('event %s → %s', (raw, iso) => {
    expect(event(raw)).toMatchObject({ value: iso, issues: [] });
  });

  it.each([
    ['1985-01-01', '1985-01-01'],
    // Excel serial numbers, as in any date column.
    ['31048', '1985-01-01'],
    ['31048.0', '1985-01-01'],
    ['18264', '1950-01-01'],
    ['10000', '1927-05-18'],
    ["'1985-01-01", '1985-01-01'],
  ])('birth %s → %s', (raw, iso) => {
    expect(birth(raw)).toMatchObject({ value: iso, issues: [] });
  });

  it('flags an ambiguous slashed date instead of guessing when no order is configured', () => {
    expect(event('05/01/2023')).toMatchObject({ value: null, issues: [expect.objectContaining({ code: 'date.ambiguous' })] });
    expect(event('05/05/2023').value).toBe('2023-05-05');
    // 2023-05-06 to a Chinese export, 23 May 2006 to a British one.
    expect(event('23-05-06')).toMatchObject({ value: null, issues: [expect.objectContaining({ code: 'date.ambiguous' })] });
    expect(event('13/05/23').issues.map((i) => i.code)).toEqual(['date.ambiguous']);
    expect(event('23-05-06', 'DMY').value).toBe('2006-05-23');
  });

  it('reads ambiguous slashed dates by the configured order', () => {
    expect(event('05/01/2023', 'DMY').value).toBe('2023-01-05');
    expect(event('05/01/2023', 'MDY').value).toBe('2023-05-01');
    expect(event('1/5/2024 1:45 PM', 'MDY').value).toBe('2024-01-05');
    expect(event('1/5/2024 1:45 PM').issues.map((i) => i.code)).toEqual(['date.ambiguous']);
  });

  it.each([
    ['19371233', 'birth', 'date.invalid'],
    ['2023-02-30', 'event', 'date.invalid'],
    ['yesterday', 'event', 'date.invalid'],
    ['9999-12-31', 'event', 'date.implausible'],
    ['1850-01-01', 'birth', 'date.implausible'],
    ['1960-01-01', 'event', 'date.implausible'],
    ['2026-12-24', 'event', 'date.future'],
    // A number is a serial only where it gives a year the column can hold.
    ['55000', 'birth', 'date.invalid'],
    ['99999', 'birth', 'date.invalid'],
    ['12345', 'event', 'date.invalid'],
    ['54789', 'event', 'date.invalid'],
    ['46400', 'birth', 'date.future'],
    // A year, or a year and month, with no day: said so, and no date kept. Not a plausible year or month: no date.
    ['1985', 'birth', 'date.partial'],
    ['1990年', 'birth', 'date.partial'],
    ['一九九〇年', 'birth', 'date.partial'],
    ['1990年5月', 'birth', 'date.partial'],
    ['2023-05', 'event', 'date.partial'],
    ['05/2023', 'event', 'date.partial'],
    ['0512', 'birth', 'date.invalid'],
    ['1850', 'birth', 'date.invalid'],
    ['2023-13', 'event', 'date.invalid'],
    ['2024-01-05 13:45 下班', 'event', 'date.invalid'],
  ] as const)('%s (%s) → %s', (raw, kind, code) => {
    const r = kind === 'birth' ? birth(raw) : event(raw);
    expect(r.value).toBeNull();
    expect(r.issues.map((i) => i.code)).toEqual([code]);
  });

  it('empty and null-like cells are empty, not errors', () => {
    for (const s of ['', '  ', 'NULL', '0000-00-00', '0', '无', '不详', '暂无', 'N/A', '-', '/', '—']) expect(event(s)).toMatchObject({ value: null, issues: [] });
  });

  it('round-trips any real date written as ISO', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1971-01-01'), max: new Date('2026-10-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(event(iso).value).toBe(iso);
        expect(event(iso.replace(/-/g, '')).value).toBe(iso);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a cell as parseDate does, however its day was written before (readings are cached by day)', () => {
    const piece = fc.constantFrom('2023', '1999', '0000', '2026', '20230105', '00000000', '1', '01', '12', '13', '29', '31', '00', '-', '/', '年', '月', '日', ' ', '8:05', '12:30', ':00', ':7');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 7 }), (parts) => {
        const text = parts.join('');
        const day = parseDate(text, 'YMD');
        const plausible = day && day >= '1970' && day <= asOf ? day : null;
        if (text.length <= 40) expect([text, event(text).value]).toEqual([text, plausible]);
      }),
      { numRuns: 20000 },
    );
  });
});

describe('parseDate without regular expressions for year-first dates', () => {
  // parseDate as it was written with regular expressions only.
  const iso = (y: number, m: number, d: number) => {
    if (m < 1 || m > 12 || d < 1 || d > 31) return null;
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const byPatterns = (text: string): string | null | undefined => {
    const s = text.replace(/[T\s]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i, '').trim().toLowerCase();
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
    return m ? iso(+m[1], +m[2], +m[3]) : undefined;
  };

  it('reads what the year-first patterns read, and leaves the rest to the other forms', () => {
    const piece = fc.constantFrom('2023', '1999', '0099', '20230105', '19000229', '1', '01', '12', '13', '31', '32', '001', '-', '/', '.', '年', '月', '日', ' ', 'T', '12:30', ':', 'z', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 7 }), (parts) => {
        const text = parts.join('');
        const expected = byPatterns(text);
        if (expected !== undefined) expect([text, parseDate(text, 'YMD')]).toEqual([text, expected]);
      }),
      { numRuns: 20000 },
    );
  });

  it('agrees on every month and day written several ways', () => {
    for (const y of ['2023', '2024', '1900', '2000', '0050'])
      for (let m = 0; m <= 13; m++)
        for (let d = 0; d <= 32; d++)
          for (const text of [`${y}-${m}-${d}`, `${y}/${String(m).padStart(2, '0')}/${d}`, `${y}年${m}月${d}日`, `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`, `${y}.${m}.${d} 08:15:00`])
            expect([text, parseDate(text, 'YMD')]).toEqual([text, byPatterns(text) ?? null]);
  });
});
