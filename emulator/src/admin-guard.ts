// Who may use the admin endpoints (/__emulator/: faults, state, reset). They take no key, so three checks stand in:
// the caller is on this machine; the Host header names this machine (a DNS-rebinding page reaches the emulator
// under its own host name, e.g. Host: attacker.example:PORT); and no browser page of another origin sent it
// (a page may POST to loopback without a preflight: only its Origin header tells). Tools (curl, Node's fetch) send
// no Origin and pass.
import type { IncomingMessage } from 'node:http';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** True for localhost, 127.0.0.0/8 and ::1, with or without a port. */
function isLoopbackHostHeader(host: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Why the request may not use the admin endpoints, or undefined when it may. */
export function foreignAdminCaller(req: IncomingMessage): string | undefined {
  if (!LOOPBACK_ADDRESSES.has(req.socket.remoteAddress ?? '')) return 'the emulator admin endpoint answers loopback callers only';
  const host = req.headers.host;
  if (!host || !isLoopbackHostHeader(host)) {
    return `the emulator admin endpoint answers requests addressed to localhost or 127.0.0.1 only (Host: ${host ?? 'none'})`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return `the emulator admin endpoint does not answer web pages of another origin (Origin: ${origin})`;
  }
  return undefined;
}
