/**
 * Last line of defence for logs and error messages: mask anything in free text
 * that looks like a phone number, a Chinese ID number or an email address.
 */
const ID_NUMBER = /\b(\d{4})\d{10}(\d{3}[\dXx])\b/g;
const PHONE = /(?<![\d])(\+?\d{0,4}[- ]?)?(1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)/g;
const EMAIL = /\b([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g;

export function maskFreeText(s: string): string {
  return s
    .replace(ID_NUMBER, '$1**********$2')
    .replace(PHONE, (_m, _cc, head: string, tail: string) => `${head}****${tail}`)
    .replace(EMAIL, '$1***@$2');
}
