// Everything the request logger receives, and every error message, during runs that carry a known API key and
// known secret configuration values: none of those secrets may appear anywhere.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { authorizationHeader } from '../../core/src/api/auth';
import { PolytomicApiError } from '../../core/src/api/errors';
import { makeClient } from './support/clientFactory';
import { sendJson, startFakeServer } from './support/fakeServer';
import { sharedCatalogDir } from './support/paths';
import { rawJson } from './support/rawHttp';

const API_KEY = 'sk-live-7a1b9c3d5e';
const SECRETS = {
  pgPassword: 'pg-pass-Q8w7e6r5',
  basicPassword: 'basic-pass-Z1x2c3',
  headerToken: 'header-token-M4n5b6',
  clientSecret: 'oauth-secret-P0o9i8',
  listedByCaller: 'tenant-private-K3j4h5',
};

let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator({ apiKeys: [API_KEY], catalogDir: sharedCatalogDir() });
});
after(async () => {
  await emulator.close();
});

/** Runs a call and returns its error message (and field errors), or '' when it succeeded. */
async function messageOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return '';
  } catch (err) {
    assert.ok(err instanceof PolytomicApiError, String(err));
    return [err.message, ...(err.fieldErrors ?? []).map((f) => `${f.field} ${f.message}`)].join('\n');
  }
}

function assertNoSecrets(text: string, extra: string[] = []): void {
  const forbidden = [API_KEY, authorizationHeader({ keyKind: 'organization', organizationId: emulator?.orgId ?? '' }, API_KEY).slice(6), ...Object.values(SECRETS), ...extra];
  for (const secret of forbidden) assert.ok(!text.includes(secret), `"${secret}" leaked into:\n${text}`);
}

test('a full run against the emulator logs no key, no Authorization header and no secret value', async () => {
  const { client, logger } = makeClient(
    emulator.url,
    { apiKey: API_KEY, sensitiveFields: ['tenant_blob'], retry: { maxAttempts: 6, baseDelayMs: 1, maxDelayMs: 2 } },
    { keyKind: 'organization', organizationId: emulator.orgId, name: 'secrets' },
  );
  const messages: string[] = [];
  const pg = { hostname: 'db.internal', username: 'etl', password: SECRETS.pgPassword, database: 'w', port: 5432 };
  const created = await client.createConnection({ name: 'pg', type: 'postgresql', configuration: pg });
  const api = {
    url: 'https://api.example.com',
    headers: [{ name: 'Authorization', value: SECRETS.headerToken }],
    auth: { basic: { username: 'u', password: SECRETS.basicPassword } },
  };
  messages.push(await messageOf(client.createConnection({ name: 'api', type: 'api', configuration: api })));
  // Rejected configurations: wrong types and unknown fields make the server talk about the values it got.
  messages.push(await messageOf(client.createConnection({ name: 'bad', type: 'postgresql', configuration: { ...pg, port: SECRETS.pgPassword } })));
  messages.push(await messageOf(client.createConnection({ name: 'bad', type: 'postgresql', configuration: { ...pg, tenant_blob: SECRETS.listedByCaller } })));
  messages.push(await messageOf(client.updateConnection(created.id, { name: 'pg', configuration: { ...pg, hostname: 'unreachable.internal' } })));
  messages.push(await messageOf(client.testConnection({ type: 'api', configuration: { ...api, auth: { oauth: { client_id: 'c', client_secret: SECRETS.clientSecret } } } })));
  // Faults produce warn lines and retries on the way.
  await rawJson('POST', `${emulator.url}/__emulator/faults`, { errorRate: 0.5, dropRate: 0.3, seed: 4 });
  messages.push(await messageOf(client.listConnections()));
  messages.push(await messageOf(client.createConnection({ name: 'pg2', type: 'postgresql', configuration: pg })));
  messages.push(await messageOf(client.updateConnection(created.id, { name: 'pg', configuration: pg })));
  await rawJson('POST', `${emulator.url}/__emulator/faults`, {});
  const { client: wrongKey, logger: wrongKeyLog } = makeClient(emulator.url, { apiKey: `${API_KEY}-old` }, { name: 'secrets' });
  messages.push(await messageOf(wrongKey.listConnections()));
  await client.close();
  await wrongKey.close();

  assert.ok(logger.lines.length >= 10, `the run was logged (${logger.lines.length} lines)`);
  assert.ok(messages.some((m) => m !== ''), 'some calls failed, so error messages were checked too');
  assertNoSecrets([logger.text(), wrongKeyLog.text(), ...messages].join('\n'), [`${API_KEY}-old`]);
});

test('a server that echoes secrets in its error has them scrubbed from the error and the log', async () => {
  const server = await startFakeServer((req, res) =>
    sendJson(res, 400, {
      message: `password ${SECRETS.pgPassword} rejected for key ${API_KEY} (${String(req.headers.authorization)})`,
      metadata: { errors: [{ field: 'password', message: `"${SECRETS.pgPassword}" is too short` }] },
    }),
  );
  const { client, logger } = makeClient(server.url, { apiKey: API_KEY });
  const message = await messageOf(client.createConnection({ name: 'pg', type: 'postgresql', configuration: { password: SECRETS.pgPassword } }));
  assert.match(message, /password \[redacted\] rejected for key \[redacted\] \(\[redacted\]\)/);
  assertNoSecrets(`${message}\n${logger.text()}`);
  await client.close();
  await server.close();
});

test('fields a fetched type schema marks sensitive are scrubbed even when their names look harmless', async () => {
  const serviceAccount = '{"type":"service_account","project_id":"p-778"}';
  const server = await startFakeServer((req, res) =>
    req.method === 'GET'
      ? sendJson(res, 200, { type: 'object', properties: { service_account: { type: 'string', sensitive: true }, location: { type: 'string' } } })
      : sendJson(res, 400, { message: `cannot parse service account ${serviceAccount} in location US` }),
  );
  const { client, logger } = makeClient(server.url, { apiKey: API_KEY });
  await client.getConnectionTypeSchema('bigquery');
  const message = await messageOf(client.createConnection({ name: 'bq', type: 'bigquery', configuration: { service_account: serviceAccount, location: 'US' } }));
  assert.match(message, /cannot parse service account \[redacted\] in location US/);
  assertNoSecrets(`${message}\n${logger.text()}`, [serviceAccount]);
  await client.close();
  await server.close();
});
