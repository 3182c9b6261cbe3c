// Answers the real API should never give, to a create: each must become a clear error, never a crash, and leave the
// workspace exactly as it was (no id written, no temporary file left behind).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolytomicClient } from '../../core/src/api/client';
import { applyFile } from './faults/applyFile';
import { ScriptedServer, type ScriptedReply } from './support/scriptedServer';
import { snapshotFolder } from './support/workspaceSnapshot';

const API_KEY = 'bad-answers-key-5Jd8Wq';
const PASSWORD = 'pw-bad-answers-Zr71Kc';

const FILE_TEXT = `// a connection that is about to be created
{
  "name": "Orders database",
  "type": "postgresql",
  "configuration": { "hostname": "db.example.com", "port": 5432, "database": "orders", "username": "app", "password": "\${env:ORDERS_PASSWORD}" }
}
`;

const html = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>';

const CASES: Array<{ name: string; reply: ScriptedReply; says: RegExp }> = [
  { name: 'a body that is not JSON', reply: { status: 200, contentType: 'text/plain', body: 'OK, created it' }, says: /answered 200 with "OK, created it" instead of JSON/ },
  { name: 'an HTML page with 200', reply: { status: 200, contentType: 'text/html', body: html }, says: /answered 200 with "502 Bad Gateway" instead of JSON/ },
  { name: 'an HTML error page with 502', reply: { status: 502, contentType: 'text/html', body: html }, says: /server error \(502.*"502 Bad Gateway"/ },
  { name: 'a truncated body', reply: { status: 200, contentType: 'application/json', body: '{"data": {"id": "5b1f0c9e-1111-4a2b-9c3d-0e1f2a3b4c5d", "na' }, says: /JSON that was cut off/ },
  {
    name: 'a body cut off by a closed connection',
    reply: { status: 200, contentType: 'application/json', body: '{"data": {"id": "5b1f0c9e-1111-4a2b-9c3d-0e1f2a3b4c5d", "name": "Orders"}}', cutAt: 20 },
    says: /Could not reach the Polytomic API at http:\/\/127\.0\.0\.1:\d+ \(POST \/api\/connections\).*UND_ERR_SOCKET/,
  },
  { name: 'a missing data envelope', reply: { status: 200, contentType: 'application/json', body: '{"id": "5b1f0c9e-1111-4a2b-9c3d-0e1f2a3b4c5d", "name": "Orders database"}' }, says: /without the "data" envelope/ },
  { name: 'an id of the wrong type', reply: { status: 200, contentType: 'application/json', body: '{"data": {"id": 1234, "name": "Orders database"}}' }, says: /unexpected shape \(the connection has no "id"\)/ },
  { name: 'a name of the wrong type', reply: { status: 200, contentType: 'application/json', body: '{"data": {"id": "c-1", "name": ["Orders"]}}' }, says: /unexpected shape \(connection c-1 has no "name"\)/ },
  { name: 'data that is a list', reply: { status: 200, contentType: 'application/json', body: '{"data": []}' }, says: /unexpected shape \(expected a connection object, got an array\)/ },
  { name: 'an empty body', reply: { status: 200, contentType: 'application/json', body: '' }, says: /answered 200 with an empty body/ },
];

describe('bad answers to a create', () => {
  let server: ScriptedServer;
  let client: PolytomicClient;

  before(async () => {
    server = await ScriptedServer.start();
    client = new PolytomicClient({
      profile: { name: 'bad answers', baseUrl: server.url, keyKind: 'user', apiVersion: '2025-09-18' },
      apiKey: API_KEY,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
  });

  after(async () => {
    await client.close();
    await server.close();
  });

  for (const { name, reply, says } of CASES) {
    test(`${name}: a clear error, and the workspace is unchanged`, async () => {
      const workspace = mkdtempSync(join(tmpdir(), 'polytomic-bad-answer-'));
      const file = join(workspace, 'orders.polytomic.json');
      writeFileSync(file, FILE_TEXT);
      const before = snapshotFolder(workspace);
      server.reply = reply;
      const outcome = await applyFile(file, 'bad-answer-key-0001', { client, env: { ORDERS_PASSWORD: PASSWORD } });
      assert.equal(outcome.kind, 'failed');
      assert.match((outcome as { reason: string }).reason, says);
      assert.doesNotMatch((outcome as { reason: string }).reason, new RegExp(`${API_KEY}|${PASSWORD}`));
      assert.deepEqual(snapshotFolder(workspace), before);
      rmSync(workspace, { recursive: true, force: true });
    });
  }
});
