import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../fixtures/synth/index.js';
import { crm, tempDir } from '../cli/helpers.js';

/**
 * Three nights against one master, on generated exports plus a hand-written
 * VIP export whose customers the checks follow:
 *   night 1  starts the master;
 *   night 2  the same full exports again (rows shifted by an inserted row), one
 *            customer's phone edited, two first-time customers in a new web shop export;
 *   night 3  a web order carrying 赵敏's phone and her other email shows that two
 *            existing golden records (different cities, no shared identifier) are one person.
 */

const VIP_HEADER = '客户姓名,手机,邮箱,地址,更新时间';
const WANG = '王建国,13915826473,wjg1970@163.com,浙江省杭州市西湖区文三路100号,2026-01-05';
const WANG_EDITED = '王建国,13761940385,wjg1970@163.com,浙江省杭州市西湖区文三路100号,2026-11-02';
const ZHAO_CHENGDU = '赵敏,13652718490,,四川省成都市武侯区科华北路65号,2025-12-01';
const ZHAO_SHANGHAI = '赵敏,,zhaomin88@qq.com,上海市浦东新区世纪大道1号,2026-02-14';
const LIN = '林晓峰,13581729046,linxf@126.com,广东省深圳市南山区科技园路8号,2026-03-03';
const WEB_HEADER = 'name,mobile,email,address,updated';
const NEW_A = '刘洋,15820937461,liuyang.sz@qq.com,广东省广州市天河区体育西路12号,2026-11-02';
const NEW_B = 'Oliver Bennett,+44 7700 900123,oliver.bennett@example.org,"14 Harbour Street, Whitby YO21 3PU",2026-11-02';
const ZHAO_BRIDGE = '赵敏,13652718490,zhaomin88@qq.com,,2026-11-03';

type Row = Record<string, string>;
const readCsv = (path: string): Row[] => parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Row[];
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

let root: string;
let backgroundFiles: string[];
let master: string;
const nights: Record<number, { dir: string; files: string[] }> = {};

function writeNight(n: number, vip: string[], web: string[] | null): void {
  const dir = join(root, `night${n}`);
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'background'), dir, { recursive: true });
  writeFileSync(join(dir, 'vip.csv'), [VIP_HEADER, ...vip].join('\n') + '\n');
  if (web) writeFileSync(join(dir, 'web.csv'), [WEB_HEADER, ...web].join('\n') + '\n');
  const files = [...backgroundFiles, 'vip.csv', ...(web ? ['web.csv'] : [])].map((f) => join(dir, f));
  nights[n] = { dir, files };
}

function runNight(n: number, asOf: string, extra: string[] = []) {
  const out = join(root, `out${n}`);
  const r = crm(['match', ...nights[n].files, '--master', master, '--out', out, '--as-of', asOf, '-q', ...extra]);
  return { r, out };
}

/** golden id of the VIP row holding `text`, from that night's mapping. */
function idOf(out: string, night: number, line: string): string {
  const vip = readFileSync(join(nights[night].dir, 'vip.csv'), 'utf8').split('\n');
  const row = vip.indexOf(line); // line 0 is the header, so the index is the data row number
  expect(row, line).toBeGreaterThan(0);
  return readCsv(join(out, 'mapping.csv')).find((m) => m.source === 'vip.csv' && m.row === String(row))!.golden_id;
}

beforeAll(() => {
  root = tempDir('crmclean-nightly-');
  master = join(root, 'master');
  const background = generateDataset({ seed: 11, entities: 700, duplicateRate: 0.3 });
  mkdirSync(join(root, 'background'));
  for (const f of background.files) writeFileSync(join(root, 'background', f.name), f.bytes);
  backgroundFiles = background.files.map((f) => f.name);
  writeNight(1, [WANG, ZHAO_CHENGDU, ZHAO_SHANGHAI, LIN], null);
  // Night 2: an inserted row shifts every VIP row down by one.
  writeNight(2, [LIN, WANG_EDITED, ZHAO_CHENGDU, ZHAO_SHANGHAI, LIN], [NEW_A, NEW_B]);
  writeNight(3, [LIN, WANG_EDITED, ZHAO_CHENGDU, ZHAO_SHANGHAI, LIN], [NEW_A, NEW_B, ZHAO_BRIDGE]);
});

