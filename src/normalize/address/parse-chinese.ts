import { divisions, OWN_CITY, type Division } from './divisions.js';
import { digitsForNumerals } from './chinese-numerals.js';
import { findHouseNumber } from './house-number.js';
import { unitOf } from './unit.js';
import { sharedDigits, sharedText } from '../text/shared-strings.js';

export interface ChineseAddress {
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  /** The house number (27), or a lane's with its 弄 (88弄): lane 88 and house 88 of a street are two places. */
  number: string | null;
  unit: string | null;
  /** What follows the number before the unit (an estate's name: 阳光花园). */
  rest: string | null;
  /** A postcode written before the address (100080北京市海淀区…). */
  postcode: string | null;
  /** A district was named that is not in the named city/province. */
  districtMismatch: boolean;
}

/** A road word (路, 东路, 大街, 大道, 巷, 胡同, 弄): a place name right before one is a street's name (南京路, 天河西路), not the place. */
const ROAD_WORD = /[东西南北中]?(?:大?路|大?街|大道|巷|胡同|弄)/y;
/** A district of a city whose districts are not listed, by its shape: up to three characters and 区, 乡, 镇 or 市 (大安区, 竹北市). */
const UNLISTED_DISTRICT = /^[\u3400-\u9fff]{1,3}?[区乡镇市](?![路街道巷])/;
const UNIT_START = /\d+\s*(?:号楼|栋|幢|座|号院|单元|室|房)/;
/** The house in a lane: 3号 of 张江路88弄3号. */
const LANE_HOUSE = /^(\d+)号/;
const SPACE_OR_COMMA = /[\s,，、]/;
const SPACES_AND_COMMAS = /[\s,，、]/g;
/** What e-commerce and form exports put before the province: the country, a postcode, or both (中国 100080 北京市…). */
const COUNTRY_AND_POSTCODE = /^(?:中华人民共和国|中国)?(\d{6})?(?:中华人民共和国|中国)?/;
/** Punctuation and symbols at either end. */
const OUTER_NON_WORDS = /^[^\u3400-\u9fff\w]+|[^\u3400-\u9fff\w]+$/g;

// Plain functions and loops rather than closures and filtered arrays: this runs for every address, and a closure
// over province/city would move them into a heap-allocated context.
const cityWithin = (d: Division, province: Division | null) => !province || d.province === province;
const districtWithin = (d: Division, city: Division | null, province: Division | null) => (!city || d.city === city) && (!province || d.province === province);

function anyDistrictWithin(candidates: Division[], city: Division | null, province: Division | null): boolean {
  for (const d of candidates) if (districtWithin(d, city, province)) return true;
  return false;
}

/** The one candidate within the city/province given, or null when none or several are. */
function pick(candidates: Division[] | undefined, city: Division | null, province: Division | null, level: 'city' | 'district'): Division | null {
  if (!candidates) return null;
  let found: Division | null = null;
  for (const d of candidates) {
    if (!(level === 'city' ? cityWithin(d, province) : districtWithin(d, city, province))) continue;
    if (found) return null;
    found = d;
  }
  return found;
}

/** Whether cities the line names include the one of the city column (given as a city, or as districts it may be), or there is none. */
function namesHintedCity(named: Division[], city: Division | null, cityColumnDistricts: Division[] | undefined): boolean {
  if (city) return named.includes(city);
  if (!cityColumnDistricts) return true;
  for (const d of cityColumnDistricts) if (d.city && named.includes(d.city)) return true;
  return false;
}

/** Whether the division name `match` found at `at` is the start of a street name instead. */
function namesStreet(s: string, at: number, match: string): boolean {
  ROAD_WORD.lastIndex = at + match.length;
  return ROAD_WORD.test(s);
}

