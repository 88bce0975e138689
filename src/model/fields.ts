/**
 * The canonical customer fields every source is mapped onto. Import maps source
 * headers to these names; everything else passes through untouched as `extra`.
 */
export const CANONICAL_FIELDS = [
  'name', // full person name (Chinese or Latin)
  'given_name',
  'surname',
  'company',
  'phone', // may hold several numbers
  'phone2',
  'email',
  'address', // free-text address line(s)
  'address_2',
  'street_number',
  'province',
  'city',
  'district',
  'suburb',
  'state',
  'postcode',
  'country',
  'id_number', // Chinese resident ID (or other national id)
  'birth_date',
  'gender',
  'updated_at', // last update / last contact
  'created_at',
  'owner', // record owner, e.g. sales-rep code
  'customer_id', // the source system's own key (pass-through, never used for matching)
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export function isCanonicalField(s: string): s is CanonicalField {
  return (CANONICAL_FIELDS as readonly string[]).includes(s);
}
