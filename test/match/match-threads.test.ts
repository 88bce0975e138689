import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FeatureColumns } from '../../src/match/feature-ids.js';
import { featuresFromTables, featureTables } from '../../src/match/feature-tables.js';
import { MatchThreads } from '../../src/match/match-threads.js';
import { comparePairs } from '../../src/match/compare-pairs.js';
import { COMPARISONS } from '../../src/match/comparisons/index.js';
import type { MatchFeatures } from '../../src/match/features.js';
import { feat } from './features-helper.js';
import { ruleKeyNames, runRulesHere } from '../../src/match/blocking/block.js';
import { keyColumn } from '../../src/match/blocking/key-columns.js';
import { BLOCKING_KEYS, DEFAULT_BLOCKING_RULES } from '../../src/match/blocking/keys.js';

const text = fc.option(fc.constantFrom('王伟', '张伟', '', 'wei zhang', 'wei', '1980-02-01', '人民路'), { nil: null });
const phone = fc.constantFrom('+8613912345678', '+447862446286', '+17185593856');
const record = fc.record({
  name: text,
  pinyin: text,
  given: text,
  family: text,
  phones: fc.uniqueArray(phone, { maxLength: 3 }),
  email: text,
  idNumber: text,
  birthDate: text,
  company: text,
  locality: text,
  city: text,
  street: text,
  streetNumber: text,
  postcode: text,
});

describe('featureTables', () => {
  it("rebuilds every record's features as they were, from integer columns and each feature's distinct values", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (parts) => {
        const features: MatchFeatures[] = parts.map((p) => feat(p));
        const tables = featureTables(new FeatureColumns(features));
        expect(featuresFromTables(structuredClone(tables))).toEqual(features);
        // Only distinct values are copied: the columns are shared memory, handed over rather than copied.
        expect(tables.text.name.values.length).toBe(new Set(features.flatMap((f) => (f.name === null ? [] : [f.name]))).size);
        expect(tables.text.name.ids.buffer).toBeInstanceOf(SharedArrayBuffer);
      }),
    );
  });
});

describe('MatchThreads', () => {
  const features = Array.from({ length: 60 }, (_, i) => feat({ name: ['王伟', '张伟', 'wei'][i % 3], family: i % 4 ? '王' : null, phones: i % 5 ? [] : ['+8613912345678'], city: i % 2 ? '北京市' : null }));
  const comparisons = COMPARISONS.filter((c) => ['name', 'phone', 'address'].includes(c.name));
  const n = features.length;
  const all: number[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) all.push(a * n + b);
  const codes = Float64Array.from(all);
  const expected = comparePairs(features, comparisons, codes.length, (k) => [Math.floor(codes[k] / n), codes[k] % n]);

  it('gives the levels comparing pair by pair gives (alone: a worker pays from 20,000 records, see test/cli/threads)', () => {
    const comparer = MatchThreads.start(features, new FeatureColumns(features), comparisons, 2);
    expect([...comparer.compare(codes, n)]).toEqual([...expected]);
    comparer.close();
  });

  it('compares the chunks a failed worker took on the main thread', () => {
    const comparer = MatchThreads.start(features, new FeatureColumns(features), comparisons, 1);
    const job = comparer.begin(codes, n);
    // As if a worker had taken every chunk and then failed without writing one.
    job.control[0] = job.chunkDone.length;
    job.control[2] = 1;
    expect([...comparer.finish(job)]).toEqual([...expected]);
  });
});

describe('MatchThreads with its worker (the compiled one, as the CLI runs it)', () => {
  it('shares blocking rules and pairs with the worker, with the results one thread gets', async () => {
    const dist = new URL('../../dist/match/', import.meta.url).href;
    const { MatchThreads: Compiled } = (await import(`${dist}match-threads.js`)) as typeof import('../../src/match/match-threads.js');
    const { FeatureColumns: CompiledColumns } = (await import(`${dist}feature-ids.js`)) as typeof import('../../src/match/feature-ids.js');
    const names = ['王伟', '张伟', '王卫', 'wei zhang', 'li na', '李娜'];
    const features = Array.from({ length: 20_000 }, (_, i) =>
      feat({ name: names[i % 6], family: i % 7 ? names[i % 6].slice(0, 1) : null, phones: i % 5 ? [] : [`+86139${String(i % 997).padStart(8, '0')}`], city: ['北京市', '上海市', null][i % 3], street: i % 2 ? '人民路' : '解放路' }),
    );
    const comparisons = COMPARISONS.filter((c) => ['name', 'phone', 'address'].includes(c.name));
    const n = features.length;
    const codes = Float64Array.from({ length: 1_000_000 }, (_, k) => {
      const a = (k * 7919) % (n - 1);
      return a * n + a + 1 + (k % (n - 1 - a));
    });
    const comparer = Compiled.start(features, new CompiledColumns(features), comparisons, 2);
    expect(comparer.count).toBe(2);
    // Time for the worker to start and rebuild the features, as blocking gives it in a run.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const levels = comparer.compare(codes, n);
    // Every default rule three times over: enough work that the worker surely takes some, however busy the machine.
    const once = DEFAULT_BLOCKING_RULES.map((rule, r) => ({ rule, r, parts: ruleKeyNames(rule).map((key) => keyColumn(BLOCKING_KEYS[key], features)), n, maxBlockSize: 300, maxPairsPerRule: 1e7 }));
    const rules = [...once, ...once, ...once];
    const shared = comparer.runRules(rules);
    comparer.close();
    expect(comparer.pairsOnWorker).toBeGreaterThan(0);
    expect(comparer.rulesOnWorker).toBeGreaterThan(0);
    expect(shared).toEqual(runRulesHere(rules));
    const alone = comparePairs(features, comparisons, codes.length, (k) => [Math.floor(codes[k] / n), codes[k] % n]);
    expect(Buffer.from(levels.buffer).equals(Buffer.from(alone.buffer))).toBe(true);
  });
});
