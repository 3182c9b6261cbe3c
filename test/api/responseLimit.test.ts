// Issue 10, point 5: an answer is never read whole into memory whatever its size. Past 32 MB the client stops
// reading, drops the connection and says what happened; a declared Content-Length over the limit is not read at all.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../core/src/api/client';
import { makeClient } from './support/clientFactory';
import { startFakeServer } from './support/fakeServer';
import { apiError } from './support/apiError';


test('a chunked body larger than 32 MB is cut off with a clear error, and not retried', async () => {
  assert.equal(DEFAULT_MAX_RESPONSE_BYTES, 32 * 1024 * 1024);
  let written = 0;
  let aborted = false;
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const server = await startFakeServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }); // no Content-Length: chunked, size unknown up front
    res.on('close', () => (aborted = !res.writableFinished));
    const pump = (): void => {
      while (written < 400 * chunk.length) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.write('{"data": "');
    pump();
  });
  const { client, logger } = makeClient(server.url);
  try {
    const error = await apiError(client.listConnections());
    assert.equal(error.kind, 'bad_response');
    assert.equal(error.status, 200);
    assert.equal(
      error.message,
      'Polytomic answered 200 with more than 32 MB, which is more than any Polytomic answer; it was not read. Check the base URL of profile "test" (GET /api/connections).',
    );
    assert.equal(server.requests.length, 1, 'a too-large answer is not fetched again');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(aborted, 'the connection was dropped before the 400 MB were sent');
    assert.ok(written < 100 * chunk.length, `only ${written / chunk.length} MB were written, not 400`);
    assert.match(logger.text(), /GET \/api\/connections/);
  } finally {
    await client.close();
    await server.close();
  }
});

test('a Content-Length over the limit is refused before the body is read; answers under it are read whole', async () => {
  const server = await startFakeServer((req, res) => {
    if (req.url === '/api/connections') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(400 * 1024 * 1024) });
      res.write('{"data": [');
      return; // never sends the rest: a client that waited for it would hang until the timeout
    }
    const body = JSON.stringify({ data: { id: 'c1', name: 'x'.repeat(2048), type: { id: 'postgresql' }, configuration: {} } });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  const { client } = makeClient(server.url, { maxResponseBytes: 4096, requestTimeoutMs: 60_000 });
  try {
    const started = Date.now();
    const error = await apiError(client.listConnections());
    assert.match(error.message, /^Polytomic answered 200 with more than 4096 bytes, which is more than any Polytomic answer; it was not read\./);
    assert.ok(Date.now() - started < 5_000, 'refused on the header, without waiting for the body');
    assert.equal((await client.getConnection('c1')).name.length, 2048, 'an answer under the limit is read');
  } finally {
    await client.close();
    await server.close();
  }
});
