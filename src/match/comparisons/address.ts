import type { Comparison } from './comparison.js';
import type { MatchFeatures } from '../features.js';
import { jaroWinklerAtLeast } from '../similarity/jaro-winkler.js';
import { editDistance } from '../similarity/edit-distance.js';
import { divisions } from '../../normalize/address/divisions.js';

type Key = 'locality' | 'city' | 'street' | 'streetNumber' | 'unit' | 'postcode';

/** Address parts are compared one by one, so a moved customer still agrees on name and phone. */
function exactOnly(name: string, key: Key, doc: string): Comparison {
  return {
    name,
    doc,
    present: (f) => f[key] !== null,
    levels: [{ label: 'exact', test: (a, b) => a[key] === b[key] }],
  };
}

function fuzzy(name: string, key: Key, doc: string): Comparison {
  const value = (f: MatchFeatures) => f[key];
  return {
    name,
    doc,
    present: (f) => value(f) !== null,
    levels: [
      { label: 'exact', test: (a, b) => value(a) === value(b), termFrequency: [key] },
      { label: 'jw_0.88', test: (a, b) => jaroWinklerAtLeast(value(a)!, value(b)!, 0.88) },
    ],
  };
}

export const localityComparison = fuzzy('locality', 'locality', 'District (CN) or suburb/town: exact (rarer places weigh more), Jaro–Winkler ≥ 0.88, else different.');
export const streetComparison = fuzzy('street', 'street', 'Street or road name: exact (人民路 weighs less than a rare street), Jaro–Winkler ≥ 0.88, else different.');
export const cityComparison = exactOnly('city', 'city', 'City: exact, else different.');
export const streetNumberComparison = exactOnly('street_number', 'streetNumber', 'House number: exact, else different.');
export const unitComparison = exactOnly('unit', 'unit', 'Building / unit / room: exact, else different.');

const sameOrFuzzy = (x: string | null, y: string | null) => x !== null && y !== null && (x === y || jaroWinklerAtLeast(x, y, 0.88));
const compatible = (x: string | null, y: string | null) => x === null || y === null || x === y;
/** Below exact, a misspelt district or suburb ("forets hill") is still the same place. */
const nearlyCompatible = (x: string | null, y: string | null) => x === null || y === null || sameOrFuzzy(x, y);
const otherStreets = (x: string | null, y: string | null) => x !== null && y !== null && !sameOrFuzzy(x, y);
const ALNUM = /[a-z0-9]/;
/** The shorter unit ends the longer one after one of its words (3栋2单元501 and 2单元501 or 501): one record left the building out. */
const endsUnit = (long: string, short: string) => long.endsWith(short) && !ALNUM.test(long[long.length - short.length - 1]);
/** Units that may be one: the same, one unknown, or one written without its building. 12b and 3a are two flats of one house. */
const unitsAgree = (x: string | null, y: string | null) => x === null || y === null || x === y || (x.length > y.length ? endsUnit(x, y) : endsUnit(y, x));

/** Whether a district of this name may lie in the city: 朝阳区 in 北京市 or 长春市, not in 上海市; a name not in the divisions may. */
function mayLieIn(district: string, city: string): boolean {
  const candidates = divisions().districts.get(district);
  return !candidates || candidates.some((d) => d.city?.name === city);
}

/** `x` names a district but no city, `y` a city but no district, and the district is none of that city's. */
const districtOutsideCity = (x: MatchFeatures, y: MatchFeatures) => x.city === null && x.locality !== null && y.city !== null && y.locality === null && !mayLieIn(x.locality, y.city);

/**
 * Records that name a part in common (city, district/suburb or street), or a district the other's city does not have.
 * Otherwise one names only what the other leaves out (北京市 against 朝阳区建国路, whose city the district
 * name leaves open): nothing agrees or disagrees.
 */
function sharesAPart(a: MatchFeatures, b: MatchFeatures): boolean {
  if ((a.city !== null && b.city !== null) || (a.locality !== null && b.locality !== null) || (a.street !== null && b.street !== null)) return true;
  return districtOutsideCity(a, b) || districtOutsideCity(b, a);
}

/**
 * A postcode covers a district or part of one, so two records on different
 * streets there share it as a matter of course: agreeing then is its own level,
 * which estimation weighs apart from a postcode shared with the same or an
 * unknown street (else a namesake round the corner counts the district twice).
 */
export const postcodeComparison: Comparison = {
  name: 'postcode',
  doc: 'Postcode: exact (the street the same or unknown on one side); exact, each on another street; one digit apart; else different.',
  present: (f) => f.postcode !== null,
  levels: [
    { label: 'exact', test: (a, b) => a.postcode === b.postcode && !otherStreets(a.street, b.street) },
    { label: 'exact_other_street', test: (a, b) => a.postcode === b.postcode },
    { label: 'one_digit_apart', test: (a, b) => editDistance(a.postcode!, b.postcode!, 1) <= 1 },
  ],
};

/**
 * The whole address as one comparison. Its parts agree together (a household
 * shares district, street, number and unit), so counting each part as
 * independent evidence would let one shared address outvote a different name.
 * Sharing only the district or suburb is two levels: one side without a street
 * says nothing against the match, while two different streets there are a move
 * or a namesake down the road, and estimation weighs them apart. A record that
 * names only its city (a mailing list's "长沙市") agrees with an address in that
 * city and disagrees with one in another, but says nothing about one that names
 * no city (a district several cities have, 朝阳区, or only a street). Two flats of
 * one house (Apt 3A, Apt 12B) are neighbours: they share the street, not the
 * street and number.
 */
export const addressComparison: Comparison = {
  name: 'address',
  doc: 'Address as a whole: same street, number and unit in the same place; same street and number (the unit the same, unknown on one side, or without its building); same street in the same place; same district/suburb with a street on one side only; same district/suburb, each on another street; same city where one side names no district; else different. Missing when the two name no part in common (a city against a district that may be in it, or against a street).',
  present: (f) => f.street !== null || f.locality !== null || f.city !== null,
  comparable: sharesAPart,
  levels: [
    {
      label: 'exact',
      test: (a, b) => a.street !== null && a.street === b.street && a.streetNumber !== null && a.streetNumber === b.streetNumber && a.unit === b.unit && compatible(a.locality, b.locality),
      termFrequency: ['locality', 'street', 'streetNumber', 'unit'],
    },
    {
      label: 'street_and_number',
      test: (a, b) => sameOrFuzzy(a.street, b.street) && a.streetNumber !== null && a.streetNumber === b.streetNumber && unitsAgree(a.unit, b.unit) && nearlyCompatible(a.locality, b.locality),
    },
    { label: 'same_street', test: (a, b) => sameOrFuzzy(a.street, b.street) && nearlyCompatible(a.locality, b.locality) },
    {
      label: 'same_locality',
      test: (a, b) => a.locality !== null && a.locality === b.locality && (a.street === null || b.street === null),
      termFrequency: ['locality'],
    },
    { label: 'same_locality_other_street', test: (a, b) => a.locality !== null && a.locality === b.locality },
    {
      label: 'same_city',
      test: (a, b) => a.city !== null && a.city === b.city && (a.locality === null || b.locality === null),
      termFrequency: ['city'],
    },
  ],
};
