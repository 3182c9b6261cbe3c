// The client against the emulator over real HTTP: every endpoint, both kinds of key, all three API versions,
// the error cases the extension branches on, and retries under injected faults.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import type { PolytomicClient } from '../../core/src/api/client';
import type { ApiVersion, KeyKind } from '../../core/src/api/profile';
import { makeClient } from './support/clientFactory';
import { sharedCatalogDir } from './support/paths';
import { rawJson } from './support/rawHttp';
import { apiError } from './support/apiError';

const API_KEY = 'emulator-key-5f1c2e9a';
let emulator: RunningEmulator;

before(async () => {
  emulator = await startEmulator({ apiKeys: [API_KEY], catalogDir: sharedCatalogDir() });
});
after(async () => {
  await emulator.close();
});

function clientFor(keyKind: KeyKind, apiVersion: ApiVersion, retry = {}): PolytomicClient {
  const organizationId = keyKind === 'organization' ? emulator.orgId : undefined;
  return makeClient(emulator.url, { apiKey: API_KEY, retry: { baseDelayMs: 1, maxDelayMs: 2, ...retry } }, { keyKind, organizationId, apiVersion, name: 'emulator' }).client;
}


const postgres = (name: string) => ({
  name,
  type: 'postgresql',
  configuration: { hostname: 'db.internal', username: 'etl', password: 'pg-secret-value', database: 'warehouse', port: 5432 },
});

async function setFaults(spec: Record<string, unknown>): Promise<void> {
  const { status } = await rawJson('POST', `${emulator.url}/__emulator/faults`, spec);
  assert.equal(status, 200, 'the emulator accepted the fault spec');
}

describe('every endpoint, both kinds of key, all three versions', () => {
  const versions: ApiVersion[] = ['2025-09-18', '2024-02-08', '2023-04-25'];
  const kinds: KeyKind[] = ['user', 'organization'];
  for (const apiVersion of versions) {
    for (const keyKind of kinds) {
      test(`${keyKind} key, version ${apiVersion}`, async () => {
        const client = clientFor(keyKind, apiVersion);
        const types = await client.listConnectionTypes();
        assert.ok(types.some((t) => t.id === 'postgresql'));
        const schema = await client.getConnectionTypeSchema('postgresql');
        assert.deepEqual((schema.required as string[]).slice().sort(), ['database', 'hostname', 'password', 'port', 'username']);
        const values = await client.getTypeParameterValues('redshift', { field: 'auth_mode' });
        assert.deepEqual(values.auth_mode.values?.map((v) => v.value).sort(), ['access_key_and_secret', 'iam_role']);

        const created = await client.createConnection(postgres(`pg ${apiVersion} ${keyKind}`));
        assert.equal(created.configuration?.password, '********', 'secrets come back masked');
        assert.equal((await client.getConnection(created.id)).name, created.name);
        assert.ok((await client.listConnections()).some((c) => c.id === created.id));

        const renamed = { ...postgres(`${created.name} renamed`), configuration: { ...postgres('').configuration, hostname: 'db2.internal' } };
        const updated = await client.updateConnection(created.id, renamed);
        assert.deepEqual([updated.name, updated.configuration?.hostname], [renamed.name, 'db2.internal']);

        await client.testConnection({ type: 'postgresql', configuration: postgres('').configuration });
        await client.testConnection({ type: 'postgresql', configuration: { password: '********' }, connection_id: created.id }).catch((err: unknown) => {
          // Merged over the stored configuration, a masked password keeps the stored secret.
          assert.fail(`test with connection_id failed: ${String(err)}`);
        });

        await client.deleteConnection(created.id);
        const gone = await apiError(client.getConnection(created.id));
        assert.deepEqual([gone.kind, gone.status], ['not_found', 404]);
        await client.close();
      });
    }
  }
});

