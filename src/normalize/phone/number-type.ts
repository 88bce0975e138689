import { Metadata, type NumberType } from 'libphonenumber-js/max';

/**
 * libphonenumber-js's number type and validity checks (helpers/getNumberType.js and
 * isValid.js) with each numbering plan's patterns compiled once. The library builds a
 * new RegExp from the pattern text on every call — kilobytes of it for China's fixed
 * lines — which made it the largest single cost of normalizing. Same metadata, same
 * checks in the same order, so the same answers.
 */

// The library's order: fixed line first, then these.
const NON_FIXED_LINE_TYPES = ['MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;

/** The parts of the library's Metadata class used here (its type declarations leave them out). */
interface TypeDefinition {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface PlanMetadata {
  selectNumberingPlan(countryOrCallingCode: string): void;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(type: string): TypeDefinition | undefined;
}

interface CompiledType {
  pattern: RegExp;
  lengths: number[] | undefined;
}

interface CompiledPlan {
  nationalNumber: RegExp;
  hasTypes: boolean;
  /** MOBILE is absent or its pattern was dropped as a duplicate of FIXED_LINE. */
  mobileSameAsFixedLine: boolean;
  types: Map<string, CompiledType>;
}

const whole = (pattern: string) => new RegExp('^(?:' + pattern + ')$');
const plans = new Map<string, CompiledPlan>();

function plan(countryOrCallingCode: string): CompiledPlan {
  let compiled = plans.get(countryOrCallingCode);
  if (compiled) return compiled;
  const metadata = new Metadata() as unknown as PlanMetadata;
  metadata.selectNumberingPlan(countryOrCallingCode);
  const types = new Map<string, CompiledType>();
  for (const type of ['FIXED_LINE', ...NON_FIXED_LINE_TYPES]) {
    const definition = metadata.type(type);
    if (definition?.pattern()) types.set(type, { pattern: whole(definition.pattern()), lengths: definition.possibleLengths() });
  }
  const mobile = metadata.type('MOBILE');
  compiled = {
    nationalNumber: whole(metadata.nationalNumberPattern()),
    hasTypes: metadata.hasTypes(),
    mobileSameAsFixedLine: !mobile || mobile.pattern() === '',
    types,
  };
  plans.set(countryOrCallingCode, compiled);
  return compiled;
}

function isType(p: CompiledPlan, type: string, nationalNumber: string): boolean {
  const t = p.types.get(type);
  if (!t) return false;
  if (t.lengths && !t.lengths.includes(nationalNumber.length)) return false;
  return t.pattern.test(nationalNumber);
}

/** PhoneNumber.getType(): the type of a national (significant) number, undefined when it is not valid. */
export function numberType(countryOrCallingCode: string, nationalNumber: string): NumberType {
  const p = plan(countryOrCallingCode);
  if (!p.nationalNumber.test(nationalNumber)) return undefined;
  if (isType(p, 'FIXED_LINE', nationalNumber)) {
    return p.mobileSameAsFixedLine || isType(p, 'MOBILE', nationalNumber) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  for (const type of NON_FIXED_LINE_TYPES) if (isType(p, type, nationalNumber)) return type;
  return undefined;
}

/** PhoneNumber.isValid(): typed plans need a type; plans without type patterns only the national pattern. */
export function isValidNumber(countryOrCallingCode: string, nationalNumber: string): boolean {
  const p = plan(countryOrCallingCode);
  return p.hasTypes ? numberType(countryOrCallingCode, nationalNumber) !== undefined : p.nationalNumber.test(nationalNumber);
}
