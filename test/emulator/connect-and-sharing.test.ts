// The type list's required fields (capabilities, logo_url), the Connect Card endpoint, and shared connections, as
// Polytomic's API documents them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../emulator/src/index';
import { call, createConnection, start } from './harness';

const CHILD_ORG = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

describe('connection types: the fields the SDK declares required', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start();
  });
  after(() => emulator.close());

  test('every type has capabilities {source, destination, enrichment, orchestration} and a logo_url that serves an image', async () => {
    const result = await call(emulator, 'GET', '/api/connection_types', { auth: null });
    assert.equal(result.status, 200);
    assert.equal(result.json.data.length, 232);
    for (const type of result.json.data) {
      assert.deepEqual(Object.keys(type.capabilities).sort(), ['destination', 'enrichment', 'orchestration', 'source'], type.id);
      assert.ok(Object.values(type.capabilities).every((v) => typeof v === 'boolean'), type.id);
      assert.equal(typeof type.logo_url, 'string', type.id);
      assert.equal(typeof type.use_oauth, 'boolean', type.id);
    }
    const postgres = result.json.data.find((t: any) => t.id === 'postgresql');
    assert.equal(postgres.logo_url, `${emulator.url}/logos/postgresql.svg`);
    const logo = await fetch(postgres.logo_url);
    assert.equal(logo.status, 200);
    assert.equal(logo.headers.get('content-type'), 'image/svg+xml');
    assert.match(await logo.text(), /^<svg [^>]*>.*<title>PostgreSQL<\/title>/);
  });
});

describe('POST /api/connections/connect/', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start();
  });
  after(() => emulator.close());

  test('answers a Connect Card session {redirect_url, token}, with or without the trailing slash, in 2024-02-08 too', async () => {
    for (const [path, version] of [['/api/connections/connect/', '2025-09-18'], ['/api/connections/connect', '2024-02-08']]) {
      const result = await call(emulator, 'POST', path, { version, body: { name: 'Warehouse', redirect_url: 'https://example.com/done', type: 'postgresql' } });
      assert.equal(result.status, 200, `${path} ${version}: ${result.text}`);
      assert.match(result.json.data.token, /^[0-9a-f]{32}$/);
      assert.equal(result.json.data.redirect_url, `${emulator.url}/connect/${result.json.data.token}`);
    }
  });

  test('is never taken for a connection id: other methods are a 405 that allows POST only', async () => {
    const result = await call(emulator, 'PATCH', '/api/connections/connect/', { version: '2024-02-08', body: {} });
    assert.equal(result.status, 405);
    assert.equal(result.headers.get('allow'), 'POST');
    assert.match(result.json.message, /allowed: POST$/);
  });

  test('checks the request: name and redirect_url required, a known type, an existing connection', async () => {
    const missing = await call(emulator, 'POST', '/api/connections/connect', { body: { name: 'x' } });
    assert.equal(missing.status, 400);
    assert.match(missing.json.message, /redirect_url/);
    const badType = await call(emulator, 'POST', '/api/connections/connect', { body: { name: 'x', redirect_url: 'https://e.com', type: 'nope' } });
    assert.equal(badType.status, 400);
    assert.match(badType.json.message, /unknown connection type "nope"/);
    const ghost = await call(emulator, 'POST', '/api/connections/connect', {
      body: { name: 'x', redirect_url: 'https://e.com', connection: '00000000-0000-4000-8000-000000000000' },
    });
    assert.equal(ghost.status, 404);
  });
});

describe('shared connections', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await start();
  });
  after(() => emulator.close());

  test('2024-02-08: POST /api/connections/{id}/share makes a copy in the child organisation, listed under /shared', async () => {
    const parent = await createConnection(emulator);
    const shared = await call(emulator, 'POST', `/api/connections/${parent.id}/share`, { version: '2024-02-08', body: { child_organization_id: CHILD_ORG } });
    assert.equal(shared.status, 200, shared.text);
    assert.deepEqual(Object.keys(shared.json.data), ['id']);
    const listed = await call(emulator, 'GET', `/api/connections/${parent.id}/shared`, { version: '2024-02-08' });
    assert.equal(listed.status, 200);
    assert.equal(listed.json.data.length, 1);
    const [copy] = listed.json.data;
    assert.equal(copy.id, shared.json.data.id);
    assert.equal(copy.name, 'Warehouse', 'the parent name by default');
    assert.equal(copy.organization_id, CHILD_ORG);
    assert.equal(copy.parent_connection_id, parent.id);
    assert.equal(copy.configuration.password, '********', 'secrets masked');
    const own = await call(emulator, 'GET', '/api/connections');
    assert.ok(!own.json.data.some((c: any) => c.id === copy.id), 'the copy belongs to the child organisation, not to this list');
  });

  test('2025-09-18: creation moved under /api/organizations/{org_id}/connections/{id}/shared', async () => {
    const parent = await createConnection(emulator);
    const moved = await call(emulator, 'POST', `/api/connections/${parent.id}/share`, { body: { child_organization_id: CHILD_ORG } });
    assert.equal(moved.status, 404);
    assert.match(moved.json.message, /\/api\/organizations\/\{org_id\}\/connections\/\{connection_id\}\/shared/);
    const path = `/api/organizations/${emulator.orgId}/connections/${parent.id}/shared`;
    const created = await call(emulator, 'POST', path, { body: { child_organization_id: CHILD_ORG, name: 'Shared warehouse' } });
    assert.equal(created.status, 200, created.text);
    const listed = await call(emulator, 'GET', path);
    assert.deepEqual(listed.json.data.map((c: any) => [c.id, c.name]), [[created.json.data.id, 'Shared warehouse']]);
    const otherOrg = await call(emulator, 'GET', `/api/organizations/${CHILD_ORG}/connections/${parent.id}/shared`);
    assert.equal(otherOrg.status, 403);
  });

  test('refuses sharing with the owner, a bad organisation id or an unknown connection; deleting the parent deletes its copies', async () => {
    const parent = await createConnection(emulator);
    const path = `/api/organizations/${emulator.orgId}/connections/${parent.id}/shared`;
    assert.equal((await call(emulator, 'POST', path, { body: { child_organization_id: emulator.orgId } })).status, 400);
    assert.equal((await call(emulator, 'POST', path, { body: { child_organization_id: 'not-a-uuid' } })).status, 400);
    assert.equal((await call(emulator, 'GET', '/api/connections/00000000-0000-4000-8000-000000000000/shared')).status, 404);
    await call(emulator, 'POST', path, { body: { child_organization_id: CHILD_ORG } });
    assert.equal(emulator.state.sharedCopiesOf(parent.id).length, 1);
    assert.equal((await call(emulator, 'DELETE', `/api/connections/${parent.id}`)).status, 200);
    assert.equal(emulator.state.sharedCopiesOf(parent.id).length, 0);
  });
});
