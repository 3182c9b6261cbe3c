import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../emulator/src/index';
import { call, createConnection, postgres, start } from './harness';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('connections', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start();
  });
  after(() => emulator.close());

  test('create answers {data} with a masked configuration and the create-response fields', async () => {
    const result = await call(emulator, 'POST', '/api/connections', { body: { ...postgres(), policies: [], healthcheck_interval: '3h30m' } });
    assert.equal(result.status, 200);
    const data = result.json.data;
    assert.match(data.id, /^[0-9a-f-]{36}$/);
    assert.equal(data.name, 'Warehouse');
    assert.deepEqual(data.type, { id: 'postgresql', name: 'PostgreSQL' });
    assert.equal(data.configuration.password, '********');
    assert.equal(data.configuration.hostname, 'db.example.com');
    assert.equal(data.status, 'healthy');
    assert.equal(data.saved, true);
    assert.equal(data.healthcheck_interval, '3h30m');
    assert.doesNotMatch(result.text, /s3cret-value/);
    assert.equal(emulator.state.connections.get(data.id)?.configuration.password, 's3cret-value');
  });

  test('get and list answer connection objects with masked secrets', async () => {
    const created = await createConnection(emulator);
    const got = await call(emulator, 'GET', `/api/connections/${created.id}`);
    assert.equal(got.status, 200);
    for (const field of ['id', 'name', 'organization_id', 'configuration', 'type', 'status', 'saved', 'policies', 'created_at', 'updated_at', 'created_by', 'updated_by']) {
      assert.ok(field in got.json.data, `get lacks ${field}`);
    }
    const list = await call(emulator, 'GET', '/api/connections');
    assert.ok(Array.isArray(list.json.data));
    assert.ok(list.json.data.some((c: any) => c.id === created.id && c.configuration.password === '********'));
    assert.doesNotMatch(list.text, /s3cret-value/);
  });

  test('unknown ids are 404 for get, update, delete', async () => {
    assert.equal((await call(emulator, 'GET', `/api/connections/${UNKNOWN_ID}`)).status, 404);
    assert.equal((await call(emulator, 'PUT', `/api/connections/${UNKNOWN_ID}`, { body: postgres() })).status, 404);
    const removed = await call(emulator, 'DELETE', `/api/connections/${UNKNOWN_ID}`);
    assert.equal(removed.status, 404);
    assert.equal(removed.json.message, `connection ${UNKNOWN_ID} not found`);
  });

  test('update is a full replacement, but a masked secret keeps the stored one', async () => {
    const created = await createConnection(emulator, postgres({ publication: 'polytomic' }));
    const result = await call(emulator, 'PUT', `/api/connections/${created.id}`, {
      body: { name: 'Renamed', configuration: { ...created.configuration, publication: undefined, database: 'other' }, validate: false },
    });
    assert.equal(result.status, 200);
    assert.equal(result.json.data.name, 'Renamed');
    assert.equal(result.json.data.configuration.password, '********');
    const stored = emulator.state.connections.get(created.id)!;
    assert.equal(stored.configuration.password, 's3cret-value');
    assert.equal(stored.configuration.database, 'other');
    assert.equal('publication' in stored.configuration, false);
  });

  test('a new secret on update replaces the stored one; a masked secret with nothing stored is refused', async () => {
    const created = await createConnection(emulator);
    await call(emulator, 'PUT', `/api/connections/${created.id}`, { body: postgres({ password: 'rotated' }) });
    assert.equal(emulator.state.connections.get(created.id)!.configuration.password, 'rotated');
    const refused = await call(emulator, 'PUT', `/api/connections/${created.id}`, { body: postgres({ ssh_private_key: '********' }) });
    assert.equal(refused.status, 422);
    assert.match(refused.json.message, /`ssh_private_key` is masked/);
  });

  test('a malformed body is a 400 naming the problem', async () => {
    const notJson = await call(emulator, 'POST', '/api/connections', { text: '{"name": ' });
    assert.equal(notJson.status, 400);
    assert.match(notJson.json.message, /not valid JSON/);
    const cases: Array<[unknown, RegExp]> = [
      [{ type: 'postgresql', configuration: {} }, /^name is required$/],
      [{ name: 'x', configuration: {} }, /^type is required$/],
      [{ name: 'x', type: 'postgresql' }, /^configuration is required$/],
      [{ name: 'x', type: 'postgresql', configuration: [] }, /configuration must be a JSON object/],
      [{ ...postgres(), healthcheck_interval: 'often' }, /healthcheck_interval must be a duration/],
      [[1, 2], /must be a JSON object/],
    ];
    for (const [body, message] of cases) {
      const result = await call(emulator, 'POST', '/api/connections', { body });
      assert.equal(result.status, 400, JSON.stringify(body));
      assert.match(result.json.message, message);
    }
  });

  test('organization_id must be the key\'s organisation, and policies a list of strings', async () => {
    const otherOrg = await call(emulator, 'POST', '/api/connections', { body: { ...postgres(), organization_id: '99999999-0000-4000-8000-000000000000' } });
    assert.equal(otherOrg.status, 403);
    assert.match(otherOrg.json.message, /not accessible with this API key/);
    const sameOrg = await call(emulator, 'POST', '/api/connections', { body: { ...postgres(), organization_id: emulator.orgId, policies: ['a1b2c3d4-0000-4000-8000-000000000000'] } });
    assert.equal(sameOrg.status, 200);
    assert.deepEqual(sameOrg.json.data.policies, ['a1b2c3d4-0000-4000-8000-000000000000']);
    const badPolicies = await call(emulator, 'POST', '/api/connections', { body: { ...postgres(), policies: 'all' } });
    assert.equal(badPolicies.status, 400);
    assert.equal(badPolicies.json.message, 'policies must be an array of strings');
  });

  test('an unknown type is refused', async () => {
    const result = await call(emulator, 'POST', '/api/connections', { body: { name: 'x', type: 'nosuchdb', configuration: {} } });
    assert.equal(result.status, 400);
    assert.equal(result.json.message, 'unknown connection type "nosuchdb"');
  });

  test('a configuration that fails the schema is a 422 naming each field', async () => {
    const result = await call(emulator, 'POST', '/api/connections', {
      body: { name: 'x', type: 'postgresql', configuration: { hostname: 'h', username: 'u', password: 'p', database: 'd', port: '5432', colour: 'red' } },
    });
    assert.equal(result.status, 422);
    assert.equal(result.json.message, 'configuration: unknown field `colour`; `port` must be of type integer');
    assert.deepEqual(result.json.metadata.errors, [
      { field: 'colour', message: 'unknown field `colour`' },
      { field: 'port', message: '`port` must be of type integer' },
    ]);
    const missing = await call(emulator, 'POST', '/api/connections', { body: postgres({ hostname: undefined }) });
    assert.equal(missing.json.message, 'configuration: missing required field `hostname`');
  });

  test('{value, label} enums accept values only, and nested fields are checked', async () => {
    const ok = await call(emulator, 'POST', '/api/connections', { body: { name: 'c', type: 'chargebee', configuration: { site: 'acme', api_key: 'k', product_catalog: '2.0' }, validate: false } });
    assert.equal(ok.status, 200, ok.text);
    const bad = await call(emulator, 'POST', '/api/connections', { body: { name: 'c', type: 'chargebee', configuration: { site: 'acme', api_key: 'k', product_catalog: '3.0' } } });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.message, 'configuration: `product_catalog` must be one of "1.0", "2.0"');
    const nested = await call(emulator, 'POST', '/api/connections', {
      body: { name: 'a', type: 'api', configuration: { url: 'https://x.example.com', headers: [{ name: 'A', value: 1 }], body: '{not json' } },
    });
    assert.equal(nested.status, 422);
    assert.deepEqual(nested.json.metadata.errors.map((e: any) => e.field).sort(), ['body', 'headers[0].value']);
  });

  test('read-only fields in a request are ignored rather than refused', async () => {
    const created = await createConnection(emulator, { name: 'hub', type: 'hubspot', configuration: { hub_domain: 'typed.example.com', use_search_api: true } });
    assert.equal('hub_domain' in created.configuration, false);
  });

  test('validate (the default) refuses an unreachable upstream; validate:false stores it unhealthy', async () => {
    const refused = await call(emulator, 'POST', '/api/connections', { body: { ...postgres({ hostname: 'db.unreachable.example.com' }), validate: undefined } });
    assert.equal(refused.status, 400);
    assert.match(refused.json.message, /could not reach `hostname` \(db\.unreachable\.example\.com\)/);
    const stored = await createConnection(emulator, { ...postgres({ hostname: 'db.unreachable.example.com' }), validate: false });
    assert.equal(stored.status, 'unhealthy');
    assert.match(stored.status_error, /could not reach/);
    const url = await call(emulator, 'POST', '/api/connections', { body: { name: 'w', type: 'api', configuration: { url: 'https://unreachable.example.com/api' } } });
    assert.equal(url.status, 400);
  });

  test('test answers an empty 200 on success and a 400 with a message on failure; nothing is stored', async () => {
    const before = emulator.state.connections.size;
    const ok = await call(emulator, 'POST', '/api/connections/test', { body: { type: 'postgresql', configuration: postgres().configuration } });
    assert.equal(ok.status, 200);
    assert.equal(ok.text, '');
    const unreachable = await call(emulator, 'POST', '/api/connections/test', { body: { type: 'postgresql', configuration: postgres({ hostname: 'unreachable.internal' }).configuration } });
    assert.equal(unreachable.status, 400);
    assert.match(unreachable.json.message, /connection test failed/);
    const missing = await call(emulator, 'POST', '/api/connections/test', { body: { type: 'postgresql', configuration: { hostname: 'h' } } });
    assert.equal(missing.status, 400);
    assert.match(missing.json.message, /missing required field `username`/);
    assert.equal(emulator.state.connections.size, before);
  });

  test('test with connection_id merges over the stored configuration, secrets included', async () => {
    const created = await createConnection(emulator);
    const merged = await call(emulator, 'POST', '/api/connections/test', { body: { type: 'postgresql', connection_id: created.id, configuration: { database: 'other' } } });
    assert.equal(merged.status, 200, merged.text);
    const unreachable = await call(emulator, 'POST', '/api/connections/test', { body: { type: 'postgresql', connection_id: created.id, configuration: { hostname: 'unreachable.example.com', password: '********' } } });
    assert.equal(unreachable.status, 400);
    const unknown = await call(emulator, 'POST', '/api/connections/test', { body: { type: 'postgresql', connection_id: UNKNOWN_ID, configuration: {} } });
    assert.equal(unknown.status, 404);
  });

  test('delete answers an empty 200 and the connection is gone', async () => {
    const created = await createConnection(emulator);
    const removed = await call(emulator, 'DELETE', `/api/connections/${created.id}?force=false`);
    assert.equal(removed.status, 200);
    assert.equal(removed.text, '');
    assert.equal((await call(emulator, 'GET', `/api/connections/${created.id}`)).status, 404);
    assert.equal((await call(emulator, 'DELETE', `/api/connections/${created.id}?force=maybe`)).status, 400);
  });

  test('update cannot change the type', async () => {
    const created = await createConnection(emulator);
    const result = await call(emulator, 'PUT', `/api/connections/${created.id}`, { body: { ...postgres(), type: 'mysql' } });
    assert.equal(result.status, 400);
    assert.match(result.json.message, /type cannot be changed/);
  });
});
