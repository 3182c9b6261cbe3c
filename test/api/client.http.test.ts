// The client against scripted loopback servers: headers, methods, envelopes, error bodies, retries,
// timeouts, cancellation and proxies.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { PolytomicApiError } from '../../core/src/api/errors';
import type { ApiVersion } from '../../core/src/api/profile';
import { makeClient } from './support/clientFactory';
import { sendJson, sendText, startFakeServer, type FakeServer, type Responder } from './support/fakeServer';
import { startLoopbackProxy } from './support/loopbackProxy';
import { apiError } from './support/apiError';

const servers: FakeServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(responder: Responder): Promise<FakeServer> {
  const server = await startFakeServer(responder);
  servers.push(server);
  return server;
}

const connection = { id: 'c1', name: 'Warehouse', type: { id: 'postgresql' }, configuration: { hostname: 'db', password: '********' } };
const createBody = { name: 'Warehouse', type: 'postgresql', configuration: { hostname: 'db', password: 'pw-secret-1' } };

/** Runs the call and returns the PolytomicApiError it must reject with. */

const okConnection: Responder = (_req, res) => sendJson(res, 200, { data: connection });

describe('requests', () => {
  test('a user key is sent as Bearer with the version header on every request', async () => {
    const server = await serve((req, res) => sendJson(res, 200, { data: req.url === '/api/connections' ? [connection] : connection }));
    const { client } = makeClient(server.url);
    assert.deepEqual(await client.listConnections(), [connection]);
    assert.deepEqual(await client.getConnection('c1'), connection);
    for (const req of server.requests) {
      assert.equal(req.headers.authorization, 'Bearer test-key-0123456789');
      assert.equal(req.headers['x-polytomic-version'], '2025-09-18');
      assert.equal(req.headers.accept, 'application/json');
    }
    await client.close();
  });

  test('an organization key is sent as Basic base64("<org>:<key>")', async () => {
    const server = await serve(okConnection);
    const { client } = makeClient(server.url, {}, { keyKind: 'organization', organizationId: 'org-42' });
    await client.getConnection('c1');
    const header = server.requests[0].headers.authorization ?? '';
    assert.match(header, /^Basic /);
    assert.equal(Buffer.from(header.slice(6), 'base64').toString(), 'org-42:test-key-0123456789');
    await client.close();
  });

  test('update is PUT from 2024-02-08 on and PATCH in 2023-04-25; each version is sent as chosen', async () => {
    const server = await serve(okConnection);
    const versions: ApiVersion[] = ['2025-09-18', '2024-02-08', '2023-04-25'];
    for (const apiVersion of versions) {
      const { client } = makeClient(server.url, {}, { apiVersion });
      await client.updateConnection('c1', { name: 'Warehouse', configuration: { hostname: 'db' } });
      await client.close();
    }
    assert.deepEqual(
      server.requests.map((r) => [r.method, r.url, r.headers['x-polytomic-version']]),
      [
        ['PUT', '/api/connections/c1', '2025-09-18'],
        ['PUT', '/api/connections/c1', '2024-02-08'],
        ['PATCH', '/api/connections/c1', '2023-04-25'],
      ],
    );
    assert.deepEqual(JSON.parse(server.requests[0].body), { name: 'Warehouse', configuration: { hostname: 'db' } });
  });

  test('every endpoint goes to its path with its method; ids are URL-encoded', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'DELETE' || req.url === '/api/connections/test') return sendText(res, 204, '');
      if (req.url === '/api/connection_types') return sendJson(res, 200, { data: [{ id: 'postgresql', name: 'PostgreSQL' }] });
      if (req.url === '/api/connection_types/postgresql') return sendJson(res, 200, { type: 'object', properties: {} });
      if (req.url?.endsWith('/parameter_values')) return sendJson(res, 200, { data: { database: { values: [{ label: 'a', value: 'a' }] } } });
      return okConnection(req, res, 0);
    });
    const { client } = makeClient(server.url);
    assert.deepEqual(await client.listConnectionTypes(), [{ id: 'postgresql', name: 'PostgreSQL' }]);
    assert.deepEqual(await client.getConnectionTypeSchema('postgresql'), { type: 'object', properties: {} });
    assert.deepEqual(await client.getTypeParameterValues('postgresql', { field: 'database' }), { database: { values: [{ label: 'a', value: 'a' }] } });
    await client.createConnection(createBody, { idempotencyKey: 'key-0001-abc' });
    await client.getConnection('a/b c');
    await client.deleteConnection('c1', { force: true });
    await client.deleteConnection('c1');
    await client.testConnection({ type: 'postgresql', configuration: { hostname: 'db' } });
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.url}`),
      [
        'GET /api/connection_types',
        'GET /api/connection_types/postgresql',
        'POST /api/connection_types/postgresql/parameter_values',
        'POST /api/connections',
        'GET /api/connections/a%2Fb%20c',
        'DELETE /api/connections/c1?force=true',
        'DELETE /api/connections/c1?force=false',
        'POST /api/connections/test',
      ],
    );
    assert.equal(server.requests[3].headers['idempotency-key'], 'key-0001-abc');
    assert.equal(server.requests[0].headers['idempotency-key'], undefined, 'reads carry no idempotency key');
    await client.close();
  });

  test('a create without a key gets a fresh one per call', async () => {
    const server = await serve(okConnection);
    const { client } = makeClient(server.url);
    await client.createConnection(createBody);
    await client.createConnection(createBody);
    const [a, b] = server.requests.map((r) => r.headers['idempotency-key']);
    assert.match(String(a), /^[A-Za-z0-9_-]{8,255}$/);
    assert.notEqual(a, b);
    await assert.rejects(client.createConnection(createBody, { idempotencyKey: 'short' }), /8 to 255 letters/);
    await client.close();
  });
});

describe('success bodies that are not what the endpoint promises', () => {
  const cases: [string, (res: ServerResponse) => void, RegExp][] = [
    ['a missing data envelope', (res) => sendJson(res, 200, [connection]), /without the "data" envelope/],
    ['a wrong shape', (res) => sendJson(res, 200, { data: { id: 'c1' } }), /unexpected shape \(expected a list of connections, got an object\)/],
    ['an item without id', (res) => sendJson(res, 200, { data: [{ name: 'x' }] }), /item 0: the connection has no "id"/],
    ['an HTML page', (res) => sendText(res, 200, '<html><head><title>Sign in</title></head></html>', 'text/html'), /answered 200 with "Sign in" instead of JSON/],
    ['a truncated body', (res) => sendText(res, 200, '{"data": [{"id": "c1", "na', 'application/json'), /JSON that was cut off/],
    ['an empty body', (res) => sendText(res, 200, '', 'application/json'), /an empty body/],
    ['a redirect', (res) => { res.writeHead(302, { location: 'https://login.example.com/' }); res.end(); }, /redirected \(302\) to https:\/\/login\.example\.com\//],
  ];
  for (const [name, respond, message] of cases) {
    test(`${name} is a bad_response with a clear message`, async () => {
      const server = await serve((_req, res) => respond(res));
      const { client } = makeClient(server.url);
      const error = await apiError(client.listConnections());
      assert.equal(error.kind, 'bad_response');
      assert.match(error.message, message);
      assert.match(error.message, /\(GET \/api\/connections\)\.$/);
      assert.equal(server.requests.length, 1, 'a bad response is not retried');
      await client.close();
    });
  }
});

describe('error responses', () => {
  test('each body shape becomes a typed error with the status and the server message', async () => {
    const answers: [number, string, string][] = [
      [404, 'application/json', '{"status":404,"message":"connection not found","key":"not_found","metadata":{}}'],
      [401, 'application/json', '{"code":401,"error":"invalid api key","status":"Unauthorized","context":{}}'],
      [400, 'application/json', '{"error":{"message":"name is required"}}'],
      [403, 'application/json', '{"status":403,"message":"forbidden"}'],
      [409, 'application/json', '{"status":409,"message":"request in progress"}'],
    ];
    const server = await serve((_req, res, i) => sendText(res, answers[i][0], answers[i][2], answers[i][1]));
    const { client } = makeClient(server.url, {}, { name: 'staging' });
    const notFound = await apiError(client.getConnection('c9'));
    assert.deepEqual([notFound.kind, notFound.status, notFound.key], ['not_found', 404, 'not_found']);
    assert.match(notFound.message, /no connection "c9" .*connection not found/);
    const unauthorized = await apiError(client.listConnections());
    assert.equal(unauthorized.message, 'Polytomic rejected the API key (401): invalid api key. Re-enter the key for profile "staging".');
    const badRequest = await apiError(client.updateConnection('c1', { name: '', configuration: {} }));
    assert.deepEqual([badRequest.kind, badRequest.status], ['bad_request', 400]);
    assert.match(badRequest.message, /name is required/);
    const forbidden = await apiError(client.deleteConnection('c1'));
    assert.match(forbidden.message, /profile "staging" may not delete the connection \(403\): forbidden/);
    const conflict = await apiError(client.createConnection(createBody));
    assert.equal(conflict.kind, 'conflict');
    assert.equal(server.requests.length, 5, 'no 4xx was retried');
    await client.close();
  });

  test('an HTML error page gives its title; a cut-off JSON body says so', async () => {
    const server = await serve((_req, res, i) =>
      i === 0
        ? sendText(res, 502, '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>', 'text/html')
        : sendText(res, 500, '{"status":500,"message":"datab', 'application/json'),
    );
    const { client } = makeClient(server.url, { retry: { maxAttempts: 1 } });
    const gateway = await apiError(client.listConnections());
    assert.deepEqual([gateway.kind, gateway.status], ['server', 502]);
    assert.match(gateway.message, /server error \(502, GET \/api\/connections\): "502 Bad Gateway"\. Retry later\./);
    const cut = await apiError(client.listConnections());
    assert.match(cut.message, /the error body was cut off \("\{"status":500,"message":"datab"\)/);
    await client.close();
  });

  test('a 422 in use carries its dependents in either metadata shape', async () => {
    const used = [{ type: 'bulk_sync', name: 'Nightly', id: 'b1' }, { type: 'model', name: 'Users', id: 'm1' }];
    const server = await serve((_req, res, i) => sendJson(res, 422, { status: 422, message: 'connection in use', metadata: i === 0 ? { used_by: used } : used }));
    const { client } = makeClient(server.url);
    for (let i = 0; i < 2; i++) {
      const error = await apiError(client.deleteConnection('c1'));
      assert.equal(error.kind, 'in_use');
      assert.deepEqual(error.usedBy, used);
      assert.equal(error.message, 'Connection is used by 2 resources: bulk sync "Nightly", model "Users". Delete them first or force delete.');
    }
    await client.close();
  });
});

describe('retries', () => {
  test('a read is retried after 503 and 500 until it succeeds', async () => {
    const server = await serve((req, res, i) => (i < 2 ? sendJson(res, i === 0 ? 503 : 500, { message: 'busy' }) : okConnection(req, res, i)));
    const { client, delays } = makeClient(server.url);
    assert.deepEqual(await client.getConnection('c1'), connection);
    assert.equal(server.requests.length, 3);
    assert.equal(delays.length, 2);
    assert.ok(delays.every((d) => d >= 0 && d <= 2), 'backoff stays under the cap');
    await client.close();
  });

  test('429 and 503 honour Retry-After in seconds and as an HTTP date', async () => {
    const inFiveSeconds = new Date(Date.now() + 5_000).toUTCString();
    const server = await serve((req, res, i) => {
      if (i === 0) return sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '2' });
      if (i === 1) return sendJson(res, 503, { message: 'maintenance' }, { 'retry-after': inFiveSeconds });
      return sendJson(res, 200, { data: [] });
    });
    const { client, delays } = makeClient(server.url);
    assert.deepEqual(await client.listConnections(), []);
    assert.equal(delays[0], 2000);
    assert.ok(delays[1] > 2000 && delays[1] <= 5000, `HTTP date gives the remaining time, got ${delays[1]}`);
    await client.close();
  });

  test('a Retry-After beyond the cap is not waited for: the error carries it', async () => {
    const server = await serve((_req, res) => sendJson(res, 429, { message: 'slow down' }, { 'retry-after': '3600' }));
    const { client, delays } = makeClient(server.url);
    const error = await apiError(client.listConnections());
    assert.deepEqual([error.kind, error.retryAfterMs], ['rate_limited', 3_600_000]);
    assert.match(error.message, /Wait 3600 s and retry/);
    assert.deepEqual(delays, []);
    await client.close();
  });

  test('a read gives up after maxAttempts', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, { message: 'down' }));
    const { client } = makeClient(server.url, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    const error = await apiError(client.getConnectionTypeSchema('postgresql'));
    assert.deepEqual([error.kind, error.status], ['server', 503]);
    assert.equal(server.requests.length, 3);
    await client.close();
  });

  test('a create is retried with the same Idempotency-Key on every attempt', async () => {
    const server = await serve((req, res, i) => (i === 0 ? sendJson(res, 500, { message: 'oops' }) : i === 1 ? req && res.socket?.destroy() : okConnection(req, res, i)));
    const { client } = makeClient(server.url);
    assert.deepEqual(await client.createConnection(createBody), connection);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    assert.equal(keys.length, 3);
    assert.equal(new Set(keys).size, 1);
    await client.close();
  });

  for (const [name, call] of [
    ['update', (c: ReturnType<typeof makeClient>['client']) => c.updateConnection('c1', { name: 'n', configuration: {} })],
    ['delete', (c: ReturnType<typeof makeClient>['client']) => c.deleteConnection('c1', { force: true })],
    ['test', (c: ReturnType<typeof makeClient>['client']) => c.testConnection({ type: 'postgresql', configuration: {} })],
  ] as const) {
    test(`${name} is never retried, neither on 503 nor on a dropped connection`, async () => {
      const server = await serve((_req, res, i) => (i === 0 ? sendJson(res, 503, { message: 'down' }) : res.socket?.destroy()));
      const { client } = makeClient(server.url);
      assert.equal((await apiError(call(client))).kind, 'server');
      assert.equal((await apiError(call(client))).kind, 'network');
      assert.equal(server.requests.length, 2);
      await client.close();
    });
  }

  test('a dropped connection on a read is retried', async () => {
    const server = await serve((req, res, i) => (i === 0 ? res.socket?.destroy() : sendJson(res, 200, { data: [] })));
    const { client } = makeClient(server.url);
    assert.deepEqual(await client.listConnections(), []);
    assert.equal(server.requests.length, 2);
    await client.close();
  });

  test('an unreachable server is a network error naming the base URL', async () => {
    const server = await serve(okConnection);
    await server.close();
    const { client } = makeClient(server.url, { retry: { maxAttempts: 2 } });
    const error = await apiError(client.listConnections());
    assert.equal(error.kind, 'network');
    assert.match(error.message, new RegExp(`Could not reach the Polytomic API at ${server.url} \\(GET /api/connections\\): connection refused \\(ECONNREFUSED\\)`));
    await client.close();
  });
});

describe('timeouts and cancellation', () => {
  test('a server that never answers times out with the time and request named', async () => {
    const server = await serve(() => undefined);
    const { client } = makeClient(server.url, { requestTimeoutMs: 150 });
    const error = await apiError(client.listConnections());
    assert.equal(error.kind, 'timeout');
    assert.equal(error.message, 'The Polytomic API did not answer within 150 ms (GET /api/connections). Check the network or proxy and retry.');
    assert.equal(server.requests.length, 1, 'a timed-out attempt is not repeated');
    await client.close();
  });

  test('a body that stalls halfway also times out', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data": [');
    });
    const { client } = makeClient(server.url, { requestTimeoutMs: 150 });
    assert.equal((await apiError(client.listConnections())).kind, 'timeout');
    await client.close();
  });

  test('aborting the signal cancels a request in flight', async () => {
    const controller = new AbortController();
    const server = await serve(() => controller.abort());
    const { client } = makeClient(server.url);
    const error = await apiError(client.listConnections(controller.signal));
    assert.equal(error.kind, 'cancelled');
    assert.equal(error.message, 'The request was cancelled (GET /api/connections).');
    await client.close();
  });

  test('an already-aborted signal sends nothing', async () => {
    const server = await serve(okConnection);
    const { client } = makeClient(server.url);
    const error = await apiError(client.getConnection('c1', AbortSignal.abort()));
    assert.equal(error.kind, 'cancelled');
    assert.equal(server.requests.length, 0);
    await client.close();
  });

  test('aborting while waiting to retry stops the retries', async () => {
    const controller = new AbortController();
    const server = await serve((_req, res) => sendJson(res, 503, { message: 'down' }));
    const { client } = makeClient(server.url, {
      sleep: async () => {
        controller.abort();
      },
    });
    assert.equal((await apiError(client.listConnections(controller.signal))).kind, 'cancelled');
    assert.equal(server.requests.length, 1);
    await client.close();
  });
});

describe('proxies', () => {
  // The client refuses plain http:// to anything but loopback, and loopback never goes through a proxy
  // (noProxyForLoopback.test.ts), so every proxied request is an https:// CONNECT. The test proxy answers CONNECT to
  // polytomic.invalid with 502: the request fails after the CONNECT, which is what these tests count.
  test('the proxy handed in by the editor is used', async () => {
    const proxy = await startLoopbackProxy();
    const { client } = makeClient('https://polytomic.invalid', { proxyUrl: proxy.url, retry: { maxAttempts: 1 } });
    assert.equal((await apiError(client.getConnection('c1'))).kind, 'network');
    assert.deepEqual(proxy.seen, ['CONNECT polytomic.invalid:443']);
    await client.close();
    await proxy.close();
  });

  test('HTTPS_PROXY, or HTTP_PROXY alone, (either case) tunnels https:// requests with CONNECT; NO_PROXY bypasses it', async () => {
    const proxy = await startLoopbackProxy();
    for (const env of [{ https_proxy: proxy.url }, { HTTPS_PROXY: proxy.url }, { http_proxy: proxy.url }, { HTTP_PROXY: proxy.url }]) {
      const { client } = makeClient('https://polytomic.invalid', { env, retry: { maxAttempts: 1 } });
      assert.equal((await apiError(client.listConnections())).kind, 'network');
      await client.close();
    }
    assert.deepEqual(proxy.seen, Array(4).fill('CONNECT polytomic.invalid:443'));
    const bypass = makeClient('https://polytomic.invalid', { env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'polytomic.invalid' }, retry: { maxAttempts: 1 } });
    assert.equal((await apiError(bypass.client.listConnections())).kind, 'network');
    await bypass.client.close();
    assert.equal(proxy.seen.length, 4, 'NO_PROXY hosts go direct');
    await proxy.close();
  });

  test('proxy credentials are sent to the proxy and never logged', async () => {
    const proxy = await startLoopbackProxy();
    const withCredentials = proxy.url.replace('http://', 'http://proxyuser:proxy-pass-77@');
    const { client, logger } = makeClient('https://polytomic.invalid', { proxyUrl: withCredentials, retry: { maxAttempts: 1 } });
    await apiError(client.listConnections());
    assert.equal(Buffer.from((proxy.proxyAuthorizations[0] ?? '').replace(/^Basic /, ''), 'base64').toString(), 'proxyuser:proxy-pass-77');
    assert.ok(logger.lines.length > 0);
    assert.ok(!logger.text().includes('proxy-pass-77'));
    await client.close();
    await proxy.close();
  });

  test('an unusable proxy URL is refused with a readable message', () => {
    assert.throws(() => makeClient('http://127.0.0.1:1', { proxyUrl: 'socks5://127.0.0.1:1080' }), /only http:\/\/ and https:\/\/ proxies are supported/);
    assert.throws(() => makeClient('http://127.0.0.1:1', { proxyUrl: 'not a url' }), /not a URL/);
  });
});
