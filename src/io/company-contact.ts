import type { CanonicalField } from '../model/fields.js';
import { headerText, normalizeHeader } from './header-names.js';
import { latinWords } from './header-guess.js';
import { CUSTOMER_NAME_HEADERS } from './header-synonyms.js';

/**
 * B2B exports name the customer organisation and the person to deal with side by side:
 * 客户名称（全称）+ 联系人 + 联系人手机号, Account Name + Contact Name, Customer + Contact,
 * Company + Contact Person. Read column by column, 客户名称 took `name`, so the company
 * became the person's name, the contact person an extra column and the contact's mobile
 * phone2 behind the company's switchboard.
 *
 * So the header row is read as a whole: where a contact-person column (a `name` header
 * about 联系人 / "contact") stands beside a customer-name column (客户名称, Customer:
 * CUSTOMER_NAME_HEADERS) or a company column, the customer-name column is the company,
 * and the contact's own phone and email columns (联系人手机号, Contact Phone, Contact
 * Email) claim phone and email before the company's. Without a contact-person column
 * nothing changes: 客户名称 alone is the customer's name.
 */
export interface HeaderRowReading {
  /** Each header's field after reading the row as a whole. */
  fields: (CanonicalField | null)[];
  /** Headers that claim their field before any other column (the contact person's phone and email). */
  first: boolean[];
}

const CONTACT_OWN: readonly (CanonicalField | null)[] = ['phone', 'email'];

export function readCompanyAndContact(headers: readonly string[], fields: readonly (CanonicalField | null)[]): HeaderRowReading {
  const contact = headers.map(isAboutContact);
  const customerName = headers.map((h, i) => fields[i] === 'name' && !contact[i] && CUSTOMER_NAME_HEADERS.has(normalizeHeader(h)));
  const hasContactPerson = headers.some((_, i) => contact[i] && fields[i] === 'name');
  const hasOrganisation = headers.some((_, i) => customerName[i] || fields[i] === 'company');
  if (!hasContactPerson || !hasOrganisation) return { fields: [...fields], first: headers.map(() => false) };
  return {
    fields: fields.map((f, i) => (customerName[i] ? 'company' : f)),
    first: headers.map((_, i) => contact[i] && CONTACT_OWN.includes(fields[i])),
  };
}

/** 联系人…, "Contact …" (not 联系电话 / 联系方式: a way of reaching the customer, not a person). */
function isAboutContact(header: string): boolean {
  return normalizeHeader(header).includes('联系人') || latinWords(headerText(header)).includes('contact');
}
