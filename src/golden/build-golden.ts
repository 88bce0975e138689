import type { Lineage, NormalizedRecord } from '../model/record.js';
import type { MatchResult } from '../model/match.js';
import { ADDRESS_PARTS } from './golden-fields.js';
import { GoldenTable, type GoldenOptions } from './golden-table.js';

export type { GoldenOptions } from './golden-table.js';

export interface Provenance {
  source: string;
  row: number;
  /** The survivorship rule that decided between differing values, or "only_value" / "all_agree". */
  rule: string;
}

export interface GoldenRecord {
  goldenId: string;
  members: Lineage[];
  values: Record<string, string>;
  provenance: Record<string, Provenance>;
  /** Fields whose members hold more than one distinct value. */
  conflicts: string[];
  /** Latest update among the members. */
  updatedAt: string | null;
}

/** One golden record per cluster, in cluster order, with per-field provenance. */
export function buildGoldenRecords(records: readonly NormalizedRecord[], match: Pick<MatchResult, 'clusters'>, opts: GoldenOptions = {}): GoldenRecord[] {
  const table = new GoldenTable(records, match.clusters, opts);
  return match.clusters.map((_, c) => goldenRecord(table, c));
}

/** Cluster c of the table as a golden record. */
export function goldenRecord(table: GoldenTable, c: number): GoldenRecord {
  const values: Record<string, string> = {};
  const provenance: Record<string, Provenance> = {};
  const slotValues: (string | null)[] = [];
  table.valuesOf(c, slotValues);
  table.slots.forEach((slot, s) => {
    const value = slotValues[s];
    if (value === null) return;
    values[slot.name] = value;
    if (slot.provenance) {
      const { source, row } = table.origin(c, s);
      provenance[slot.name] = { source, row, rule: table.rule(c, s) };
    }
  });
  return {
    goldenId: table.goldenId(c),
    members: table.clusters[c].map((i) => ({ source: table.records[i].source, row: table.records[i].row, line: table.records[i].line })),
    values,
    provenance,
    conflicts: table.conflicts(c),
    updatedAt: table.updatedAt(c),
  };
}

const CORE_COLUMNS = ['golden_id', 'name', 'company', 'phone', 'phone2', 'email', 'address', ...ADDRESS_PARTS, 'id_number', 'birth_date', 'gender', 'owner', 'updated_at'];

/** What a golden.csv row is made of: a built golden record, or one a master keeps (members summarised). */
export interface GoldenRowSource {
  goldenId: string;
  values: Record<string, string>;
  provenance: Record<string, Provenance>;
  recordCount: number;
  /** Source files of the members, in order of first appearance. */
  sources: readonly string[];
}

export function goldenRowSource(g: GoldenRecord): GoldenRowSource {
  return { goldenId: g.goldenId, values: g.values, provenance: g.provenance, recordCount: g.members.length, sources: [...new Set(g.members.map((m) => m.source))] };
}

/** golden.csv columns: the core fields, the count and sources, provenance, then pass-through columns. */
export function goldenColumns(golden: readonly Pick<GoldenRowSource, 'values'>[]): string[] {
  const present = new Set<string>();
  for (const g of golden) for (const k of Object.keys(g.values)) present.add(k);
  return columnsOfPresent(present);
}

/** goldenColumns from the value names the golden records have, in order of first appearance (record by record, each in its key order). */
export function columnsOfPresent(present: ReadonlySet<string>): string[] {
  const core = CORE_COLUMNS.filter((c) => c === 'golden_id' || present.has(c));
  const extras = [...present].filter((k) => !CORE_COLUMNS.includes(k));
  return [...core, 'record_count', 'sources', 'provenance', ...extras.filter((k) => !['record_count', 'sources', 'provenance'].includes(k))];
}

export function goldenToRow(g: GoldenRowSource): Record<string, string> {
  return {
    ...g.values,
    golden_id: g.goldenId,
    record_count: String(g.recordCount),
    sources: g.sources.join(';'),
    provenance: provenanceText(Object.keys(g.provenance), Object.values(g.provenance)),
  };
}

/** Where a golden value came from: a source file and its data row. */
export interface Origin {
  source: string;
  row: number;
}

/**
 * The provenance column for the first `count` fields and where each value came
 * from. Most values of a golden record come from one row, all of them for a
 * customer found once: that row is written once, first, as `*=source:row`
 * ("every other field with a value"), then `field=source:row` for each value
 * from another row, in field order. Of rows giving equally many values, the
 * first in field order is the `*` one.
 */
export function provenanceText(fields: readonly string[], origins: readonly Origin[], count = fields.length): string {
  if (count === 0) return '';
  const main = origins[mainOrigin(origins, count)];
  let text = `*=${main.source}:${main.row}`;
  for (let k = 0; k < count; k++) {
    const o = origins[k];
    if (!sameRow(o, main)) text += `;${fields[k]}=${o.source}:${o.row}`;
  }
  return text;
}

/** Index of the first origin of the row giving most of the first `count` values. */
function mainOrigin(origins: readonly Origin[], count: number): number {
  let best = 0;
  let bestCount = 0;
  // A row first seen at k gives at most count - k values: once that cannot beat the best, stop.
  for (let k = 0; k < count && count - k > bestCount; k++) {
    let seenBefore = false;
    for (let j = 0; j < k && !seenBefore; j++) seenBefore = sameRow(origins[j], origins[k]);
    if (seenBefore) continue;
    let n = 0;
    for (let j = k; j < count; j++) if (sameRow(origins[j], origins[k])) n++;
    if (n > bestCount) {
      best = k;
      bestCount = n;
    }
  }
  return best;
}

function sameRow(a: Origin, b: Origin): boolean {
  return a === b || (a.row === b.row && a.source === b.source);
}
