// How the API client treats the way to the server: plain http:// only to loopback, TLS verified always (in the code
// and in the bundles), redirects never followed (they would carry the key elsewhere), Authorization never logged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PolytomicClient } from '../../core/src/api/client';
import { REPO_ROOT } from './support/paths';
import { ScriptedServer } from './support/scriptedServer';
import { SelfSignedServer } from './support/selfSignedServer';

const API_KEY = 'transport-key-H4s9Pz2L';

function clientFor(baseUrl: string, log?: string[]): PolytomicClient {
  return new PolytomicClient({
    profile: { name: 'transport', baseUrl, keyKind: 'user', apiVersion: '2025-09-18' },
    apiKey: API_KEY,
    retry: { maxAttempts: 1 },
    log: log ? { info: (l) => log.push(l), warn: (l) => log.push(l), error: (l) => log.push(l) } : undefined,
  });
}

test('plain http:// to a host that is not loopback is refused before anything is sent', () => {
  for (const url of ['http://app.polytomic.com', 'http://10.1.2.3:8080', 'http://localhost.example.com', 'http://127.0.0.1.nip.io', 'http://0.0.0.0:8080', 'http://[::ffff:a01:203]']) {
    assert.throws(() => clientFor(url), /Plain http:\/\/ is refused .*Use https:\/\//, url);
  }
  for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:8080', 'https://app.polytomic.com']) {
    assert.doesNotThrow(() => clientFor(url).close(), url);
  }
});

test('a certificate that cannot be verified is refused, and no request gets through', async () => {
  const server = await SelfSignedServer.start();
  const client = clientFor(server.url);
  try {
    await assert.rejects(client.listConnections(), (error: Error) => {
      assert.match(error.message, /https:\/\/127\.0\.0\.1:\d+/);
      assert.match(error.message, /SELF_SIGNED_CERT/);
      return true;
    });
    assert.equal(server.requests, 0);
  } finally {
    await client.close();
    await server.close();
  }
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('nothing in the sources or the bundles turns TLS verification off', () => {
  const turnsOff = /rejectUnauthorized\s*:\s*(false|!1|0)\b|NODE_TLS_REJECT_UNAUTHORIZED\s*=|strictSSL\s*:\s*(false|!1)|checkServerIdentity\s*:/;
  const files = [...sourceFiles(join(REPO_ROOT, 'client', 'src')), ...sourceFiles(join(REPO_ROOT, 'server', 'src'))];
  const bundles = ['extension.js', 'server.js'].map((name) => join(REPO_ROOT, 'dist', name));
  const offenders = [...files, ...bundles].filter((file) => turnsOff.test(readFileSync(file, 'utf8')));
  assert.ok(files.length > 20, 'the sources were found');
  assert.deepEqual(offenders, []);
});

test('a redirect is not followed, and the Authorization header reaches no log', async () => {
  const server = await ScriptedServer.start();
  const log: string[] = [];
  const client = clientFor(server.url, log);
  server.reply = { status: 307, contentType: 'text/plain', body: 'moved' };
  try {
    await assert.rejects(client.listConnections(), /was redirected \(307\)/);
    assert.equal(server.received.length, 1);
    assert.equal(server.received[0].headers.authorization, `Bearer ${API_KEY}`, 'the key was sent, to this server only');
    assert.ok(log.length > 0, 'the attempt was logged');
    assert.deepEqual(log.filter((line) => line.includes(API_KEY) || /authorization|bearer/i.test(line)), []);
  } finally {
    await client.close();
    await server.close();
  }
});