/** A Han character or an ASCII word character (\w). */
function isWordish(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** `s` without the punctuation and symbols at its ends; the regular expression runs only when an end has some. */
function trimToWords(s: string): string {
  if (!s || (isWordish(s.charCodeAt(0)) && isWordish(s.charCodeAt(s.length - 1)))) return s;
  return s.replace(OUTER_NON_WORDS, '');
}

/** One result object for every call (this runs for every address): read it before the next call. */
const lastResult: ChineseAddress = { province: null, city: null, district: null, street: null, number: null, unit: null, rest: null, postcode: null, districtMismatch: false };

/** Whether a province, city or district is named at `at`. */
function namesDivision(s: string, at: number): boolean {
  const { prefixes } = divisions();
  return !!(prefixes.provinces.longest(s, at) || prefixes.cities.longest(s, at) || prefixes.districts.longest(s, at));
}

/**
 * Split a Chinese address into province / city / district / street / number /
 * unit. Columns given separately come as hints; missing levels are inferred
 * from a level below when that is unambiguous (海淀区 → 北京市 北京市). The result is
 * overwritten by the next call.
 */
export function parseChineseAddress(text: string, provinceHint?: string, cityHint?: string, districtHint?: string): ChineseAddress {
  const idx = divisions();
  const s = digitsForNumerals(SPACE_OR_COMMA.test(text) ? text.replace(SPACES_AND_COMMAS, '') : text);
  // The country and a postcode before the address are skipped, only when a division follows: 中国人民大学… is no country.
  const lead = s.charCodeAt(0) <= 0x39 || s[0] === '中' ? COUNTRY_AND_POSTCODE.exec(s) : null;
  const skipped = lead?.[0] && namesDivision(s, lead[0].length) ? lead[0].length : 0;
  let pos = skipped;
  let province: Division | null = null;
  let city: Division | null = null;
  let district: Division | null = null;
  let districtMismatch = false;
  let area = '';

  // Where a column names a level, the line's start counts as that level only when it names the same place:
  // otherwise it is a street named after a place (北京东路 in Nanjing, 天河西路 in Chengdu).
  province = provinceHint ? (idx.provinces.get(provinceHint) ?? null) : null;
  const p = idx.prefixes.provinces.longest(s, pos);
  // "吉林市…" is the city 吉林市, not the province 吉林 and a 市: a longer city name wins.
  const cityFirst = p && (idx.prefixes.cities.longest(s, pos)?.[0].length ?? 0) > p[0].length;
  if (p && !cityFirst && (!province || p[1] === province) && !namesStreet(s, pos, p[0])) {
    province ??= p[1];
    pos += p[0].length;
  }
  if (cityHint) city = pick(idx.cities.get(cityHint), null, province, 'city');
  // A county-level city in the city column (五指山市, 昆山市) is a district.
  const cityColumnDistricts = cityHint && !city && !idx.cities.has(cityHint) ? idx.districts.get(cityHint) : undefined;
  // A municipality's name may repeat as its city ("北京市北京市海淀区").
  const line = idx.prefixes.cities.longest(s, pos);
  const c = line && !namesStreet(s, pos, line[0]) ? line : undefined;
  // "朝阳区…" is Beijing's district, not the city 朝阳(市): a longer district name wins.
  const districtFirst = c && (idx.prefixes.districts.longest(s, pos)?.[0].length ?? 0) > c[0].length;
  if (c && !districtFirst && namesHintedCity(c[1], city, cityColumnDistricts)) {
    const found = pick(c[1], null, province, 'city') ?? (province ? null : c[1][0]);
    if (found) {
      city ??= found;
      pos += c[0].length;
      // An area standing for its region (九龙 for 香港, 氹仔 for 澳门) is no name of it: it stays in the street line
      // when no district follows.
      if (!found.name.startsWith(c[0])) area = c[0];
    }
  }
  if (!city && province && OWN_CITY.has(province.name)) city = idx.cities.get(province.name)![0];
  const districtColumn = districtHint || (cityColumnDistricts ? cityHint : undefined);
  const hintedDistricts = districtColumn ? idx.districts.get(districtColumn) : undefined;
  // In a city whose districts are not listed (台北市), a district is read by its shape, never as a mainland one.
  const unlisted = city?.unlistedDistricts ? UNLISTED_DISTRICT.exec(s.slice(pos)) : null;
  if (unlisted) pos += unlisted[0].length;
  const lineDistrict = city?.unlistedDistricts ? null : idx.prefixes.districts.longest(s, pos);
  const d = lineDistrict && !namesStreet(s, pos, lineDistrict[0]) ? lineDistrict : undefined;
  const named = hintedDistricts ?? d?.[1];
  if (named) {
    district = pick(named, city, province, 'district');
    if (!district && (city || province) && !anyDistrictWithin(named, city, province)) districtMismatch = true;
    // Without context, take the district only when its name is unique in China.
    if (!district && !city && !province && named.length === 1) district = named[0];
    // With a district column, a line that starts with a district's name may be naming a street (天河西路 in 锦江区):
    // it is read past only when it names the district of the column.
    const lineNamesDistrict = d && (!hintedDistricts || (district ? d[1].includes(district) : d[1].some((x) => hintedDistricts.includes(x))));
    if (lineNamesDistrict && (district || districtMismatch || named.length > 1)) pos += d[0].length;
  }
  if (district) {
    city ??= district.city;
    province ??= district.province;
  }
  if (city) province ??= city.province;

  // Everything from the first building / unit / room token on is the unit: 3号楼2单元501室 → 3栋2单元501.
  const all = s.slice(pos);
  const cut = all.search(UNIT_START);
  const rest = cut < 0 ? all : all.slice(0, cut);
  const tail = cut < 0 ? '' : all.slice(cut);
  let unit = tail ? unitOf(tail) : null;
  const house = findHouseNumber(rest);
  let number = house ? sharedDigits(rest, house.start, house.end) : null;
  // A district named after the area says more: 香港新界沙田区 is 沙田区.
  const street = trimToWords((district ? '' : area) + (house ? rest.slice(0, house.start) : rest));
  // What follows the 号 or 弄.
  let after = house ? rest.slice(house.end + 1) : '';
  if (house && rest[house.end] === '弄') {
    number = sharedText(`${number}弄`);
    // A house in a lane is one of its buildings: 88弄3号501室 is 88弄3号楼501室, and 88弄15号 another house.
    const inLane = LANE_HOUSE.exec(after);
    if (inLane) {
      unit = `${inLane[1]}栋${unit ?? ''}`;
      after = after.slice(inLane[0].length);
    }
  }
  const result = lastResult;
  result.province = province?.name ?? null;
  result.city = city?.name ?? null;
  result.district = district?.name ?? unlisted?.[0] ?? (named ? ((hintedDistricts ? districtColumn : d?.[0]) ?? null) : null);
  // Records keep these: streets, units and estates recur.
  result.street = street ? sharedText(street) : null;
  result.number = number;
  result.unit = unit && sharedText(unit);
  result.rest = after ? sharedText(after) : null;
  result.postcode = skipped && lead?.[1] ? lead[1] : null;
  result.districtMismatch = districtMismatch;
  return result;
}
