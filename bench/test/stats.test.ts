import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { measureInterleaved, percentile, summarise } from '../src/stats';

describe('summarise', () => {
  test('median of an odd and an even count, min, max and nearest-rank p95', () => {
    assert.deepEqual(summarise([5, 1, 3]), { median: 3, min: 1, max: 5, p95: 5, runs: 3 });
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    const summary = summarise(hundred);
    assert.equal(summary.median, 50.5);
    assert.equal(summary.p95, 95);
    assert.equal(summary.min, 1);
    assert.equal(summary.max, 100);
  });

  test('refuses an empty list', () => {
    assert.throws(() => summarise([]), /no samples/);
  });

  test('percentile of one sample is that sample', () => {
    assert.equal(percentile([7], 95), 7);
    assert.equal(percentile([7], 50), 7);
  });
});

describe('measureInterleaved', () => {
  test('runs the pieces of work in rotation, warm-up first, as many rounds as asked', async () => {
    const order: string[] = [];
    const summaries = await measureInterleaved([() => order.push('a'), () => order.push('b')], { warmup: 1, minRuns: 3, maxRuns: 3, budgetMs: 0 });
    assert.deepEqual(order, ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    assert.deepEqual(summaries.map((s) => s.runs), [3, 3]);
  });
});
