import type { NormalizedRecord } from '../model/record.js';
import { usageError } from '../model/errors.js';
import type { Candidate, SurvivorshipRule } from './candidate.js';
import { SURVIVORSHIP_RULES } from './rules/index.js';
import { ADDRESS_PARTS, GOLDEN_FIELDS, type CandidateSource, type GoldenField } from './golden-fields.js';
import { Ranker } from './rank.js';
import { float64s, int32s, uint8s } from '../model/big-arrays.js';

export interface GoldenOptions {
  sourcePriority?: readonly string[];
  /** Field → ordered survivorship rule ids, overriding the defaults. */
  policy?: Readonly<Record<string, readonly string[]>>;
  idPrefix?: string;
}

/** A value of the golden record, in the order golden records receive them. */
export interface GoldenSlot {
  name: string;
  /** The decision whose winning member supplies the value. */
  decision: number;
  /** The value from that member (`pick`: which of its values won), null when it has none. */
  read(r: NormalizedRecord, pick: number): string | null;
  /** Whether the value gets a provenance entry (all but updated_at). */
  provenance: boolean;
}

/** One choice made per cluster: a field by survivorship, the second phone, the latest update. */
interface Decision {
  name: string;
  /** Candidates and rules, for decisions made by survivorship. */
  source?: CandidateSource;
  rules?: readonly SurvivorshipRule[];
}

/**
 * A member's value as survivorship rules see it. Reused from decision to
 * decision (see `candidateAt`): hundreds of thousands of decisions need no
 * more candidate objects than the largest of them.
 */
class MemberCandidate implements Candidate {
  value = '';
  valid = false;
  index = -1;
  /** Which of the member's values this is. */
  pick = 0;
  private record: NormalizedRecord | null = null;

  constructor(private readonly table: GoldenTable) {}

  set(value: string, valid: boolean, index: number, pick: number, record: NormalizedRecord): void {
    this.value = value;
    this.valid = valid;
    this.index = index;
    this.pick = pick;
    this.record = record;
  }

  get source(): string {
    return this.record!.source;
  }

  get row(): number {
    return this.record!.row;
  }

  get updatedAt(): string | null {
    return this.record!.updatedAt;
  }

  get updatedTime(): number {
    return this.table.updatedTimeOf(this.index);
  }

  /** Worked out only for the rules that ask (most_complete), once per record. */
  get completeness(): number {
    return this.table.completenessOf(this.index);
  }
}

const CONFLICT = 0x80;

/**
 * Survivorship for every cluster, kept as numbers: per cluster and decision
 * the winning member, which of its values won, and the deciding rule. A
 * million records make some 700,000 clusters, whose golden records as objects
 * would live through many garbage collections (each copying them); values are
 * read back from the winning members when a golden record or a golden.csv line
 * is made. Most clusters are a single record holding one value per field at
 * most: nothing is decided or stored for them, their values are the record's
 * own ("only_value").
 */
export class GoldenTable {
  /** Clusters, and so golden records. */
  readonly size: number;
  readonly slots: readonly GoldenSlot[];
  private readonly decisions: readonly Decision[];
  /** The decision holding the member with the latest update. */
  private readonly latest: number;
  /** Per cluster, its row of decisions, or -1 for a single record whose values are its own. */
  private readonly row: Int32Array;
  private readonly winner: Int32Array;
  private readonly pick: Int32Array;
  /** Index into `labels`, with CONFLICT set when the members held differing values. */
  private readonly label: Uint8Array;
  /**
   * Per record and decision, how many values the record holds (see countOf),
   * read in one pass in record order: clusters visit their members in no
   * order, and reading a million records at random costs more than the reading.
   */
  private readonly counts: Uint8Array;
  private readonly labels: string[] = ['only_value'];
  /** Per record, worked out when first asked for: completeness (-1 until then), update time (Infinity until then). */
  private readonly completeness: Float64Array;
  private readonly updatedTime: Float64Array;
  private readonly ranker: Ranker<MemberCandidate>;
  /** Candidates of the decision being made, reused (see MemberCandidate). */
  private readonly candidates: MemberCandidate[] = [];
  readonly idWidth: number;
  readonly idPrefix: string;