describe('three nights against one golden master', () => {
  let night1: { out: string; ids: Map<string, string> };
  let night2Out: string;

  it('night 1 starts the master: every row is new, ids are unique, the id counter is saved', () => {
    const { r, out } = runNight(1, '2026-11-01');
    expect(r.status, r.stderr).toBe(0);
    const mapping = readCsv(join(out, 'mapping.csv'));
    expect(mapping.every((m) => m.status === 'new')).toBe(true);
    const golden = readCsv(join(out, 'golden.csv'));
    expect(new Set(golden.map((g) => g.golden_id)).size).toBe(golden.length);
    expect(new Set(mapping.map((m) => m.golden_id))).toEqual(new Set(golden.map((g) => g.golden_id)));
    const meta = readJson(join(master, 'master.json'));
    expect(meta).toMatchObject({ format: 'crmclean-master', version: 3, rawGoldensFrom: 1, nextId: golden.length + 1 });
    expect(meta.history).toHaveLength(1);
    expect(existsSync(join(master, 'model.json'))).toBe(true);
    // Different cities and no shared identifier: two customers tonight.
    expect(idOf(out, 1, ZHAO_CHENGDU)).not.toBe(idOf(out, 1, ZHAO_SHANGHAI));
    const ids = new Map<string, string>();
    for (const m of mapping) ids.set(rowKey(1, m.source, Number(m.row)), m.golden_id);
    night1 = { out, ids };
  });

  it('night 2 keeps every known customer’s id, flags existing and first-time customers, and reports the edited phone', () => {
    const { r, out } = runNight(2, '2026-11-02');
    expect(r.status, r.stderr).toBe(0);
    night2Out = out;
    const mapping = readCsv(join(out, 'mapping.csv'));
    // Every row that was in night 1 (same file, same content) has the same customer id.
    let carried = 0;
    for (const m of mapping) {
      const before = night1.ids.get(rowKey(2, m.source, Number(m.row)));
      if (before === undefined) continue;
      carried++;
      expect(m.golden_id, `${m.source}:${m.row}`).toBe(before);
      expect(m.status).toBe('existing');
    }
    // Every night-1 row but the edited one is there again, and LIN twice.
    expect(carried).toBe(night1.ids.size);

    const wang = idOf(night1.out, 1, WANG);
    expect(idOf(out, 2, WANG_EDITED)).toBe(wang);
    const web = mapping.filter((m) => m.source === 'web.csv');
    expect(web.map((m) => m.status)).toEqual(['new', 'new']);
    const oldIds = new Set(night1.ids.values());
    const night1Next = readJson(join(night1.out, 'changes.json')).newCustomers.length + 1;
    for (const m of web) {
      expect(oldIds.has(m.golden_id)).toBe(false);
      expect(Number(m.golden_id.slice(1))).toBeGreaterThanOrEqual(night1Next);
    }
    expect(web[0].golden_id).not.toBe(web[1].golden_id);

    const changes = readJson(join(out, 'changes.json'));
    expect(changes.newCustomers).toEqual(expect.arrayContaining(web.map((m) => m.golden_id)));
    expect(changes.counts.newCustomers).toBe(2);
    expect(changes.merged).toEqual([]);
    const phone = changes.changed.find((c: { goldenId: string; field: string }) => c.goldenId === wang && c.field === 'phone');
    // The newer record wins the phone; values are masked in the change report.
    expect(phone).toEqual({ goldenId: wang, field: 'phone', before: '139****6473', after: '137****0385' });
    const golden = readCsv(join(out, 'golden.csv'));
    expect(golden.find((g) => g.golden_id === wang)!.phone).toBe("'+8613761940385");

    const report = readJson(join(out, 'report.json'));
    expect(report.changes).toMatchObject({ newCustomers: 2 });
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Changes since the last run');
  });

  it('night 3 finds two existing golden records are one person: the older id survives, the other redirects', () => {
    const { r, out } = runNight(3, '2026-11-03');
    expect(r.status, r.stderr).toBe(0);
    const chengdu = idOf(night2Out, 2, ZHAO_CHENGDU);
    const shanghai = idOf(night2Out, 2, ZHAO_SHANGHAI);
    const [older, younger] = [chengdu, shanghai].sort();
    expect(idOf(out, 3, ZHAO_CHENGDU)).toBe(older);
    expect(idOf(out, 3, ZHAO_SHANGHAI)).toBe(older);
    const bridge = readCsv(join(out, 'mapping.csv')).find((m) => m.source === 'web.csv' && m.row === '3')!;
    expect(bridge).toMatchObject({ golden_id: older, status: 'existing' });

    expect(readCsv(join(out, 'merges.csv'))).toEqual([{ merged_id: younger, into_id: older, run: '3', as_of: '2026-11-03', evidence: 'web.csv:3' }]);
    const changes = readJson(join(out, 'changes.json'));
    expect(changes.merged).toEqual([{ from: younger, into: older, evidence: 'web.csv:3' }]);
    expect(changes.newCustomers).toEqual([]);
    const golden = readCsv(join(out, 'golden.csv'));
    expect(golden.some((g) => g.golden_id === younger)).toBe(false);
    const zhao = golden.find((g) => g.golden_id === older)!;
    expect(zhao).toMatchObject({ phone: "'+8613652718490", email: 'zhaomin88@qq.com', record_count: '3' });
    expect(readJson(join(master, 'master.json')).history.map((h: { run: number }) => h.run)).toEqual([1, 2, 3]);
  });

  it('re-running the same exports changes nothing: every row is known, no new customer, same golden list', () => {
    const before = readFileSync(join(root, 'out3', 'golden.csv'), 'utf8');
    const { r, out } = runNight(3, '2026-11-03');
    expect(r.status, r.stderr).toBe(0);
    const changes = readJson(join(out, 'changes.json'));
    expect(changes.counts).toMatchObject({ newRecords: 0, newCustomers: 0, mergedCustomers: 0, changedFields: 0 });
    expect(readFileSync(join(out, 'golden.csv'), 'utf8')).toBe(before);
    expect(readJson(join(master, 'master.json')).history.at(-1)).toMatchObject({ run: 4, knownRecords: readCsv(join(out, 'mapping.csv')).length, linkedRecords: 0 });
  });
});

