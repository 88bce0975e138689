import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, SAMPLE_FILES, crm, tempDir } from './helpers.js';

describe('crmclean check: the CI quality gate', () => {
  it('exits 1 and says what failed when quality is below a threshold', () => {
    const r = crm(['check', ...SAMPLE_FILES, '--min-completeness', '0.99', '--as-of', AS_OF, '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/completeness is \d+\.\d%, below the minimum 99\.0%/);
  });

  it('exits 0 when every threshold holds, and reports JSON for machines', () => {
    const r = crm(['check', ...SAMPLE_FILES, '--min-completeness', '0.5', '--max-duplicate-rate', '0.9', '--json', '--as-of', AS_OF]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ passed: true, failures: [] });
  });

  it('takes thresholds from the config file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ quality: { thresholds: { maxDuplicateRate: 0.01 } } }));
    const r = crm(['check', ...SAMPLE_FILES, '--config', join(dir, 'c.json'), '--as-of', AS_OF, '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/duplicate rate is .* above the maximum 1\.0%/);
  });

  it('fails an export whose rows were all rejected, and gates the reject rate', () => {
    const dir = tempDir();
    const file = join(dir, 'ragged.csv');
    writeFileSync(file, '姓名,手机,邮箱\n张三,13957120486\n李四,18621347790\n王五\n');
    const r = crm(['check', file, '--min-completeness', '0.9', '--max-invalid-rate', '0.01', '--as-of', AS_OF, '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no records to score: all 3 rows were rejected/);
    expect(r.stderr).toMatch(/invalid rate is 100\.0%, above the maximum 1\.0%/);
    const some = join(dir, 'some.csv');
    writeFileSync(some, '姓名,手机,邮箱\n张三,13957120486,zs@163.com\n李四,18621347790\n');
    const gated = crm(['check', some, '--max-reject-rate', '0.2', '--as-of', AS_OF, '-q']);
    expect(gated.status).toBe(1);
    expect(gated.stderr).toMatch(/reject rate is 50\.0%, above the maximum 20\.0%/);
  });

  it('fails against a baseline when a source of the baseline run is missing from the inputs', () => {
    const dir = tempDir();
    expect(crm(['dedupe', ...SAMPLE_FILES, '--out', dir, '--as-of', AS_OF, '-q']).status).toBe(0);
    const baseline = join(dir, 'report.json');
    const r = crm(['check', ...SAMPLE_FILES.slice(1), '--baseline', baseline, '--tolerance', '1', '--as-of', AS_OF, '-q']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/crm_sales\.csv is missing: it had \d+ rows in the last run and is not among the inputs/);
    expect(crm(['check', ...SAMPLE_FILES, '--baseline', baseline, '--as-of', AS_OF, '-q']).status).toBe(0);
  });

  it('is a usage error without any threshold', () => {
    expect(crm(['check', ...SAMPLE_FILES, '-q']).status).toBe(2);
  });
});

describe('crmclean init', () => {
  it('writes the detected encoding, delimiter and column mapping as a config that dedupe accepts', () => {
    const dir = tempDir();
    const config = join(dir, 'crmclean.config.json');
    const r = crm(['init', ...SAMPLE_FILES, '--write', config]);
    expect(r.status, r.stderr).toBe(0);
    const c = JSON.parse(readFileSync(config, 'utf8'));
    expect(c.sources['ecommerce.csv']).toMatchObject({ encoding: 'gb18030', columns: { 收货人: 'name', 收货人手机: 'phone' } });
    expect(c.sources['marketing.tsv'].delimiter).toBe('\t');
    expect(crm(['init', ...SAMPLE_FILES, '--write', config]).status).toBe(2); // never overwrites without --force
    expect(crm(['dedupe', ...SAMPLE_FILES, '--config', config, '--out', join(dir, 'out'), '-q', '--as-of', AS_OF]).status).toBe(0);
  });
});
