import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../emulator/src/index';
import { API_KEY, call, createConnection, postgres, start } from './harness';

const ORG = '11111111-2222-4333-8444-555555555555';
const basic = (user: string, key: string) => `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

describe('auth and versions', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start({ orgId: ORG, apiKeys: [API_KEY, 'second-key-abcdef'] });
  });
  after(() => emulator.close());

  test('401 in 2025-09-18 is an ApiError', async () => {
    const result = await call(emulator, 'GET', '/api/connections', { auth: null });
    assert.equal(result.status, 401);
    assert.deepEqual(result.json, { status: 401, message: 'missing Authorization header' });
  });

  test('401 in 2024-02-08 is a RestErrResponse', async () => {
    const result = await call(emulator, 'GET', '/api/connections', { auth: 'Bearer wrong-key', version: '2024-02-08' });
    assert.equal(result.status, 401);
    assert.deepEqual(result.json, { code: 401, error: 'invalid API key', status: 'Unauthorized', context: {} });
    assert.equal(result.headers.get('x-polytomic-version'), '2024-02-08');
  });

  test('401 messages never repeat the presented key', async () => {
    const result = await call(emulator, 'GET', '/api/connections', { auth: 'Bearer leaked-secret-value' });
    assert.doesNotMatch(result.text, /leaked-secret-value/);
  });

  test('every configured key works as Bearer', async () => {
    assert.equal((await call(emulator, 'GET', '/api/connections')).status, 200);
    assert.equal((await call(emulator, 'GET', '/api/connections', { auth: 'Bearer second-key-abcdef' })).status, 200);
  });

  test('Basic needs the organisation id as the user and a valid key as the password', async () => {
    assert.equal((await call(emulator, 'GET', '/api/connections', { auth: basic(ORG, API_KEY) })).status, 200);
    const wrongOrg = await call(emulator, 'GET', '/api/connections', { auth: basic('99999999-2222-4333-8444-555555555555', API_KEY) });
    assert.equal(wrongOrg.status, 401);
    assert.match(wrongOrg.json.message, /not valid for the organization/);
    assert.equal((await call(emulator, 'GET', '/api/connections', { auth: basic(ORG, 'bad') })).status, 401);
  });

  test('created_by names the key holder, not the key', async () => {
    const created = await createConnection(emulator);
    const fetched = await call(emulator, 'GET', `/api/connections/${created.id}`, { auth: 'Bearer second-key-abcdef' });
    assert.equal(fetched.json.data.created_by.name, 'API key 1');
    assert.equal(fetched.json.data.organization_id, ORG);
    assert.doesNotMatch(fetched.text, new RegExp(API_KEY));
  });

  test('the version is echoed, and a missing header is served as 2025-09-18', async () => {
    for (const version of ['2025-09-18', '2024-02-08', '2023-04-25', '2022-12-12', '2021-05-23']) {
      const result = await call(emulator, 'GET', '/api/connections', { version });
      assert.equal(result.headers.get('x-polytomic-version'), version);
    }
    const missing = await call(emulator, 'GET', '/api/connections', { version: null });
    assert.equal(missing.status, 200);
    assert.equal(missing.headers.get('x-polytomic-version'), '2025-09-18');
  });

  test('an unsupported version is a 400 that lists the supported ones', async () => {
    const result = await call(emulator, 'GET', '/api/connections', { version: '2020-01-01' });
    assert.equal(result.status, 400);
    assert.match(result.json.message, /unsupported X-Polytomic-Version "2020-01-01"/);
    assert.match(result.json.message, /2025-09-18, 2024-02-08/);
  });

  test('update is PUT from 2024-02-08 on, and PATCH in 2023-04-25', async () => {
    const created = await createConnection(emulator);
    const body = postgres({ database: 'renamed' });
    const put = await call(emulator, 'PUT', `/api/connections/${created.id}`, { body, version: '2024-02-08' });
    assert.equal(put.status, 200);
    const patchNew = await call(emulator, 'PATCH', `/api/connections/${created.id}`, { body });
    assert.equal(patchNew.status, 405);
    assert.match(patchNew.json.message, /use PUT/);
    assert.equal(patchNew.headers.get('allow'), 'GET, PUT, DELETE');
    const putOld = await call(emulator, 'PUT', `/api/connections/${created.id}`, { body, version: '2023-04-25' });
    assert.equal(putOld.status, 405);
    const patchOld = await call(emulator, 'PATCH', `/api/connections/${created.id}`, { body: postgres({ database: 'patched' }), version: '2023-04-25' });
    assert.equal(patchOld.status, 200);
    assert.equal(patchOld.json.data.configuration.database, 'patched');
  });

  test('unknown endpoints are 404 and wrong methods 405, both as ApiError', async () => {
    const missing = await call(emulator, 'GET', '/api/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.status, 404);
    const wrongMethod = await call(emulator, 'DELETE', '/api/connections');
    assert.equal(wrongMethod.status, 405);
  });
});