describe('errors the extension branches on', () => {
  test('a wrong key is a 401 that asks for the key again, in both body shapes', async () => {
    for (const apiVersion of ['2025-09-18', '2024-02-08'] as ApiVersion[]) {
      const { client } = makeClient(emulator.url, { apiKey: 'not-the-key' }, { apiVersion, name: 'staging' });
      const error = await apiError(client.listConnections());
      assert.deepEqual([error.kind, error.status], ['unauthorized', 401]);
      assert.match(error.message, /^Polytomic rejected the API key \(401\)(: .+)?\. Re-enter the key for profile "staging"\.$/);
      await client.close();
    }
  });

  test('an unknown type and an unknown connection are 404s naming what is missing', async () => {
    const client = clientFor('user', '2025-09-18');
    const type = await apiError(client.getConnectionTypeSchema('no_such_type'));
    assert.equal(type.kind, 'not_found');
    assert.match(type.message, /no connection type "no_such_type"/);
    const missing = await apiError(client.deleteConnection('00000000-0000-4000-8000-000000000000'));
    assert.equal(missing.kind, 'not_found');
    await client.close();
  });

  test('an invalid configuration is a 422 with field errors', async () => {
    const client = clientFor('user', '2025-09-18');
    const { hostname: _omitted, ...configuration } = postgres('').configuration;
    const error = await apiError(client.createConnection({ name: 'broken', type: 'postgresql', configuration }));
    assert.deepEqual([error.kind, error.status], ['unprocessable', 422]);
    assert.ok(error.fieldErrors?.some((f) => f.field.includes('hostname')), JSON.stringify(error.fieldErrors));
    assert.match(error.message, /hostname/);
    await client.close();
  });

  test('deleting a connection in use lists its dependents; force deletes them too', async () => {
    const client = clientFor('organization', '2024-02-08');
    const source = await client.createConnection(postgres('in-use source'));
    const destination = await client.createConnection(postgres('in-use destination'));
    const sync = await rawJson(
      'POST',
      `${emulator.url}/api/bulk/syncs`,
      { name: 'Nightly', source_connection_id: source.id, destination_connection_id: destination.id },
      { authorization: `Bearer ${API_KEY}` },
    );
    assert.equal(sync.status, 200);
    const syncId = (sync.json as { data: { id: string } }).data.id;

    const inUse = await apiError(client.deleteConnection(source.id));
    assert.deepEqual([inUse.kind, inUse.status], ['in_use', 422]);
    assert.deepEqual(inUse.usedBy, [{ type: 'bulk_sync', name: 'Nightly', id: syncId }]);
    assert.equal(inUse.message, 'Connection is used by 1 resource: bulk sync "Nightly". Delete them first or force delete.');
    assert.equal((await client.getConnection(source.id)).id, source.id, 'nothing was deleted');

    await client.deleteConnection(source.id, { force: true });
    assert.equal((await apiError(client.getConnection(source.id))).kind, 'not_found');
    const syncAfter = await rawJson('GET', `${emulator.url}/api/bulk/syncs/${syncId}`, undefined, { authorization: `Bearer ${API_KEY}` });
    assert.equal(syncAfter.status, 404, 'the force delete removed the bulk sync');
    await client.deleteConnection(destination.id);
    await client.close();
  });
});

describe('retries under injected faults', () => {
  test('creates that meet 5xx, dropped sockets and 429s end with exactly one connection each', async () => {
    emulator.reset();
    await setFaults({ errorRate: 0.4, dropRate: 0.4, afterCommitShare: 0.5, rateLimit: { every: 4, retryAfterSeconds: 1 }, seed: 3, methods: ['POST'] });
    const { client, delays, logger } = makeClient(emulator.url, { apiKey: API_KEY, retry: { maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 2 } });
    const names = Array.from({ length: 10 }, (_, i) => `faulty create ${i}`);
    for (const name of names) await client.createConnection(postgres(name));
    await setFaults({});
    assert.ok(delays.includes(1000), 'the 429s were waited out for their Retry-After');
    // Seed 3 gives this request sequence every kind of fault, half of them after the emulator committed the create.
    const retried = logger.lines.filter((l) => l.line.includes('retrying')).map((l) => l.line);
    for (const cause of [/-> 429 /, /-> 50[023] /, /-> connection dropped \(UND_ERR_SOCKET\)/]) {
      assert.ok(retried.some((line) => cause.test(line)), `a retry after ${cause.source}`);
    }
    const stored = await client.listConnections();
    assert.deepEqual(stored.map((c) => c.name).sort(), names.slice().sort(), 'one connection per logical create');
    await client.close();
  });

  test('reads ride out faults; updates fail at the first one and change nothing twice', async () => {
    emulator.reset();
    const { client } = makeClient(emulator.url, { apiKey: API_KEY, retry: { maxAttempts: 12, baseDelayMs: 1, maxDelayMs: 2 } });
    const created = await client.createConnection(postgres('steady'));
    await setFaults({ errorRate: 0.5, dropRate: 0.3, seed: 3, methods: ['GET'] });
    for (let i = 0; i < 5; i++) assert.equal((await client.getConnection(created.id)).id, created.id);
    await setFaults({ errorRate: 1, errorStatuses: [503], methods: ['PUT'] });
    const error = await apiError(client.updateConnection(created.id, postgres('renamed')));
    assert.deepEqual([error.kind, error.status], ['server', 503]);
    await setFaults({});
    assert.equal((await client.getConnection(created.id)).name, 'steady', 'a before-commit 503 changed nothing');
    await client.close();
  });
});
