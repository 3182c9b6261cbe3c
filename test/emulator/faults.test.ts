import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../emulator/src/index';
import { call, postgres, start } from './harness';

async function outcome(emulator: RunningEmulator, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<number | 'dropped'> {
  try {
    return (await call(emulator, method, path, { body, headers })).status;
  } catch {
    return 'dropped';
  }
}

async function sequence(emulator: RunningEmulator, spec: object, count: number): Promise<Array<number | 'dropped'>> {
  const set = await call(emulator, 'POST', '/__emulator/faults', { body: spec, auth: null });
  assert.equal(set.status, 200, set.text);
  const outcomes: Array<number | 'dropped'> = [];
  for (let i = 0; i < count; i++) outcomes.push(await outcome(emulator, 'GET', '/api/connections'));
  return outcomes;
}

describe('fault injection', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start();
  });
  beforeEach(async () => {
    await call(emulator, 'POST', '/__emulator/reset', { auth: null });
  });
  after(() => emulator.close());

  test('the same spec and seed give the same faults, another seed different ones', async () => {
    const spec = { errorRate: 0.3, errorStatuses: [500, 502, 503], dropRate: 0.2, seed: 42 };
    const first = await sequence(emulator, spec, 30);
    const second = await sequence(emulator, spec, 30);
    assert.deepEqual(second, first);
    assert.ok(first.includes(200) && first.includes('dropped') && first.some((s) => typeof s === 'number' && s >= 500), JSON.stringify(first));
    const other = await sequence(emulator, { ...spec, seed: 43 }, 30);
    assert.notDeepEqual(other, first);
  });

  test('an error before commit changes nothing; after commit the change is made and the answer lost', async () => {
    emulator.faults.set({ errorRate: 1, errorStatuses: [503], afterCommitShare: 0, methods: ['POST'] });
    assert.equal(await outcome(emulator, 'POST', '/api/connections', postgres()), 503);
    assert.equal(emulator.state.connections.size, 0);
    emulator.faults.set({ errorRate: 1, errorStatuses: [502], afterCommitShare: 1, methods: ['POST'] });
    assert.equal(await outcome(emulator, 'POST', '/api/connections', postgres()), 502);
    assert.equal(emulator.state.connections.size, 1);
  });

  test('a dropped connection before commit changes nothing; after commit the change is made', async () => {
    emulator.faults.set({ dropRate: 1, afterCommitShare: 0, methods: ['POST'] });
    assert.equal(await outcome(emulator, 'POST', '/api/connections', postgres()), 'dropped');
    assert.equal(emulator.state.connections.size, 0);
    emulator.faults.set({ dropRate: 1, afterCommitShare: 1, methods: ['POST'] });
    assert.equal(await outcome(emulator, 'POST', '/api/connections', postgres()), 'dropped');
    assert.equal(emulator.state.connections.size, 1);
  });

  test('a retry with the same Idempotency-Key after a lost answer replays the committed one', async () => {
    const headers = { 'idempotency-key': 'lost-answer-0001' };
    emulator.faults.set({ dropRate: 1, afterCommitShare: 1, methods: ['POST'] });
    assert.equal(await outcome(emulator, 'POST', '/api/connections', postgres(), headers), 'dropped');
    emulator.faults.clear();
    const retry = await call(emulator, 'POST', '/api/connections', { body: postgres(), headers });
    assert.equal(retry.status, 200);
    assert.equal(emulator.state.connections.size, 1);
    assert.ok(emulator.state.connections.has(retry.json.data.id));
  });

  test('every n-th request is a 429 with Retry-After', async () => {
    emulator.faults.set({ rateLimit: { every: 2, retryAfterSeconds: 7 } });
    const first = await call(emulator, 'GET', '/api/connections');
    const second = await call(emulator, 'GET', '/api/connections');
    assert.equal(first.status, 200);
    assert.equal(second.status, 429);
    assert.equal(second.headers.get('retry-after'), '7');
    assert.deepEqual(second.json, { status: 429, message: 'rate limit exceeded; retry after 7 seconds' });
  });

  test('latency delays but does not change the answer', async () => {
    emulator.faults.set({ latencyMs: 20 });
    assert.equal((await call(emulator, 'GET', '/api/connections')).status, 200);
  });

  test('the admin endpoint shows and checks fault specs, and reset clears them', async () => {
    const bad = await call(emulator, 'POST', '/__emulator/faults', { body: { errorRate: 2 }, auth: null });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.message, 'errorRate must be a number from 0 to 1');
    const unknown = await call(emulator, 'POST', '/__emulator/faults', { body: { jitter: 1 }, auth: null });
    assert.match(unknown.json.message, /unknown fault field\(s\): jitter/);
    await call(emulator, 'POST', '/__emulator/faults', { body: { latencyMs: 5, seed: 9 }, auth: null });
    assert.deepEqual((await call(emulator, 'GET', '/__emulator/faults', { auth: null })).json.data, { latencyMs: 5, seed: 9 });
    await call(emulator, 'POST', '/__emulator/reset', { auth: null });
    assert.deepEqual((await call(emulator, 'GET', '/__emulator/faults', { auth: null })).json.data, {});
  });

  test('state is masked and reset can reseed', async () => {
    const reset = await call(emulator, 'POST', '/__emulator/reset', { body: { seed: 'demo' }, auth: null });
    assert.equal(reset.status, 200);
    const state = await call(emulator, 'GET', '/__emulator/state', { auth: null });
    assert.equal(state.json.data.counts.connections, 12);
    assert.doesNotMatch(state.text, /demo-not-a-real/);
    assert.equal((await call(emulator, 'POST', '/__emulator/reset', { body: { seed: 'lots' }, auth: null })).status, 400);
  });
});
