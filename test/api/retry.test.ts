import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { abortableSleep, backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter } from '../../core/src/api/retry';

describe('Retry-After', () => {
  test('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter('Tue, 24 Nov 2026 12:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', now), 0, 'a date in the past means now');
  });

  test('ignores absent and unreadable values', () => {
    assert.equal(parseRetryAfter(undefined), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(['7', '9'], 0), 7000);
  });
});

describe('backoff', () => {
  test('grows exponentially up to the cap, with jitter below the ceiling', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    const top = () => 0.999999;
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, top)), [99, 199, 399, 799, 999]);
    assert.equal(backoffDelay(3, policy, () => 0), 0);
    assert.equal(backoffDelay(3, policy, () => 0.5), 200);
  });

  test('a sleep stops when its signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(sleeping, /stop/);
  });
});
