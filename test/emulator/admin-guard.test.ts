// Issue 10, point 9: the admin endpoints (/__emulator/: reset, faults, state) take no key. A DNS-rebinding page
// (attacker.example resolving to 127.0.0.1) reaches them with its own Host, and any open web page can POST to
// loopback without a preflight: both are refused with 403 and change nothing. Tools and the tests (no Origin) still
// work. node:http is used because fetch() may not set Host or Origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { RunningEmulator } from '../../emulator/src/index';
import { call, createConnection, start } from './harness';

let emulator: RunningEmulator;
before(async () => {
  emulator = await start();
});
after(() => emulator.close());

function raw(method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ status: number; text: string }> {
  const url = new URL(path, emulator.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname, method, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function connectionCount(): Promise<number> {
  return (await call(emulator, 'GET', '/__emulator/state', { auth: null })).json.data.counts.connections;
}

test('a DNS-rebinding request (foreign Host) cannot reset the emulator or read its state', async () => {
  await createConnection(emulator);
  const port = new URL(emulator.url).port;
  for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.nip.io:${port}`, `localhost.attacker.example:${port}`]) {
    const reset = await raw('POST', '/__emulator/reset', { host, 'content-type': 'text/plain' }, '{}');
    assert.equal(reset.status, 403, host);
    assert.match(reset.text, /addressed to localhost or 127\.0\.0\.1 only/);
    assert.equal((await raw('GET', '/__emulator/state', { host })).status, 403, host);
  }
  assert.equal(await connectionCount(), 1, 'nothing was reset');
});

test('a web page of another origin cannot reset it or set faults, even addressing 127.0.0.1', async () => {
  const host = new URL(emulator.url).host;
  for (const origin of ['http://attacker.example', 'http://127.0.0.1:1', 'null', 'https://app.polytomic.com']) {
    const reset = await raw('POST', '/__emulator/reset', { host, origin, 'content-type': 'text/plain' }, '{}');
    assert.equal(reset.status, 403, origin);
    assert.match(reset.text, /does not answer web pages of another origin/);
    assert.equal((await raw('POST', '/__emulator/faults', { host, origin }, '{"errorRate": 1}')).status, 403, origin);
  }
  assert.ok((await connectionCount()) >= 1, 'nothing was reset');
  assert.deepEqual((await call(emulator, 'GET', '/__emulator/faults', { auth: null })).json.data, {}, 'no fault was set');
});

test('tools on this machine (Host 127.0.0.1 or localhost, no Origin, or its own origin) still use the admin endpoints', async () => {
  const port = new URL(emulator.url).port;
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
    assert.equal((await raw('GET', '/__emulator/state', { host })).status, 200, host);
  }
  assert.equal((await raw('GET', '/__emulator/faults', { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` })).status, 200);
  assert.equal((await raw('POST', '/__emulator/reset', { host: `localhost:${port}` }, '{}')).status, 200);
  assert.equal(await connectionCount(), 0);
});
