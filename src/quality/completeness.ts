import type { NormalizedRecord } from '../model/record.js';
import { QUALITY_FIELDS, hasRawValue, type QualityField } from './quality-fields.js';

/**
 * Completeness of one record: the importance-weighted share of the fields its
 * source has that hold a real value.
 *
 *   completeness(r) = Σ_{f ∈ F(s)} w_f · filled(r, f)  /  Σ_{f ∈ F(s)} w_f
 *
 * F(s) are the quality fields source s has a column for: from its column
 * mapping when the caller knows it, otherwise the fields at least one of its
 * records fills. A source without an email column is not marked down for
 * missing emails (overall completeness uses each record's own source fields).
 * w_f is the field's importance (phone 3, name 3, address 2, email 2,
 * id_number 1, company 1, birth_date 1, updated_at 1, gender 0; config
 * `quality.importance` overrides). A placeholder (李先生, 13800138000,
 * test@test.com, 无) counts as missing; an invalid value counts as filled —
 * it is validity's problem, not counted twice.
 *
 * Per source, owner and overall: the mean over records. Per field: filled /
 * records whose source has the field.
 */
export type FieldState = 'absent' | 'missing' | 'placeholder' | 'filled';

const PLACEHOLDER_CODE = new Map(QUALITY_FIELDS.map((f) => [f.field, `${f.field}.placeholder`]));

export function isPlaceholder(r: NormalizedRecord, f: QualityField): boolean {
  switch (f.field) {
    case 'name':
      return r.name.placeholder;
    case 'email':
      return r.email.placeholder;
    case 'phone':
      // One real number beside a made-up one is a phone.
      return r.phones.length > 0 && r.phones.every((p) => p.fake);
    default: {
      const code = PLACEHOLDER_CODE.get(f.field);
      for (const i of r.issues) if (i.code === code) return true;
      return false;
    }
  }
}

/** `expected` says whether the record's source has the field at all. */
export function fieldState(r: NormalizedRecord, f: QualityField, expected: boolean): FieldState {
  if (!expected) return 'absent';
  if (!hasRawValue(r, f)) return 'missing';
  return isPlaceholder(r, f) ? 'placeholder' : 'filled';
}

/** Importance per quality field, defaults overridden by the config. */
export function importanceWeights(overrides: Record<string, number> | undefined): number[] {
  return QUALITY_FIELDS.map((f) => overrides?.[f.field] ?? f.importance);
}

/**
 * Per source, which quality fields it has. `columns` (the canonical fields its
 * mapping uses) decides when given; otherwise a field counts when any record
 * of the source fills it, looked for — for every such source in one pass over
 * the records — when one is first asked about: a run gives every source its
 * columns, and then no record is read for this.
 */
export function expectedFieldsBySource(
  records: readonly NormalizedRecord[],
  sources: readonly { source: string; columns?: readonly string[] }[],
): (source: string) => readonly boolean[] {
  const expected = new Map<string, boolean[]>();
  for (const s of sources) {
    if (s.columns) expected.set(s.source, QUALITY_FIELDS.map((f) => f.columns.some((c) => s.columns!.includes(c))));
  }
  const mapped = new Set(expected.keys());
  let inferred = false;
  const infer = () => {
    inferred = true;
    for (const r of records) {
      if (mapped.has(r.source)) continue;
      let e = expected.get(r.source);
      if (!e) expected.set(r.source, (e = QUALITY_FIELDS.map(() => false)));
      for (let x = 0; x < QUALITY_FIELDS.length; x++) if (!e[x] && hasRawValue(r, QUALITY_FIELDS[x])) e[x] = true;
    }
  };
  return (source) => {
    if (!inferred && !expected.has(source)) infer();
    let e = expected.get(source);
    if (!e) expected.set(source, (e = QUALITY_FIELDS.map(() => false)));
    return e;
  };
}

/** Weighted share of expected fields filled; 1 when the source has none of the fields (nothing was asked of it). */
export function recordCompleteness(states: readonly FieldState[], importance: readonly number[]): number {
  let weight = 0;
  let got = 0;
  for (let x = 0; x < states.length; x++) {
    if (states[x] === 'absent') continue;
    weight += importance[x];
    if (states[x] === 'filled') got += importance[x];
  }
  return weight ? got / weight : 1;
}
