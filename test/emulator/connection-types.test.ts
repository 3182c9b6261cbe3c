import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../emulator/src/index';
import { call, createConnection, repoRoot, sharedCatalog, start } from './harness';

describe('connection types', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start();
  });
  after(() => emulator.close());

  test('the list is a {data} envelope of the catalog index and needs no key in 2025-09-18', async () => {
    const result = await call(emulator, 'GET', '/api/connection_types', { auth: null });
    assert.equal(result.status, 200);
    const index = JSON.parse(readFileSync(join(sharedCatalog, 'index.json'), 'utf8'));
    // The index's own fields, plus the ones the API adds (connect-and-sharing.test.ts checks those).
    assert.deepEqual(
      result.json.data.map((t: any) => ({ id: t.id, name: t.name, use_oauth: t.use_oauth })),
      index,
    );
    assert.ok(result.json.data.some((t: any) => t.id === 'postgresql' && t.name === 'PostgreSQL' && t.use_oauth === false));
  });

  test('the list needs a key in 2024-02-08', async () => {
    const result = await call(emulator, 'GET', '/api/connection_types', { auth: null, version: '2024-02-08' });
    assert.equal(result.status, 401);
  });

  test('one type answers its bare schema, verbatim, without an envelope', async () => {
    const result = await call(emulator, 'GET', '/api/connection_types/chargebee');
    assert.equal(result.status, 200);
    assert.deepEqual(result.json, JSON.parse(readFileSync(join(sharedCatalog, 'chargebee.json'), 'utf8')));
    assert.equal(result.json.data, undefined);
  });

  test('a catalog folder without index.json is refused at start', async () => {
    await assert.rejects(start({ catalogDir: join(repoRoot, 'no-such-folder') }), /no-such-folder has no index\.json/);
  });

  test('an unknown type is a 404 ApiError', async () => {
    const result = await call(emulator, 'GET', '/api/connection_types/no_such_type');
    assert.equal(result.status, 404);
    assert.equal(result.json.status, 404);
    assert.match(result.json.message, /no_such_type/);
  });

  test('type parameter values come from {value, label} enums, with labels', async () => {
    const result = await call(emulator, 'POST', '/api/connection_types/chargebee/parameter_values', { body: { field: 'product_catalog' } });
    assert.equal(result.status, 200);
    assert.deepEqual(result.json.data.product_catalog.values, [
      { value: '1.0', label: '1.0' },
      { value: '2.0', label: '2.0' },
    ]);
  });

  test('type parameter values fall back to examples and filter by query', async () => {
    const all = await call(emulator, 'POST', '/api/connection_types/postgresql/parameter_values', { body: { field: 'hostname' } });
    assert.deepEqual(all.json.data.hostname.values, [{ value: 'database.example.com', label: 'database.example.com' }]);
    const filtered = await call(emulator, 'POST', '/api/connection_types/s3/parameter_values', { body: { field: 'auth_mode', query: 'iam' } });
    assert.deepEqual(filtered.json.data.auth_mode.values.map((v: any) => v.value), ['iam_role']);
  });

  test('type parameter values refuse a missing or unknown field and an unknown type', async () => {
    assert.equal((await call(emulator, 'POST', '/api/connection_types/postgresql/parameter_values', { body: {} })).status, 400);
    const unknownField = await call(emulator, 'POST', '/api/connection_types/postgresql/parameter_values', { body: { field: 'nope' } });
    assert.equal(unknownField.status, 400);
    assert.match(unknownField.json.message, /no field "nope"/);
    assert.equal((await call(emulator, 'POST', '/api/connection_types/nope/parameter_values', { body: { field: 'x' } })).status, 404);
  });

  test("a connection's parameter values cover its enum fields", async () => {
    const connection = await createConnection(emulator, {
      name: 'Lake',
      type: 's3',
      configuration: { auth_mode: 'iam_role', s3_bucket_name: 'b', s3_bucket_region: 'us-east-1', iam_role_arn: 'arn:aws:iam::1:role/x' },
    });
    const result = await call(emulator, 'GET', `/api/connections/${connection.id}/parameter_values`);
    assert.equal(result.status, 200);
    assert.deepEqual(result.json.data.auth_mode.values.map((v: any) => v.value), ['access_key_and_secret', 'iam_role']);
    assert.deepEqual(result.json.data.single_table_file_format.values.map((v: any) => v.label), ['CSV', 'JSON', 'Parquet']);
    assert.equal((await call(emulator, 'GET', '/api/connections/00000000-0000-4000-8000-000000000000/parameter_values')).status, 404);
  });
});
