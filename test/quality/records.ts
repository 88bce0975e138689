import type { Issue, NormalizedRecord } from '../../src/model/record.js';
export { name, phone, rec } from '../golden/record-helper.js';

export const email = (value: string | null, o: { valid?: boolean; placeholder?: boolean } = {}): NormalizedRecord['email'] => ({
  value,
  valid: o.valid ?? value !== null,
  placeholder: o.placeholder ?? false,
});

/** Issues as a normalizer raises them: the field is the code's prefix. */
export const issues = (...codes: string[]): Issue[] => codes.map((code) => ({ field: code.split('.')[0], code, message: 'a problem' }));
