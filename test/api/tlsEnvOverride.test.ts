// Issue 10, point 10: NODE_TLS_REJECT_UNAUTHORIZED=0 in the extension host's environment (set by another tool, a
// launch configuration, a workspace's terminal env) turns off Node's default certificate check. The client sets
// verification on explicitly, so with that variable set a self-signed loopback server is still refused: directly,
// and through a proxy tunnel. The test first shows the variable really does turn the default off here.
// This file runs in its own process (node --test), so the variable reaches no other test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createTlsServer, get as httpsGet } from 'node:https';
import type { AddressInfo } from 'node:net';
import { PolytomicApiError } from '../../core/src/api/errors';
import { makeClient } from './support/clientFactory';
import { startLoopbackProxy } from './support/loopbackProxy';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from './support/selfSignedCert';

test('with NODE_TLS_REJECT_UNAUTHORIZED=0, a self-signed server is still refused, directly and through a proxy', async () => {
  let answered = 0;
  const server = createTlsServer({ cert: SELF_SIGNED_CERT, key: SELF_SIGNED_KEY }, (_req, res) => {
    answered += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data": []}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const proxy = await startLoopbackProxy({ 'polytomic.test:443': port });
  const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  try {
    // The attack works on Node's default: a plain https.get accepts the self-signed certificate.
    const status = await new Promise<number>((resolve, reject) => {
      httpsGet(`https://127.0.0.1:${port}/`, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    assert.equal(status, 200);
    assert.equal(answered, 1);

    const direct = makeClient(`https://127.0.0.1:${port}`, { retry: { maxAttempts: 1 } });
    const viaProxy = makeClient('https://polytomic.test', { proxyUrl: proxy.url, retry: { maxAttempts: 1 } });
    for (const { client } of [direct, viaProxy]) {
      const error = await client.listConnections().then(
        () => assert.fail('the untrusted certificate was accepted'),
        (err: unknown) => err,
      );
      assert.ok(error instanceof PolytomicApiError);
      assert.equal(error.kind, 'network');
      assert.match(error.message, /TLS certificate of https:\/\/(127\.0\.0\.1:\d+|polytomic\.test) is not trusted/);
      await client.close();
    }
    assert.deepEqual(proxy.seen, ['CONNECT polytomic.test:443'], 'the proxied attempt really reached the server through the tunnel');
    assert.equal(answered, 1, 'neither request of the client got an answer from the untrusted server');
  } finally {
    if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
    await proxy.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
