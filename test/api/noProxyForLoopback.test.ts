// Issue 10, point 8: a proxy would see the API key of a request to a loopback base URL (the emulator, a tunnel to an
// on-premises install). Loopback never goes through a proxy, whichever way the proxy is set; other hosts still do.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeClient } from './support/clientFactory';
import { sendJson, startFakeServer } from './support/fakeServer';
import { startLoopbackProxy } from './support/loopbackProxy';

test('a loopback base URL goes direct even when http.proxy, HTTP_PROXY and HTTPS_PROXY all name a proxy', async () => {
  const proxy = await startLoopbackProxy();
  const server = await startFakeServer((_req, res) => sendJson(res, 200, { data: [] }));
  const port = new URL(server.url).port;
  const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, http_proxy: proxy.url, https_proxy: proxy.url };
  try {
    for (const baseUrl of [server.url, `http://localhost:${port}`]) {
      const { client } = makeClient(baseUrl, { proxyUrl: proxy.url, env });
      assert.deepEqual(await client.listConnections(), []);
      await client.close();
    }
    assert.deepEqual(proxy.seen, [], 'the proxy saw no request, so no key');
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[0].headers.authorization, 'Bearer test-key-0123456789', 'the key went straight to the server');

    // The same settings still send a non-loopback host through the proxy.
    const { client } = makeClient('https://polytomic.invalid', { proxyUrl: proxy.url, env, retry: { maxAttempts: 1 } });
    await assert.rejects(client.listConnections());
    await client.close();
    assert.deepEqual(proxy.seen, ['CONNECT polytomic.invalid:443']);
  } finally {
    await server.close();
    await proxy.close();
  }
});
