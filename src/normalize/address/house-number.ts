/** Where a house number was found: its digits are text[start, end), and 号 or 弄 follows at `end`. */
export interface HouseNumber {
  start: number;
  end: number;
}

/** One result for every call (this runs for every address): read it before the next call. */
const found: HouseNumber = { start: 0, end: 0 };

const isDigit = (c: number) => c >= 48 && c <= 57;

function digitsEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** 号 or 弄 at `at`, and not the 号楼 of a building. */
const endsNumber = (s: string, at: number) => (s[at] === '号' || s[at] === '弄') && s[at + 1] !== '楼';

/**
 * The first house number in `s` — what /(\d+(?:-\d+)?)(?:号|弄)(?!楼)/ matches first: 27号, 12-3号,
 * 8弄, never 3号楼 — found with character codes, since a regular expression allocates a match for
 * every address. null when there is none; the result is overwritten by the next call.
 */
export function findHouseNumber(s: string): HouseNumber | null {
  let i = 0;
  while (i < s.length) {
    if (!isDigit(s.charCodeAt(i))) {
      i++;
      continue;
    }
    // Every start inside a run of digits reaches the same end, so only the run's first digit is tried.
    const runEnd = digitsEnd(s, i);
    if (s[runEnd] === '-' && isDigit(s.charCodeAt(runEnd + 1))) {
      const end = digitsEnd(s, runEnd + 1);
      if (endsNumber(s, end)) return at(i, end);
    }
    if (endsNumber(s, runEnd)) return at(i, runEnd);
    i = runEnd;
  }
  return null;
}

function at(start: number, end: number): HouseNumber {
  found.start = start;
  found.end = end;
  return found;
}
