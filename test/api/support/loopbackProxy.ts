// A minimal forward proxy on loopback: tunnels CONNECT requests and forwards absolute-URI HTTP requests,
// counting both (CONNECT to anything but loopback, or a name the test maps to a loopback port, is answered 502), so
// tests can prove the client really went through it (and with which credentials).

import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface LoopbackProxy {
  url: string;
  /** "CONNECT host:port" or "GET http://..." per request seen. */
  seen: string[];
  /** The Proxy-Authorization header of each request, when one was sent. */
  proxyAuthorizations: string[];
  close(): Promise<void>;
}

/** `tunnels` maps a CONNECT target such as "polytomic.test:443" to a loopback port that stands in for it. */
export async function startLoopbackProxy(tunnels: Record<string, number> = {}): Promise<LoopbackProxy> {
  const seen: string[] = [];
  const proxyAuthorizations: string[] = [];
  const sockets = new Set<Socket>();
  const noteAuth = (headers: IncomingHttpHeaders): void => {
    const auth = headers['proxy-authorization'];
    if (typeof auth === 'string') proxyAuthorizations.push(auth);
  };
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    noteAuth(req.headers);
    const target = new URL(req.url ?? '');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    noteAuth(req.headers);
    const mapped = tunnels[req.url ?? ''];
    const [host, port] = mapped !== undefined ? ['127.0.0.1', String(mapped)] : (req.url ?? '').split(':');
    // Only loopback targets are tunnelled: tests must never depend on name resolution or the outside world.
    if (host !== '127.0.0.1' && host !== 'localhost') {
      client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    proxyAuthorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