describe('formula escaping is the writing night\'s, not the storing night\'s', () => {
  const FORMULA = "=cmd|' /C calc'!A0";
  const nightInputs = (dir: string) => {
    // Night 2 holds another customer only: night 1's golden line is copied from the master, not rebuilt.
    writeFileSync(join(dir, 'a.csv'), `客户姓名,手机,备注\n王建国,13915826473,"${FORMULA}"\n`);
    writeFileSync(join(dir, 'b.csv'), `客户姓名,手机,备注\n林晓峰,13581729046,vip\n`);
    return [join(dir, 'a.csv'), join(dir, 'b.csv')];
  };
  const wang = (m: string) => readCsv(join(m, 'golden.csv')).find((g) => g.name === '王建国')!;

  it.each([
    ['--no-escape-formulas, then escaping', ['--no-escape-formulas'], [], `'${FORMULA}`, "'+8613915826473"],
    ['escaping, then --no-escape-formulas', [], ['--no-escape-formulas'], FORMULA, '+8613915826473'],
  ])('%s: night 2 writes the stored row as night 2 says', (_, night1, night2, remark, phone) => {
    const dir = tempDir();
    const [a, b] = nightInputs(dir);
    const m = join(dir, 'm');
    expect(crm(['match', a, '--master', m, '-q', '--as-of', '2026-11-01', ...night1]).status).toBe(0);
    const r = crm(['match', b, '--master', m, '-q', '--as-of', '2026-11-02', ...night2]);
    expect(r.status, r.stderr).toBe(0);
    expect(readJson(join(m, 'master.json')).history).toHaveLength(2);
    expect(wang(m)).toMatchObject({ 备注: remark, phone });
  });

  it('continues a version 1 master, whose golden lines were stored escaped, with escaping off', () => {
    const dir = tempDir();
    const [a, b] = nightInputs(dir);
    const m = join(dir, 'm');
    expect(crm(['match', a, '--master', m, '-q', '--as-of', '2026-11-01']).status).toBe(0);
    // Made into what version 1 stored: the escape in the golden lines, no rawGoldensFrom.
    const segment = join(m, 'goldens-000001.tsv');
    writeFileSync(segment, readFileSync(segment, 'utf8').replace(',+86', ",'+86").replace(`"${FORMULA}"`, `"'${FORMULA}"`));
    const { rawGoldensFrom: _, ...meta } = readJson(join(m, 'master.json'));
    writeFileSync(join(m, 'master.json'), JSON.stringify({ ...meta, version: 1 }));
    const r = crm(['match', b, '--master', m, '-q', '--as-of', '2026-11-02', '--no-escape-formulas']);
    expect(r.status, r.stderr).toBe(0);
    expect(wang(m)).toMatchObject({ 备注: FORMULA, phone: '+8613915826473' });
    expect(readJson(join(m, 'master.json'))).toMatchObject({ version: 3, rawGoldensFrom: 2 });
  });

  it('continues a version 2 master, whose record lines have no generation column, and keeps its customers', () => {
    const dir = tempDir();
    const m = join(dir, 'm');
    const input = join(dir, 'a.csv');
    const SMITH_SR = 'John Smith Sr,0412345678,,"14 Harbour Street, Whitby YO21 3PU",2026-01-05';
    const SMITH_JR = 'John Smith Jr,0498765432,,"14 Harbour Street, Whitby YO21 3PU",2026-11-02';
    writeFileSync(input, `${VIP_HEADER}\n${WANG}\n${SMITH_SR}\n`);
    expect(crm(['match', input, '--master', m, '-q', '--as-of', '2026-11-01']).status).toBe(0);
    const ids = readCsv(join(m, 'mapping.csv')).map((row) => row.golden_id);
    // Made into what version 2 stored: one column less on each record line.
    const segment = join(m, 'records-000001.tsv');
    const lines = readFileSync(segment, 'utf8').split('\n').filter(Boolean);
    writeFileSync(segment, lines.map((line) => line.split('\t').slice(0, -1).join('\t')).join('\n') + '\n');
    writeFileSync(join(m, 'master.json'), JSON.stringify({ ...readJson(join(m, 'master.json')), version: 2 }));
    writeFileSync(input, `${VIP_HEADER}\n${WANG}\n${SMITH_SR}\n${SMITH_JR}\n`);
    const r = crm(['match', input, '--master', m, '-q', '--as-of', '2026-11-02']);
    expect(r.status, r.stderr).toBe(0);
    const mapping = readCsv(join(m, 'mapping.csv'));
    expect(mapping.slice(0, 2).map((row) => row.golden_id)).toEqual(ids);
    // The son is a new customer, not his father's record.
    expect(mapping[2]).toMatchObject({ status: 'new' });
    expect(readJson(join(m, 'master.json'))).toMatchObject({ version: 3 });
    const columns = (file: string) => readFileSync(join(m, file), 'utf8').split('\n')[0].split('\t').length;
    expect(columns('records-000002.tsv')).toBe(columns('records-000001.tsv') + 1);
    // And the master, older lines and newer ones, is read again.
    expect(crm(['match', input, '--master', m, '-q', '--as-of', '2026-11-03']).status).toBe(0);
  });
});

