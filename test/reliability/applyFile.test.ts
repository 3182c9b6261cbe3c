// The apply runner's own rules, which the fault run relies on: a file that already has an id, has syntax errors or
// misses a placeholder's value sends nothing and changes nothing, and says why; a created file gets exactly its id.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolytomicClient } from '../../core/src/api/client';
import { applyFile } from './faults/applyFile';
import { ScriptedServer } from './support/scriptedServer';

const CREATED_ID = '3f2c1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('applying one file', () => {
  let server: ScriptedServer;
  let client: PolytomicClient;
  let dir: string;

  before(async () => {
    server = await ScriptedServer.start();
    server.reply = { status: 200, contentType: 'application/json', body: JSON.stringify({ data: { id: CREATED_ID, name: 'Orders' } }) };
    client = new PolytomicClient({ profile: { name: 'apply', baseUrl: server.url, keyKind: 'user', apiVersion: '2025-09-18' }, apiKey: 'apply-key-1234' });
    dir = mkdtempSync(join(tmpdir(), 'polytomic-apply-'));
  });

  after(async () => {
    await client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function apply(name: string, text: string, env: Record<string, string> = {}) {
    const file = join(dir, name);
    writeFileSync(file, text);
    const sentBefore = server.received.length;
    const outcome = await applyFile(file, `key-${name.replace(/\W/g, '')}`, { client, env });
    return { outcome, text: readFileSync(file, 'utf8'), sent: server.received.length - sentBefore };
  }

  test('a created file gets its id inserted at the top, comments and the rest untouched, and the secret resolved on the wire', async () => {
    const text = '// orders\n{\n  "name": "Orders",\n  "type": "api",\n  "configuration": { "token": "${env:T}" } // keep\n}\n';
    const result = await apply('created.polytomic.json', text, { T: 'tok-resolved-1' });
    assert.deepEqual(result.outcome, { kind: 'created', id: CREATED_ID });
    assert.equal(result.text, text.replace('{\n', `{\n  "id": "${CREATED_ID}",\n`));
    assert.equal(JSON.parse(server.received.at(-1)!.body).configuration.token, 'tok-resolved-1');
    assert.match(String(server.received.at(-1)!.headers['idempotency-key']), /^key-/);
  });

  test('a file that has an id already is not created again', async () => {
    const result = await apply('has-id.polytomic.json', '{"id": "abc-1", "name": "A", "type": "api", "configuration": {}}');
    assert.deepEqual(result.outcome, { kind: 'already created', id: 'abc-1' });
    assert.equal(result.sent, 0);
  });

  test('a file with a syntax error or a missing placeholder value sends nothing, changes nothing, and says why', async () => {
    const broken = '{"name": "A", "type": "api", "configuration": {}';
    const syntax = await apply('broken.polytomic.json', broken);
    assert.match((syntax.outcome as { reason: string }).reason, /the file has errors: line 1: CloseBraceExpected/);
    assert.equal(syntax.text, broken);
    const missing = '{"name": "A", "type": "api", "configuration": {"token": "${env:NOT_SET_ANYWHERE}"}}';
    const unresolved = await apply('missing.polytomic.json', missing);
    assert.match((unresolved.outcome as { reason: string }).reason, /Missing environment variable NOT_SET_ANYWHERE \(for configuration\.token\)/);
    assert.equal(unresolved.text, missing);
    assert.equal(syntax.sent + unresolved.sent, 0);
  });
});
