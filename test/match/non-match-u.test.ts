import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelShares, toPatterns } from '../../src/match/estimate/patterns.js';
import { nonMatchU } from '../../src/match/estimate/non-match-u.js';
import { mulberry32 } from '../../src/match/estimate/random-pairs.js';
import { importStage, normalizeStage, type PipelineOptions } from '../../src/pipeline/run.js';
import { silentProgress } from '../../src/pipeline/progress.js';
import { matchRecords } from '../../src/match/index.js';
import { tempDir } from '../cli/helpers.js';

describe('u among the likely non-matches of a small input', () => {
  // One comparison, levels [missing, exact, different]: an identifier matches agree on, non-matches almost never.
  const m = [[0, 0.95, 0.05]];
  const u = [[0, 0.001, 0.999]];

  it('takes the duplicates out of u when every pair is a "random pair"', () => {
    const rand = mulberry32(3);
    const pairs = 2_000;
    const levels = new Uint8Array(pairs);
    for (let k = 0; k < pairs; k++) {
      const isMatch = rand() < 0.05;
      levels[k] = rand() < (isMatch ? m[0][1] : u[0][1]) ? 1 : 2;
    }
    const patterns = toPatterns(levels, 1, pairs);
    const raw = levelShares(patterns, [3]);
    // The matches' agreements make the raw share of "exact" some fifty times the truth.
    expect(raw[0][1]).toBeGreaterThan(0.04);
    const refined = nonMatchU(patterns, [3], m, raw, 0.05);
    expect(refined[0][1]).toBeLessThan(raw[0][1] / 5);
    expect(refined[0][1] + refined[0][2]).toBeCloseTo(1, 9);
  });

  it('is the raw share when the model says no pair is a match', () => {
    const patterns = toPatterns(Uint8Array.from([1, 2, 2, 2]), 1, 4);
    const raw = levelShares(patterns, [3]);
    expect(nonMatchU(patterns, [3], m, raw, 1e-12)[0][1]).toBeCloseTo(raw[0][1], 6);
  });

  it('lets ten rows merge a customer on name and email', async () => {
    const dir = tempDir();
    const file = join(dir, 'small.csv');
    writeFileSync(
      file,
      [
        '姓名,手机,邮箱,地址',
        '张伟,13957120486,,浙江省杭州市西湖区文三路477号',
        '张伟,18621347790,,广东省深圳市南山区科技园路12号',
        '王芳,13761119023,wf@163.com,江苏省南京市鼓楼区中山路5号',
        '王芳,13761119023,,江苏省南京市鼓楼区中山路5号',
        '李强,15052236781,lq@qq.com,北京市朝阳区建国路88号',
        '李强,15052236781,lq@qq.com,',
        '刘洋,13811223344,,四川省成都市武侯区人民路1号',
        '刘洋,13955667788,,四川省成都市武侯区人民路1号',
        '陈静,18900001122,cj@126.com,',
        '陈静,,cj@126.com,',
      ].join('\n') + '\n',
    );
    const opts: PipelineOptions = { config: {}, region: 'CN', dateOrder: 'YMD', asOf: '2026-11-01', progress: silentProgress };
    const records = normalizeStage(await importStage([file], opts), opts).normalized!;
    const { result, model } = matchRecords(records);
    const together = (a: number, b: number) => result.clusterOf[a] === result.clusterOf[b];
    // One shared email among six records with one: a quarter of the email pairs, but not chance agreement.
    expect(model.comparisons.find((c) => c.name === 'email')!.levels[0].u).toBeLessThan(0.15);
    expect(together(8, 9)).toBe(true); // 陈静, same email
    expect(together(2, 3)).toBe(true);
    expect(together(4, 5)).toBe(true);
    expect(together(0, 1)).toBe(false); // two 张伟 in two provinces
    expect(together(6, 7)).toBe(false); // 刘洋 ×2 at one address with two phones: a household as likely as one person
  });
});