describe('masters from other versions, damaged or busy', () => {
  const sample = (dir: string) => {
    writeFileSync(join(dir, 'a.csv'), `${VIP_HEADER}\n${WANG}\n${LIN}\n`);
    return join(dir, 'a.csv');
  };

  it('is also reached as `crmclean dedupe FILES --master DIR`, which refuses a saved --model (the master has its own)', () => {
    const dir = tempDir();
    const input = sample(dir);
    const m = join(dir, 'm');
    const r = crm(['dedupe', input, '--master', m, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(readCsv(join(m, 'mapping.csv')).map((row) => row.status)).toEqual(['new', 'new']);
    const withModel = crm(['dedupe', input, '--master', m, '--model', join(m, 'model.json'), '-q']);
    expect(withModel.status).toBe(2);
    expect(withModel.stderr).toMatch(/--model cannot be combined with --master/);
  });

  it('refuses a master written by a newer version, and leaves it untouched', () => {
    const dir = tempDir();
    const input = sample(dir);
    const m = join(dir, 'm');
    expect(crm(['match', input, '--master', m, '-q']).status).toBe(0);
    const meta = readJson(join(m, 'master.json'));
    writeFileSync(join(m, 'master.json'), JSON.stringify({ ...meta, version: 99 }));
    const r = crm(['match', input, '--master', m, '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/written by a newer crmclean \(master format version 99/);
    expect(readJson(join(m, 'master.json')).version).toBe(99);
  });

  it('migrates a master whose model an older version made: estimates it again from the master and says so', () => {
    const dir = tempDir();
    const input = sample(dir);
    const m = join(dir, 'm');
    expect(crm(['match', input, '--master', m, '-q']).status).toBe(0);
    const model = readJson(join(m, 'model.json'));
    const name = model.comparisons.find((c: { name: string }) => c.name === 'name');
    const levels = name.levels.length;
    name.levels.pop();
    writeFileSync(join(m, 'model.json'), JSON.stringify(model));
    const r = crm(['match', input, '--master', m, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/model.json was made by an older version \(its "name" comparison has \d+ levels, this version has \d+\)/);
    expect(readJson(join(m, 'model.json')).comparisons.find((c: { name: string }) => c.name === 'name').levels).toHaveLength(levels);
    expect(readJson(join(m, 'master.json')).history.at(-1).modelReestimated).toMatch(/"name" comparison/);
  });

  it('refuses a directory with other files and no master.json', () => {
    const dir = tempDir();
    const input = sample(dir);
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const r = crm(['match', input, '--master', dir, '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not a crmclean master: it has files/);
  });

  it('names the file and line of a damaged record segment', () => {
    const dir = tempDir();
    const input = sample(dir);
    const m = join(dir, 'm');
    expect(crm(['match', input, '--master', m, '-q']).status).toBe(0);
    const segment = join(m, 'records-000001.tsv');
    const lines = readFileSync(segment, 'utf8').split('\n');
    lines[1] = 'garbage';
    writeFileSync(segment, lines.join('\n'));
    const r = crm(['match', input, '--master', m, '-q']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`${segment}:2: master file is not a master record line`);
  });

  it('refuses to run while another run holds the master', () => {
    const dir = tempDir();
    const input = sample(dir);
    const m = join(dir, 'm');
    mkdirSync(m);
    writeFileSync(join(m, '.crmclean-lock'), '12345\n');
    const r = crm(['match', input, '--master', m, '-q']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/another crmclean run is using the master/);
  });
});

/**
 * A row named by its content for the VIP export (an inserted row shifts it), by
 * position for the generated exports (each night copies them unchanged).
 */
function rowKey(n: number, source: string, row: number): string {
  if (source !== 'vip.csv') return `${source}:${row}`;
  return `${source}\u0000${readFileSync(join(nights[n].dir, source), 'utf8').split('\n')[row]}`;
}
