import type { Lineage, NormalizedRecord } from '../model/record.js';
import type { MatchResult } from '../model/match.js';
import { usageError } from '../model/errors.js';
import type { Candidate, RuleContext, SurvivorshipRule } from './candidate.js';
import { SURVIVORSHIP_RULES } from './rules/index.js';
import { ADDRESS_PARTS, GOLDEN_FIELDS, type GoldenField } from './golden-fields.js';

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

export interface GoldenOptions {
  sourcePriority?: readonly string[];
  /** Field → ordered survivorship rule ids, overriding the defaults. */
  policy?: Readonly<Record<string, readonly string[]>>;
  idPrefix?: string;
}

/** One golden record per cluster, in cluster order, with per-field provenance. */
export function buildGoldenRecords(records: readonly NormalizedRecord[], match: Pick<MatchResult, 'clusters'>, opts: GoldenOptions = {}): GoldenRecord[] {
  const policies = resolvePolicies(opts.policy);
  const sourceRank = new Map((opts.sourcePriority ?? []).map((s, i) => [s, i]));
  const completeness = records.map(recordCompleteness);
  const extraColumns = extraColumnsOf(records);
  const width = Math.max(6, String(match.clusters.length).length);
  const prefix = opts.idPrefix ?? 'G';

  return match.clusters.map((members, c) => {
    const values: Record<string, string> = {};
    const provenance: Record<string, Provenance> = {};
    const conflicts: string[] = [];
    const candidatesOf = (get: (r: NormalizedRecord) => { value: string; valid: boolean }[]) =>
      members.flatMap((i) =>
        get(records[i]).map(({ value, valid }) => ({
          value,
          valid,
          index: i,
          source: records[i].source,
          row: records[i].row,
          updatedAt: records[i].updatedAt,
          completeness: completeness[i],
        })),
      );
    const decide = (name: string, candidates: Candidate[], rules: SurvivorshipRule[]) => {
      const ranked = rank(candidates, rules, sourceRank);
      if (!ranked) return null;
      values[name] = ranked.winner.value;
      provenance[name] = { source: ranked.winner.source, row: ranked.winner.row, rule: ranked.rule };
      if (ranked.distinct > 1) conflicts.push(name);
      return ranked;
    };

    for (const field of GOLDEN_FIELDS) {
      const ranked = decide(field.name, candidatesOf(field.values), policies.get(field.name)!);
      if (!ranked) continue;
      if (field.name === 'phone') {
        const second = ranked.order.find((x) => x.value !== ranked.winner.value && x.valid);
        if (second) {
          values.phone2 = second.value;
          provenance.phone2 = { source: second.source, row: second.row, rule: ranked.rule };
        }
      }
      if (field.name === 'address') {
        const a = records[ranked.winner.index].address;
        for (const part of ADDRESS_PARTS) {
          const v = a[part];
          if (v) {
            values[part] = v;
            provenance[part] = provenance.address;
          }
        }
      }
    }
    for (const column of extraColumns) {
      decide(column, candidatesOf((r) => (r.extra[column]?.trim() ? [{ value: r.extra[column].trim(), valid: true }] : [])), policies.get('*')!);
    }
    const updatedAt = members.reduce<string | null>((max, i) => {
      const u = records[i].updatedAt;
      return u && (!max || u > max) ? u : max;
    }, null);
    if (updatedAt) values.updated_at = updatedAt;
    return {
      goldenId: `${prefix}${String(c + 1).padStart(width, '0')}`,
      members: members.map((i) => ({ source: records[i].source, row: records[i].row, line: records[i].line })),
      values,
      provenance,
      conflicts: conflicts.sort(),
      updatedAt,
    };
  });
}

interface Ranked {
  winner: Candidate;
  order: Candidate[];
  rule: string;
  distinct: number;
}

/** Sort candidates by the rules in turn; report the rule that separated the winner from the first differing value. */
function rank(candidates: Candidate[], rules: SurvivorshipRule[], sourceRank: Map<string, number>): Ranked | null {
  if (!candidates.length) return null;
  const frequency = new Map<string, number>();
  for (const c of candidates) frequency.set(c.value, (frequency.get(c.value) ?? 0) + 1);
  const ctx: RuleContext = { frequency, sourceRank };
  const order = [...candidates].sort((x, y) => {
    for (const r of rules) {
      const d = r.rank(y, ctx) - r.rank(x, ctx);
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    return x.index - y.index || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0);
  });
  const winner = order[0];
  const rival = order.find((c) => c.value !== winner.value);
  let rule = frequency.size === 1 ? (candidates.length === 1 ? 'only_value' : 'all_agree') : 'input_order';
  if (rival) {
    const decisive = rules.find((r) => r.rank(winner, ctx) !== r.rank(rival, ctx));
    if (decisive) rule = decisive.id;
  }
  return { winner, order, rule, distinct: frequency.size };
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

function recordCompleteness(r: NormalizedRecord): number {
  const filled = [r.name.display && !r.name.placeholder, r.phones.some((p) => p.valid && !p.fake), r.email.valid, r.address.display, r.company.display, r.idNumber?.valid, r.birthDate];
  return filled.filter(Boolean).length / filled.length;
}

/** Pass-through columns in order of first appearance. */
function extraColumnsOf(records: readonly NormalizedRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.extra)) seen.add(k);
  return [...seen];
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
    provenance: Object.entries(g.provenance)
      .map(([field, p]) => `${field}=${p.source}:${p.row}`)
      .join(';'),
  };
}