  constructor(
    readonly records: readonly NormalizedRecord[],
    readonly clusters: readonly (readonly number[])[],
    opts: GoldenOptions = {},
  ) {
    const policies = resolvePolicies(opts.policy);
    const decisions: Decision[] = GOLDEN_FIELDS.map((f) => ({ name: f.name, source: f, rules: policies.get(f.name)! }));
    const slots: GoldenSlot[] = [];
    const phone2 = decisions.push({ name: 'phone2' }) - 1;
    GOLDEN_FIELDS.forEach((f, d) => {
      slots.push({ name: f.name, decision: d, read: f.value, provenance: true });
      if (f.name === 'phone') slots.push({ name: 'phone2', decision: phone2, read: f.value, provenance: true });
      if (f.name === 'address') {
        for (const part of ADDRESS_PARTS) slots.push({ name: part, decision: d, read: (r) => r.address[part] || null, provenance: true });
      }
    });
    for (const column of extraColumnsOf(records)) {
      const d = decisions.push({ name: column, source: extraColumn(column), rules: policies.get('*')! }) - 1;
      slots.push({ name: column, decision: d, read: (r) => r.extra[column].trim(), provenance: true });
    }
    this.latest = decisions.push({ name: 'updated_at' }) - 1;
    slots.push({ name: 'updated_at', decision: this.latest, read: (r) => r.updatedAt, provenance: false });

    this.size = clusters.length;
    this.slots = slots;
    this.decisions = decisions;
    this.counts = countValues(records, decisions, this.latest);
    const holdsSeveral = (i: number) => {
      for (let d = 0; d < decisions.length; d++) if (this.countOf(i, d) > 1) return true;
      return false;
    };
    this.row = int32s(this.size);
    let rows = 0;
    for (let c = 0; c < this.size; c++) {
      const members = clusters[c];
      this.row[c] = members.length > 1 || holdsSeveral(members[0]) ? rows++ : -1;
    }
    this.winner = int32s(rows * decisions.length).fill(-1);
    this.pick = int32s(rows * decisions.length);
    this.label = uint8s(rows * decisions.length);
    this.completeness = float64s(records.length).fill(-1);
    this.updatedTime = float64s(records.length).fill(Infinity);
    this.ranker = new Ranker(new Map((opts.sourcePriority ?? []).map((s, i) => [s, i])));
    this.idWidth = Math.max(6, String(this.size).length);
    this.idPrefix = opts.idPrefix ?? 'G';

    const phone = GOLDEN_FIELDS.findIndex((f) => f.name === 'phone');
    for (let c = 0; c < this.size; c++) {
      if (this.row[c] < 0) continue;
      const members = clusters[c];
      const at = this.row[c] * decisions.length;
      for (let d = 0; d < decisions.length; d++) {
        const { source, rules } = decisions[d];
        if (!source) continue;
        const ranked = this.decide(at, d, members, source, rules!);
        if (d === phone && ranked) {
          const second = this.ranker.runnerUp();
          if (second >= 0) {
            const { index, pick } = this.candidates[second];
            this.choose(at + phone2, index, pick, this.label[at + d] & ~CONFLICT);
          }
        }
      }
      this.chooseLatest(at + this.latest, members);
    }
  }

  goldenId(c: number): string {
    return goldenIdText(this.idPrefix, this.idWidth, c);
  }

  /** The latest update among the members of cluster c. */
  updatedAt(c: number): string | null {
    const row = this.row[c];
    const w = row < 0 ? this.clusters[c][0] : this.winner[row * this.decisions.length + this.latest];
    return w < 0 ? null : this.records[w].updatedAt || null;
  }

  /** The values of cluster c's golden record, slot by slot (null where it has none), into `values`. */
  valuesOf(c: number, values: (string | null)[]): void {
    const row = this.row[c];
    const slots = this.slots;
    if (row < 0) {
      const i = this.clusters[c][0];
      const r = this.records[i];
      for (let s = 0; s < slots.length; s++) values[s] = this.countOf(i, slots[s].decision) ? slots[s].read(r, 0) : null;
      return;
    }
    const base = row * this.decisions.length;
    for (let s = 0; s < slots.length; s++) {
      const at = base + slots[s].decision;
      const w = this.winner[at];
      values[s] = w < 0 ? null : slots[s].read(this.records[w], this.pick[at]);
    }
  }

  /** The member that supplied slot s of cluster c (where it has a value). */
  origin(c: number, s: number): NormalizedRecord {
    const row = this.row[c];
    return this.records[row < 0 ? this.clusters[c][0] : this.winner[row * this.decisions.length + this.slots[s].decision]];
  }

  /** The survivorship rule that decided slot s of cluster c, or "only_value" / "all_agree" / "input_order". */
  rule(c: number, s: number): string {
    const row = this.row[c];
    return row < 0 ? 'only_value' : this.labels[this.label[row * this.decisions.length + this.slots[s].decision] & ~CONFLICT];
  }

  /** Fields whose members hold more than one distinct value, sorted. */
  conflicts(c: number): string[] {
    const row = this.row[c];
    const names: string[] = [];
    if (row >= 0) for (let d = 0; d < this.decisions.length; d++) if (this.label[row * this.decisions.length + d] & CONFLICT) names.push(this.decisions[d].name);
    return names.sort();
  }

  /**
   * How many values record i holds for decision d: a field's values, 1 for
   * the latest update when it has a date, none for the second phone (a record
   * alone is no rival for its first). A count past what a byte holds (a cell
   * of hundreds of phone numbers) is read from the record again.
   */
  private countOf(i: number, d: number): number {
    const k = this.counts[i * this.decisions.length + d];
    return k < SATURATED ? k : this.decisions[d].source!.count(this.records[i]);
  }

