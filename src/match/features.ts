import type { NormalizedRecord } from '../model/record.js';
import { emailKey } from './email-key.js';

/**
 * What the matcher looks at, derived once per record from the normalized
 * record. Placeholders and fakes are already gone here (null or absent), so no
 * comparison or blocking rule can ever treat "李先生" or 13800138000 as evidence
 * of a name or a phone; only the surname in "李先生" stays, as a surname.
 */
export interface MatchFeatures {
  /** Full-name comparison key (simplified, folded, no spaces). */
  name: string | null;
  /** Order-free pinyin / token form: 张伟 and "Wei Zhang" agree here. */
  pinyin: string | null;
  /** Phonetic key of Latin names. */
  phonetic: string | null;
  given: string | null;
  family: string | null;
  /** Generation of a Latin name's suffix ("1" Sr, "2" Jr or II, "3" III, "4" IV; see NormalizedName.generation). */
  generation: string | null;
  /** Non-fake phones in E.164, sorted. */
  phones: string[];
  /** The mailbox the address reaches (gmail.com without dots or a +tag, see emailKey). */
  email: string | null;
  idNumber: string | null;
  birthDate: string | null;
  company: string | null;
  /** District (CN) or suburb/town (elsewhere): the finest area name. */
  locality: string | null;
  city: string | null;
  street: string | null;
  streetNumber: string | null;
  unit: string | null;
  postcode: string | null;
}

export function matchFeatures(r: NormalizedRecord): MatchFeatures {
  const n = r.name;
  const usableName = !n.placeholder && n.key ? n : null;
  const a = r.address;
  const family = usableName ? usableName.family : bareSurname(n);
  return {
    name: usableName?.key ?? null,
    pinyin: usableName?.pinyin ?? null,
    phonetic: usableName?.phonetic ?? null,
    given: usableName?.givenKey ? lower(usableName.givenKey) : null,
    family: family ? lower(family) : null,
    generation: usableName?.generation ? String(usableName.generation) : null,
    phones: usablePhones(r.phones),
    email: r.email.value && r.email.valid && !r.email.placeholder ? emailKey(r.email.value) : null,
    idNumber: r.idNumber?.value || null,
    birthDate: r.birthDate,
    company: r.company.key,
    locality: a.district ?? a.suburb,
    city: a.city,
    street: a.street,
    streetNumber: a.number,
    unit: a.unit,
    postcode: a.postcode,
  };
}

/**
 * The surname of a placeholder that is a surname and a title (王先生, 李小姐,
 * 老王): not a name, but the customer's surname, which can agree or disagree
 * with another record's as "Mr Williams" does. Other placeholders (客户, 测试,
 * 啊啊啊) say nothing.
 */
function bareSurname(n: NormalizedRecord['name']): string | null {
  return n.placeholder && n.honorific !== null && n.given === null && n.family !== null && n.key === n.family ? n.family : null;
}

/** Non-fake numbers, unique and sorted; one number (the usual case) without the intermediate arrays and set. */
function usablePhones(phones: NormalizedRecord['phones']): string[] {
  if (phones.length === 1) return !phones[0].fake && phones[0].e164 ? [phones[0].e164] : [];
  return [...new Set(phones.filter((p) => !p.fake && p.e164).map((p) => p.e164))].sort();
}

/**
 * Lower case without spaces. Chinese names, most of the names here, are
 * already that: they skip the case mapping and the regular expression, which
 * for two-byte strings took a quarter of this stage's time at a million records.
 */
function lower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // CJK ideographs (which have no case) and a–z are kept as they are; anything else takes the full path.
    if (!((c >= 0x3400 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a))) return s.toLowerCase().replace(/\s+/g, '');
  }
  return s;
}
