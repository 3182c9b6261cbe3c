import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../emulator/src/index';
import { call, createConnection, postgres, start } from './harness';

async function post(emulator: RunningEmulator, path: string, body: unknown): Promise<any> {
  const result = await call(emulator, 'POST', path, { body });
  assert.equal(result.status, 200, result.text);
  return result.json.data;
}

describe('dependents', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start();
  });
  after(() => emulator.close());

  async function usedConnections() {
    const source = await createConnection(emulator, postgres());
    const destination = await createConnection(emulator, { name: 'Stripe', type: 'stripe', configuration: { api_key: 'sk_test' } });
    const bulk = await post(emulator, '/api/bulk/syncs', { name: 'Copy', source_connection_id: source.id, destination_connection_id: destination.id });
    const model = await post(emulator, '/api/models', { name: 'Customers', connection_id: source.id });
    const sync = await post(emulator, '/api/syncs', { name: 'To Stripe', target: { connection_id: destination.id, object: 'customers' }, fields: [{ source: { model_id: model.id } }] });
    return { source, destination, bulk, model, sync };
  }

  test('bulk syncs, models and syncs can be created, listed, read and deleted', async () => {
    const { bulk, model, sync } = await usedConnections();
    for (const [path, item] of [['/api/bulk/syncs', bulk], ['/api/models', model], ['/api/syncs', sync]] as const) {
      const list = await call(emulator, 'GET', path);
      assert.ok(list.json.data.some((x: any) => x.id === item.id), path);
      const got = await call(emulator, 'GET', `${path}/${item.id}`);
      assert.equal(got.json.data.name, item.name);
    }
    assert.equal((await call(emulator, 'DELETE', `/api/syncs/${sync.id}`)).status, 200);
    assert.equal((await call(emulator, 'GET', `/api/syncs/${sync.id}`)).status, 404);
    assert.equal((await call(emulator, 'DELETE', `/api/syncs/${sync.id}`)).status, 404);
  });

  test('dependents must name existing connections', async () => {
    const result = await call(emulator, 'POST', '/api/models', { body: { name: 'm', connection_id: '00000000-0000-4000-8000-000000000000' } });
    assert.equal(result.status, 404);
    assert.equal((await call(emulator, 'POST', '/api/models', { body: { name: 'm' } })).status, 400);
  });

  test('deleting a used connection without force is 422 "connection in use" with metadata.used_by', async () => {
    const { source, bulk, model } = await usedConnections();
    for (const query of ['', '?force=false']) {
      const result = await call(emulator, 'DELETE', `/api/connections/${source.id}${query}`);
      assert.equal(result.status, 422);
      assert.equal(result.json.message, 'connection in use');
      assert.deepEqual(result.json.metadata.used_by, [
        { type: 'bulk_sync', name: 'Copy', id: bulk.id },
        { type: 'model', name: 'Customers', id: model.id },
      ]);
    }
    assert.ok(emulator.state.connections.has(source.id));
  });

  test('force=true deletes the dependents first, then the connection', async () => {
    const { source, destination, bulk, model, sync } = await usedConnections();
    const result = await call(emulator, 'DELETE', `/api/connections/${source.id}?force=true`);
    assert.equal(result.status, 200);
    assert.equal((await call(emulator, 'GET', `/api/connections/${source.id}`)).status, 404);
    assert.equal((await call(emulator, 'GET', `/api/bulk/syncs/${bulk.id}`)).status, 404);
    assert.equal((await call(emulator, 'GET', `/api/models/${model.id}`)).status, 404);
    // The sync read from the deleted model, so it went too; the other connection stays.
    assert.equal((await call(emulator, 'GET', `/api/syncs/${sync.id}`)).status, 404);
    assert.equal((await call(emulator, 'GET', `/api/connections/${destination.id}`)).status, 200);
    assert.deepEqual(emulator.state.usedBy(destination.id), []);
  });
});