  /** Decide field d of the cluster whose row starts at `at`; true when its candidates were ranked (the ranker then holds them). */
  private decide(at: number, d: number, members: readonly number[], source: CandidateSource, rules: readonly SurvivorshipRule[]): boolean {
    let total = 0;
    let first = -1;
    for (let m = 0; m < members.length; m++) {
      const k = this.countOf(members[m], d);
      if (k && first < 0) first = members[m];
      total += k;
    }
    if (total === 0) return false;
    if (total === 1) {
      this.choose(at + d, first, 0, 0);
      return false;
    }
    let n = 0;
    for (let m = 0; m < members.length; m++) {
      const i = members[m];
      const r = this.records[i];
      const k = this.countOf(i, d);
      for (let pick = 0; pick < k; pick++) this.candidateAt(n++).set(source.value(r, pick), source.valid(r, pick), i, pick, r);
    }
    const ranker = this.ranker;
    ranker.rank(this.candidates, n, rules);
    const winner = this.candidates[ranker.winner];
    this.choose(at + d, winner.index, winner.pick, this.labelOf(ranker.rule) | (ranker.distinct > 1 ? CONFLICT : 0));
    return true;
  }

  private candidateAt(n: number): MemberCandidate {
    return (this.candidates[n] ??= new MemberCandidate(this));
  }

  /** The latest update among the members. */
  private chooseLatest(at: number, members: readonly number[]): void {
    let latest: string | null = null;
    for (const i of members) {
      const u = this.records[i].updatedAt;
      if (u && (!latest || u > latest)) {
        latest = u;
        this.winner[at] = i;
      }
    }
  }

  private choose(at: number, winner: number, pick: number, label: number): void {
    this.winner[at] = winner;
    this.pick[at] = pick;
    this.label[at] = label;
  }

  private labelOf(rule: string): number {
    let x = this.labels.indexOf(rule);
    if (x < 0) x = this.labels.push(rule) - 1;
    return x;
  }

  completenessOf(i: number): number {
    if (this.completeness[i] < 0) this.completeness[i] = recordCompleteness(this.records[i]);
    return this.completeness[i];
  }

  /** A member's update date is compared in every decision of its cluster: parsed once. */
  updatedTimeOf(i: number): number {
    if (this.updatedTime[i] === Infinity) {
      const date = this.records[i].updatedAt;
      this.updatedTime[i] = date ? Date.parse(date) : -Infinity;
    }
    return this.updatedTime[i];
  }
}

const SATURATED = 255;

/** GoldenTable.counts, record by record. */
function countValues(records: readonly NormalizedRecord[], decisions: readonly Decision[], latest: number): Uint8Array {
  const width = decisions.length;
  const counts = uint8s(records.length * width);
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    for (let d = 0; d < width; d++) {
      const source = decisions[d].source;
      const k = source ? source.count(r) : d === latest && r.updatedAt ? 1 : 0;
      counts[i * width + d] = Math.min(k, SATURATED);
    }
  }
  return counts;
}

function extraColumn(column: string): CandidateSource {
  return { count: (r) => (r.extra[column]?.trim() ? 1 : 0), value: (r) => r.extra[column].trim(), valid: () => true };
}

function resolvePolicies(policy: GoldenOptions['policy']): Map<string, SurvivorshipRule[]> {
  const resolve = (field: string, ids: readonly string[]) =>
    ids.map((id) => {
      const rule = SURVIVORSHIP_RULES.get(id);
      if (!rule) throw usageError(`golden.fields.${field}: unknown survivorship rule "${id}"`, `Known rules: ${[...SURVIVORSHIP_RULES.keys()].join(', ')}.`);
      return rule;
    });
  const withPriority = (ids: readonly string[]) => (ids.includes('source_priority') ? ids : [ids[0], 'source_priority', ...ids.slice(1)]);
  const out = new Map<string, SurvivorshipRule[]>();
  const fields: (GoldenField | { name: string; rules: string[] })[] = [...GOLDEN_FIELDS, { name: '*', rules: ['most_recent', 'most_complete'] }];
  for (const f of fields) out.set(f.name, resolve(f.name, policy?.[f.name] ?? withPriority(f.rules)));
  for (const [field, ids] of Object.entries(policy ?? {})) if (!out.has(field)) out.set(field, resolve(field, ids));
  return out;
}

/** Share of the main fields the record fills, of these 7. */
function recordCompleteness(r: NormalizedRecord): number {
  let filled = 0;
  if (r.name.display && !r.name.placeholder) filled++;
  if (r.phones.some((p) => p.valid && !p.fake)) filled++;
  if (r.email.valid) filled++;
  if (r.address.display) filled++;
  if (r.company.display) filled++;
  if (r.idNumber?.valid) filled++;
  if (r.birthDate) filled++;
  return filled / 7;
}

/** Pass-through columns in order of first appearance. */
function extraColumnsOf(records: readonly NormalizedRecord[]): string[] {
  const seen = new Set<string>();
  // for-in, unlike Object.keys, makes no array per record; own keys in the same order.
  for (const r of records) for (const k in r.extra) seen.add(k);
  return [...seen];
}

/** Golden record c's id: the prefix and c + 1 padded to the width (G000001). */
export function goldenIdText(prefix: string, width: number, c: number): string {
  return `${prefix}${String(c + 1).padStart(width, '0')}`;
}
