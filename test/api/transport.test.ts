// TLS and connection set-up: certificates are always verified, and a handshake that never completes hits the
// connect timeout (a loopback TCP server that accepts and stays silent stands in for an unreachable host).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:https';
import { makeClient } from './support/clientFactory';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from './support/selfSignedCert';
import { apiError } from './support/apiError';


test('a certificate no trusted authority signed is refused, with a message about the certificate', async () => {
  let answered = 0;
  const server = createTlsServer({ cert: SELF_SIGNED_CERT, key: SELF_SIGNED_KEY }, (_req, res) => {
    answered += 1;
    res.end('{"data": []}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { client } = makeClient(baseUrl, { retry: { maxAttempts: 1 } });
  const error = await apiError(client.listConnections());
  assert.equal(error.kind, 'network');
  assert.match(error.message, new RegExp(`^The TLS certificate of ${baseUrl} is not trusted \\((SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)`));
  assert.equal(answered, 0, 'no request reached the untrusted server');
  await client.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('a TLS handshake that never completes is a connect timeout, retried for reads', async () => {
  const sockets: Socket[] = [];
  const silent = createTcpServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const baseUrl = `https://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  const { client } = makeClient(baseUrl, { connectTimeoutMs: 100, requestTimeoutMs: 60_000, retry: { maxAttempts: 2 } });
  const error = await apiError(client.listConnections());
  assert.equal(error.kind, 'timeout');
  assert.match(error.message, new RegExp(`^Could not connect to ${baseUrl} in time \\(GET /api/connections\\)\\.`));
  assert.equal(sockets.length, 2, 'the read was tried twice');
  await client.close();
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});
