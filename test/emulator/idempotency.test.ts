import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../emulator/src/index';
import { call, postgres, start } from './harness';

async function waitForInFlight(emulator: RunningEmulator, count: number): Promise<void> {
  for (;;) {
    const state = await call(emulator, 'GET', '/__emulator/state', { auth: null });
    if (state.json.data.in_flight_idempotency_keys >= count) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('idempotency', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start();
  });
  after(() => emulator.close());

  test('a repeated key replays the first answer and creates nothing new', async () => {
    const headers = { 'idempotency-key': 'create-warehouse-0001' };
    const first = await call(emulator, 'POST', '/api/connections', { body: postgres(), headers });
    const again = await call(emulator, 'POST', '/api/connections', { body: postgres({ database: 'different' }), headers });
    assert.equal(first.status, 200);
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, first.json);
    assert.equal([...emulator.state.connections.values()].filter((c) => c.id === first.json.data.id).length, 1);
    assert.equal(emulator.state.connections.size, 1);
  });

  test('error outcomes are replayed too', async () => {
    const headers = { 'idempotency-key': 'bad-request-0001' };
    const first = await call(emulator, 'POST', '/api/connections', { body: { name: 'x' }, headers });
    const again = await call(emulator, 'POST', '/api/connections', { body: postgres(), headers });
    assert.equal(first.status, 400);
    assert.deepEqual([again.status, again.json], [400, first.json]);
  });

  test('a request whose key is still in flight gets 409', async () => {
    // A long latency holds the first request; clearing the faults releases it.
    emulator.faults.set({ latencyMs: 60_000, methods: ['POST'] });
    try {
      const headers = { 'idempotency-key': 'slow-create-0001' };
      const first = call(emulator, 'POST', '/api/connections', { body: postgres(), headers });
      await waitForInFlight(emulator, 1);
      const concurrent = await call(emulator, 'POST', '/api/connections', { body: postgres(), headers });
      assert.equal(concurrent.status, 409);
      assert.equal(concurrent.json.status, 409);
      assert.match(concurrent.json.message, /still in progress/);
      emulator.faults.clear();
      assert.equal((await first).status, 200);
    } finally {
      emulator.faults.clear();
    }
  });

  test('a malformed key is a 400', async () => {
    const result = await call(emulator, 'POST', '/api/connections', { body: postgres(), headers: { 'idempotency-key': 'short' } });
    assert.equal(result.status, 400);
    assert.match(result.json.message, /8 to 255 characters/);
  });
});
