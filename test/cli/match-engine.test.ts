import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, ROOT, SAMPLE, SAMPLE_FILES, crm, tempDir } from './helpers.js';

const readCsv = (path: string): Record<string, string>[] => parse(readFileSync(path), { columns: true, bom: true });
const FEBRL1 = join(ROOT, 'fixtures/febrl/dataset1.csv');

describe('crmclean eval: accuracy against ground truth, zero labels, default settings', () => {
  it('FEBRL dataset1 (rec_id is the truth column and is never used for matching)', () => {
    const r = crm(['eval', FEBRL1, '--truth', 'rec_id', '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.records).toBe(1000);
    expect(e.truePairs).toBe(500);
    expect(e.precision).toBeGreaterThan(0.97);
    expect(e.recall).toBeGreaterThan(0.95);
  });

  it('the bundled Chinese + Latin sample, with a truth file', () => {
    const r = crm(['eval', ...SAMPLE_FILES, '--truth', join(SAMPLE, 'truth.csv'), '--json', '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).f1).toBeGreaterThan(0.93);
  });

  it('names the columns it saw when the truth column does not exist', () => {
    const r = crm(['eval', FEBRL1, '--truth', 'entity_id', '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no input file has a column "entity_id"/);
  });
});

describe('steward decisions, saved models and explanations', () => {
  let out: string;
  let mapping: Record<string, string>[];
  const idOf = (ref: string) => mapping.find((m) => `${m.source}:${m.row}` === ref)!.golden_id;
  beforeAll(() => {
    out = tempDir();
    expect(crm(['dedupe', ...SAMPLE_FILES, '--out', out, '-q', '--as-of', AS_OF]).status).toBe(0);
    mapping = readCsv(join(out, 'mapping.csv'));
  });

  it('a decisions file always wins: forced match merges, forced no-match splits', () => {
    const byGolden = new Map<string, string[]>();
    for (const m of mapping) byGolden.set(m.golden_id, [...(byGolden.get(m.golden_id) ?? []), `${m.source}:${m.row}`]);
    const pair = [...byGolden.values()].find((refs) => refs.length === 2)!;
    const [x, y] = [...byGolden.values()].filter((refs) => refs.length === 1).map((r) => r[0]);
    const decisions = join(out, 'decisions.csv');
    writeFileSync(decisions, `left,right,decision\n${x},${y},match\n${pair[0]},${pair[1]},no-match\n`);
    const again = tempDir();
    const r = crm(['dedupe', ...SAMPLE_FILES, '--out', again, '-q', '--as-of', AS_OF, '--decisions', decisions]);
    expect(r.status, r.stderr).toBe(0);
    const m2 = readCsv(join(again, 'mapping.csv'));
    const id2 = (ref: string) => m2.find((m) => `${m.source}:${m.row}` === ref)!.golden_id;
    expect(idOf(x)).not.toBe(idOf(y));
    expect(id2(x)).toBe(id2(y));
    expect(idOf(pair[0])).toBe(idOf(pair[1]));
    expect(id2(pair[0])).not.toBe(id2(pair[1]));
  });

  it('a decision naming a record that is not in the input is an error with file and line', () => {
    const decisions = join(out, 'bad-decisions.csv');
    writeFileSync(decisions, 'left,right,decision\ncrm_sales.csv:1,nowhere.csv:9,match\n');
    const r = crm(['dedupe', ...SAMPLE_FILES, '--out', tempDir(), '-q', '--decisions', decisions]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/bad-decisions\.csv:2: record "nowhere\.csv:9" is not in this run's input/);
  });

  it('reusing model.json gives the same result without re-estimating', () => {
    const again = tempDir();
    const r = crm(['dedupe', ...SAMPLE_FILES, '--out', again, '--as-of', AS_OF, '--model', join(out, 'model.json')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/reused the saved model/);
    expect(readFileSync(join(again, 'mapping.csv'))).toEqual(readFileSync(join(out, 'mapping.csv')));
  });

  it('rejects a model file that is not a crmclean model', () => {
    const bad = join(out, 'not-a-model.json');
    writeFileSync(bad, '{"version": 99}');
    const r = crm(['dedupe', ...SAMPLE_FILES, '--out', tempDir(), '-q', '--model', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not-a-model\.json is not a crmclean model\.json/);
  });

  it('explain shows each field’s level and weight for a golden record, masked', () => {
    const multi = mapping.find((m) => mapping.filter((x) => x.golden_id === m.golden_id).length > 1)!;
    const r = crm(['explain', ...SAMPLE_FILES, '--id', multi.golden_id, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(multi.golden_id);
    expect(r.stdout).toMatch(/name\s+\S+\s+[+-]\d+\.\d\d/);
    expect(r.stdout).toMatch(/match probability \d+\.\d\d%/);
    expect(r.stdout).not.toMatch(/1[3-9]\d{9}/); // no full mobile number
  });

  it('explain masks the owner and extra columns as free text, unless --unmask', () => {
    const file = join(tempDir(), 'owners.csv');
    const remarks = '客户另一号码13987654321 邮箱 other.mail@163.com';
    writeFileSync(file, `客户姓名,手机,邮箱,负责人,备注\n范欣,18405437766,fanxin@163.com,rep.li@corp.example.com,${remarks}\n范欣,18405437766,fanxin@163.com,rep.li@corp.example.com,\n张伟,13912873460,zw@qq.com,S042,\n`);
    const masked = crm(['explain', file, '--id', 'G000001', '-q']);
    expect(masked.status, masked.stderr).toBe(0);
    expect(masked.stdout).toMatch(/owner\s+r\*\*\*@corp\.example\.com\s+from owners\.csv:1/);
    expect(masked.stdout).toMatch(/备注\s+客户另一号码139\*\*\*\*4321 邮箱 o\*\*\*@163\.com\s+from owners\.csv:1/);
    for (const secret of ['rep.li@', '13987654321', 'other.mail@']) expect(masked.stdout).not.toContain(secret);
    const unmasked = crm(['explain', file, '--id', 'G000001', '-q', '--unmask']);
    expect(unmasked.stdout).toContain('rep.li@corp.example.com');
    expect(unmasked.stdout).toContain(remarks);
  });
});
