/**
 * The building / unit / room part at the end of a Chinese address, written one way:
 * 3号楼2单元501室 → 3栋2单元501. It reads exactly what these regular expressions read, on
 * text without white space (the address parser has removed it):
 *
 *   building  /(\d+)(?:号楼|栋|幢|座|号院)/   unit  /(\d+)单元/
 *   room      /(\d+)(?:室|房|号房)?$/ in what is left once the first building, then the first
 *             unit, then the first floor /(\d+)(?:楼|层)(?!\d)/ are cut out
 *
 * with character codes: each regular expression allocates a match, and half of all
 * addresses have such a part.
 */

const BUILDING_WORDS = ['号楼', '栋', '幢', '座', '号院'];
const UNIT_WORDS = ['单元'];
const FLOOR_WORDS = ['楼', '层'];

const isDigit = (c: number) => c >= 48 && c <= 57;

function digitsEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** Where the digits of the last match end, and where the whole match ends (set by firstNumberBefore). */
let numberEnd = 0;
let matchEnd = 0;

/**
 * Start of the first run of digits followed by one of `words` (and, when `notThenDigit`, not by a digit
 * after the word), or -1. Every start inside a run reaches the same end, so only a run's first digit is tried.
 */
function firstNumberBefore(s: string, words: readonly string[], notThenDigit: boolean): number {
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = digitsEnd(s, i);
    for (const word of words) {
      if (!s.startsWith(word, end) || (notThenDigit && isDigit(s.charCodeAt(end + word.length)))) continue;
      numberEnd = end;
      matchEnd = end + word.length;
      return i;
    }
    i = end;
  }
  return -1;
}

/** `s` without the match firstNumberBefore just found at `start`. */
const cutMatch = (s: string, start: number) => s.slice(0, start) + s.slice(matchEnd);

/** The digits of the room: the last run of digits, ending the text or followed only by 室, 房 or 号房; '' when there is none. */
function roomOf(s: string): string {
  let end = s.length;
  if (s.endsWith('号房')) end -= 2;
  else if (s.endsWith('室') || s.endsWith('房')) end -= 1;
  let start = end;
  while (start > 0 && isDigit(s.charCodeAt(start - 1))) start--;
  return s.slice(start, end);
}

export function unitOf(tail: string): string | null {
  const building = firstNumberBefore(tail, BUILDING_WORDS, false);
  const buildingNumber = building < 0 ? '' : tail.slice(building, numberEnd);
  let rest = building < 0 ? tail : cutMatch(tail, building);
  const unit = firstNumberBefore(tail, UNIT_WORDS, false);
  const unitNumber = unit < 0 ? '' : tail.slice(unit, numberEnd);
  const unitLeft = firstNumberBefore(rest, UNIT_WORDS, false);
  if (unitLeft >= 0) rest = cutMatch(rest, unitLeft);
  const floor = firstNumberBefore(rest, FLOOR_WORDS, true);
  if (floor >= 0) rest = cutMatch(rest, floor);
  const room = roomOf(rest);
  return (buildingNumber && `${buildingNumber}栋`) + (unitNumber && `${unitNumber}单元`) + room || null;
}
