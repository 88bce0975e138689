import type { NormalizedRecord } from '../model/record.js';
import type { CsvCell } from '../io/csv-output.js';
import type { GoldenTable } from './golden-table.js';
import { columnsOfPresent, provenanceText } from './build-golden.js';

export interface GoldenCsv {
  columns: string[];
  /**
   * One row of cells per golden record, in `columns` order: one array refilled
   * for each row (read a row before asking for the next), since a million new
   * arrays would only feed the garbage collector.
   */
  rows: () => Iterable<readonly CsvCell[]>;
}

/**
 * golden.csv read straight off the table: the columns goldenColumns and the
 * cells goldenToRow give for the golden records, without building them.
 *
 * A golden record's values are an object filled slot by slot, and its
 * provenance column lists them in that object's key order: keys that are array
 * indices ("2024") first, ascending, then the others where first set. A
 * pass-through column may share a field's name ("phone" once the phone
 * columns are taken): then the later value replaces the earlier one in place.
 */
export function goldenCsv(table: GoldenTable): GoldenCsv {
  const { slots } = table;
  const keyOrder = slots.map((_, s) => s).sort((a, b) => {
    const ra = indexKeyRank(slots[a].name);
    const rb = indexKeyRank(slots[b].name);
    return ra === rb ? a - b : ra < rb ? -1 : 1;
  });
  // The values of the golden record being read, slot by slot.
  const values: (string | null)[] = slots.map(() => null);
  const present = new Set<string>();
  const names = new Set(slots.map((s) => s.name)).size;
  for (let c = 0; c < table.size && present.size < names; c++) {
    table.valuesOf(c, values);
    for (const s of keyOrder) if (values[s] !== null) present.add(slots[s].name);
  }
  const columns = columnsOfPresent(present);

  const named = (name: string, provenance: boolean) => keyOrder.filter((s) => slots[s].name === name && (!provenance || slots[s].provenance));
  const lastValue = (same: readonly number[]) => {
    let value: string | null = null;
    for (const s of same) value = values[s] ?? value;
    return value;
  };
  const provenanceSlots = keyOrder.filter((s) => slots[s].provenance).map((s) => ({ s, name: slots[s].name, same: named(slots[s].name, true) }));
  // The provenance entries of the golden record being read: field names and the members their values came from.
  const provenanceFields: string[] = [];
  const provenanceOrigins: NormalizedRecord[] = [];
  const provenance = (c: number) => {
    let count = 0;
    for (const { s, name, same } of provenanceSlots) {
      if (values[s] === null) continue;
      let from = s;
      if (same.length > 1) {
        const set = same.filter((x) => values[x] !== null);
        if (set[0] !== s) continue;
        from = set[set.length - 1];
      }
      provenanceFields[count] = name;
      provenanceOrigins[count++] = table.origin(c, from);
    }
    return provenanceText(provenanceFields, provenanceOrigins, count);
  };

  // Per column, the slot whose value it shows, or -1 and how the cell is made.
  const slotOf = new Int32Array(columns.length).fill(-1);
  const made = columns.map((column, k): ((c: number) => CsvCell) | null => {
    if (column === 'golden_id') return (c) => table.goldenId(c);
    if (column === 'record_count') return (c) => String(table.clusters[c].length);
    if (column === 'sources') return (c) => sourcesOf(table, c);
    if (column === 'provenance') return provenance;
    const same = named(column, false);
    if (same.length > 1) return () => lastValue(same);
    slotOf[k] = same[0];
    return null;
  });
  return {
    columns,
    rows: function* () {
      const cells: CsvCell[] = columns.map(() => null);
      for (let c = 0; c < table.size; c++) {
        table.valuesOf(c, values);
        for (let k = 0; k < cells.length; k++) cells[k] = slotOf[k] >= 0 ? values[slotOf[k]] : made[k]!(c);
        yield cells;
      }
    },
  };
}

/** Source files of the members, in order of first appearance, `;`-separated. */
function sourcesOf(table: GoldenTable, c: number): string {
  const members = table.clusters[c];
  if (members.length === 1) return table.records[members[0]].source;
  const sources: string[] = [];
  for (const i of members) if (!sources.includes(table.records[i].source)) sources.push(table.records[i].source);
  return sources.join(';');
}

const MAX_ARRAY_INDEX = 2 ** 32 - 2;

/** Where a key goes in an object's key order: array indices first, by value; any other key after them (Infinity). */
function indexKeyRank(key: string): number {
  const n = Number(key);
  return String(n) === key && Number.isInteger(n) && n >= 0 && n <= MAX_ARRAY_INDEX ? n : Infinity;
}
