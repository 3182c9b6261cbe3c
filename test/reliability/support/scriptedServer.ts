// A loopback HTTP server that answers every request with one scripted reply, to show the client bodies the real API
// should never send. It records what it received (method, path, headers) for the leak checks.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReply {
  status: number;
  contentType: string;
  body: string;
  /** Send only this many characters of the body, though Content-Length promises all of it, then close the socket. */
  cutAt?: number;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export class ScriptedServer {
  readonly received: ReceivedRequest[] = [];
  reply: ScriptedReply = { status: 200, contentType: 'application/json', body: '{}' };

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<ScriptedServer> {
    let scripted!: ScriptedServer;
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        scripted.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        const { status, contentType, body: text, cutAt } = scripted.reply;
        if (cutAt === undefined) {
          res.writeHead(status, { 'content-type': contentType });
          res.end(text);
          return;
        }
        res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
        res.write(text.slice(0, cutAt), () => res.socket?.destroy());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    scripted = new ScriptedServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return scripted;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
