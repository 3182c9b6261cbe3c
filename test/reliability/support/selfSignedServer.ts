// An https server on loopback with a freshly made self-signed certificate (openssl), to prove the client refuses a
// certificate it cannot verify. It counts the HTTP requests that got through the handshake.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class SelfSignedServer {
  requests = 0;

  private constructor(private server: Server, readonly url: string) {}

  static async start(): Promise<SelfSignedServer> {
    const dir = mkdtempSync(join(tmpdir(), 'polytomic-tls-'));
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
    const credentials = { key: readFileSync(key), cert: readFileSync(cert) };
    rmSync(dir, { recursive: true, force: true });
    let started!: SelfSignedServer;
    const server = createServer(credentials, (_req, res) => {
      started.requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data": []}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    started = new SelfSignedServer(server, `https://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return started;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
