import type { GoldenRecord, Provenance } from '../golden/build-golden.js';

/**
 * A golden record as the master keeps it: values and provenance, plus how many
 * source records stand behind it and from which files (members live in the
 * record segments). One JSON line per golden record in goldens-NNNNNN.ndjson.
 */
export interface StoredGolden {
  id: string;
  values: Record<string, string>;
  provenance: Record<string, Provenance>;
  conflicts: string[];
  updatedAt: string | null;
  records: number;
  sources: string[];
  /** The run that last built it. */
  run: number;
}

/** A tombstone: this golden id is now the customer `into` (a redirect for downstream systems). */
export interface MergeEntry {
  id: string;
  mergedInto: string;
  run: number;
  asOf: string;
  /** The record that showed the two customers are one, as "file:row". */
  evidence: string;
}

export type GoldenLine = StoredGolden | MergeEntry;

export function isMerge(line: GoldenLine): line is MergeEntry {
  return 'mergedInto' in line;
}

export function storedGolden(g: GoldenRecord, run: number): StoredGolden {
  return {
    id: g.goldenId,
    values: g.values,
    provenance: g.provenance,
    conflicts: g.conflicts,
    updatedAt: g.updatedAt,
    records: g.members.length,
    sources: [...new Set(g.members.map((m) => m.source))],
    run,
  };
}

/** Follows merges to the id a customer has today. */
export class IdRedirects {
  private readonly into = new Map<string, string>();

  add(from: string, to: string): void {
    this.into.set(from, to);
  }

  resolve(id: string): string {
    let current = id;
    for (let hops = 0; hops <= this.into.size; hops++) {
      const next = this.into.get(current);
      if (next === undefined) return current;
      current = next;
    }
    throw new Error(`merge redirects form a cycle at ${id}`);
  }
}
