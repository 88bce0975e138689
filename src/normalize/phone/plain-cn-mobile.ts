import { Metadata } from 'libphonenumber-js/max';

/**
 * Most numbers in Chinese exports are plain mobiles: 13912873460 or +8613912873460.
 * For exactly that shape libphonenumber-js's parse is known in advance — national
 * number = the 11 digits, E.164 = +86 and the digits — except where China's
 * national-prefix or international-dialling patterns match at the start (carrier
 * prefixes such as 17951), which the library would strip: those still go through it.
 * Skipping the parse matters because the library rebuilds its RegExps on every call.
 */
const SHAPE = /^(?:\+86)?1[3-9]\d{9}$/;

interface CnPlan {
  nationalPrefixForParsing(): string | undefined;
  IDDPrefix(): string;
}

let strippable: RegExp[] | null = null;

/** The prefixes libphonenumber-js strips from a Chinese number, from its own metadata, as it applies them. */
function prefixes(): RegExp[] {
  if (strippable) return strippable;
  const metadata = new Metadata();
  metadata.selectNumberingPlan('CN');
  const cn = metadata.numberingPlan as unknown as CnPlan;
  const national = cn.nationalPrefixForParsing();
  strippable = [new RegExp('^(?:' + cn.IDDPrefix() + ')'), ...(national ? [new RegExp('^(?:' + national + ')')] : [])];
  return strippable;
}

/**
 * The national number of `digits` (only digits and a leading plus) when it is a
 * plain Chinese mobile as libphonenumber-js would read it with `region` as the
 * default region; null when the library has to decide.
 */
export function plainCnMobile(digits: string, region: string): string | null {
  if (!SHAPE.test(digits) || (region !== 'CN' && digits[0] !== '+')) return null;
  const national = digits[0] === '+' ? digits.slice(3) : digits;
  return hasStrippedPrefix(national) ? null : national;
}

function hasStrippedPrefix(national: string): boolean {
  for (const prefix of prefixes()) if (prefix.test(national)) return true;
  return false;
}

const BARE_NATIONAL = /^\d{5,17}$/;

/**
 * Whether libphonenumber-js, with China as the default region, reads `digits` (five to
 * seventeen of them, no plus) as exactly that Chinese national number — E.164 +86 and
 * the digits, no extension, no carrier code — whatever their shape. It does unless it
 * strips one of the prefixes above, or the digits start with China's calling code 86
 * (then it may read an international number typed without its plus). Foreign numbers
 * typed without their plus are read this way first, and a parse allocates kilobytes:
 * only their second reading, with a plus, needs the library.
 */
export function isPlainCnNational(digits: string, region: string): boolean {
  return region === 'CN' && BARE_NATIONAL.test(digits) && !digits.startsWith('86') && !hasStrippedPrefix(digits);
}
