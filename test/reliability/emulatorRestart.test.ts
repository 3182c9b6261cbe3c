// The emulator across a restart on the same --data file: a create's idempotency key is kept with its recorded answer
// (so a create retried after the restart is replayed, not made again), an expired key is not, and close() drops a
// create that has not committed and never writes the data file afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { SHARED_CATALOG } from './support/paths';
import { plainRequest } from './support/plainHttp';

const API_KEY = 'restart-key-Qx71mZ';
const BODY = JSON.stringify({
  name: 'Restarted',
  type: 'postgresql',
  configuration: { hostname: 'db.example.com', port: 5432, database: 'orders', username: 'app', password: 'pw-restart-1' },
  validate: false,
});

function create(emulator: RunningEmulator, idempotencyKey: string): Promise<{ status: number; text: string }> {
  return plainRequest(`${emulator.url}/api/connections`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${API_KEY}`,
      'x-polytomic-version': '2025-09-18',
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    },
    body: BODY,
  });
}

function start(dataFile: string): Promise<RunningEmulator> {
  return startEmulator({ apiKeys: [API_KEY], catalogDir: SHARED_CATALOG, dataFile });
}

describe('the emulator restarted on its data file', () => {
  let workDir: string;
  let dataFile: string;

  before(() => {
    workDir = mkdtempSync(join(tmpdir(), 'polytomic-restart-'));
  });
  after(() => rmSync(workDir, { recursive: true, force: true }));

  test('replays a create whose key was recorded before the restart', async () => {
    dataFile = join(workDir, 'replay.json');
    const first = await start(dataFile);
    const created = await create(first, 'restart-replay-0001');
    assert.equal(created.status, 200);
    await first.close();
    const stored = JSON.parse(readFileSync(dataFile, 'utf8')) as { idempotency_keys: { key: string }[] };
    assert.deepEqual(stored.idempotency_keys.map((k) => k.key), ['restart-replay-0001']);

    const second = await start(dataFile);
    try {
      const again = await create(second, 'restart-replay-0001');
      assert.equal(again.status, 200);
      assert.equal(JSON.parse(again.text).data.id, JSON.parse(created.text).data.id);
      assert.equal(second.state.connections.size, 1);
    } finally {
      await second.close();
    }
  });

  test('an expired key in the data file is not replayed: the create is made', async () => {
    dataFile = join(workDir, 'expired.json');
    const first = await start(dataFile);
    assert.equal((await create(first, 'restart-expired-01')).status, 200);
    await first.close();
    const stored = JSON.parse(readFileSync(dataFile, 'utf8')) as { idempotency_keys: { expires_at: number }[] };
    stored.idempotency_keys[0].expires_at = Date.now() - 1;
    writeFileSync(dataFile, JSON.stringify(stored));

    const second = await start(dataFile);
    try {
      assert.equal((await create(second, 'restart-expired-01')).status, 200);
      assert.equal(second.state.connections.size, 2);
    } finally {
      await second.close();
    }
  });

  test('a data file with a malformed key entry is refused and left untouched', async () => {
    dataFile = join(workDir, 'malformed.json');
    const text = JSON.stringify({ format: 'polytomic-emulator-state', version: 1, connections: [], idempotency_keys: [{ key: 'k' }] });
    writeFileSync(dataFile, text);
    await assert.rejects(start(dataFile), /idempotency_keys/);
    assert.equal(readFileSync(dataFile, 'utf8'), text);
  });

  test('close() drops a create held before commit, and nothing writes the data file after close', async () => {
    dataFile = join(workDir, 'held.json');
    const emulator = await start(dataFile);
    assert.equal((await create(emulator, 'restart-held-base01')).status, 200);
    await plainRequest(`${emulator.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ latencyMs: 60_000, methods: ['POST'] }) });
    const held = create(emulator, 'restart-held-00001').then(
      () => 'answered',
      () => 'dropped',
    );
    // The held request is admitted (its key in flight) before close starts.
    while ((await plainRequest(`${emulator.url}/__emulator/state`)).text.includes('"in_flight_idempotency_keys":0')) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await emulator.close();
    const afterClose = readFileSync(dataFile, 'utf8');
    assert.equal(await held, 'dropped');
    assert.equal(emulator.state.connections.size, 1);
    emulator.reset('demo');
    assert.equal(readFileSync(dataFile, 'utf8'), afterClose);

    const restarted = await start(dataFile);
    try {
      assert.equal(restarted.state.connections.size, 1);
      assert.equal((await create(restarted, 'restart-held-00001')).status, 200);
      assert.equal(restarted.state.connections.size, 2);
    } finally {
      await restarted.close();
    }
  });
});
