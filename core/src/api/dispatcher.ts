// Chooses how requests leave the machine: directly, or through a proxy named by the editor (VS Code's
// http.proxy) or by HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case). A loopback base URL never goes through a
// proxy: the key would be handed to a proxy for a request that never had to leave the machine. TLS verification is
// set on explicitly for every hop, so NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment cannot turn it off.

import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { isLoopbackHost } from './profile';

export interface DispatcherSettings {
  /** A proxy URL handed in by the caller; it wins over the environment's HTTP(S)_PROXY. */
  proxyUrl?: string;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read; process.env unless given. */
  env?: Record<string, string | undefined>;
  connectTimeoutMs: number;
  /** The base URL the dispatcher will talk to; a loopback one always goes direct. */
  targetUrl?: string;
}

function envValue(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value && value.trim() !== '' ? value.trim() : undefined;
}

/** A proxy URL with any user name and password replaced, for messages. */
export function describeProxy(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '***';
      parsed.password = '';
    }
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'the configured proxy';
  }
}

/** Returns what is wrong with a proxy URL, or undefined. */
export function validateProxyUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The proxy setting is not a URL; write it as http://host:port.';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `The proxy ${describeProxy(url)} uses ${parsed.protocol}//; only http:// and https:// proxies are supported.`;
  }
  return undefined;
}

export interface ResolvedProxy {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy: string;
}

/** Which proxies apply, from the explicit setting first and the environment second. */
export function resolveProxy(settings: Pick<DispatcherSettings, 'proxyUrl' | 'env'>): ResolvedProxy {
  const env = settings.env ?? process.env;
  const explicit = settings.proxyUrl?.trim() || undefined;
  return {
    httpProxy: explicit ?? envValue(env, 'http_proxy'),
    httpsProxy: explicit ?? envValue(env, 'https_proxy') ?? envValue(env, 'http_proxy'),
    noProxy: envValue(env, 'no_proxy') ?? '',
  };
}

/** True when the URL names localhost, 127.0.0.0/8 or ::1. */
function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Builds the undici dispatcher; throws an Error with a readable message for an unusable proxy URL. */
export function createDispatcher(settings: DispatcherSettings): Dispatcher {
  // Explicit, never left to the default: Node's default follows NODE_TLS_REJECT_UNAUTHORIZED.
  const tls = { rejectUnauthorized: true, timeout: settings.connectTimeoutMs };
  const connect = tls;
  const proxy = resolveProxy(settings);
  // An unusable proxy setting is said even where it would not apply, so it is found before it matters.
  for (const url of [proxy.httpProxy, proxy.httpsProxy]) {
    const problem = url ? validateProxyUrl(url) : undefined;
    if (problem) throw new Error(problem);
  }
  if (isLoopbackUrl(settings.targetUrl)) return new Agent({ connect });
  if (!proxy.httpProxy && !proxy.httpsProxy) return new Agent({ connect });
  // Explicit values throughout, so that the agent never falls back to reading process.env itself.
  return new EnvHttpProxyAgent({
    connect,
    // Through a proxy undici opens the TLS connections itself: to the proxy (proxyTls) and, inside the tunnel, to
    // Polytomic (requestTls); `connect` covers only the direct agent for NO_PROXY hosts.
    proxyTls: tls,
    requestTls: tls,
    httpProxy: proxy.httpProxy ?? '',
    httpsProxy: proxy.httpsProxy ?? '',
    noProxy: proxy.noProxy,
  });
}

/** Secrets a proxy URL may carry (user name and password), for the scrubber. */
export function proxySecrets(settings: Pick<DispatcherSettings, 'proxyUrl' | 'env'>): string[] {
  const proxy = resolveProxy(settings);
  const out: string[] = [];
  for (const url of [proxy.httpProxy, proxy.httpsProxy]) {
    if (!url) continue;
    try {
      const parsed = new URL(url);
      if (parsed.password) out.push(parsed.password, decodeURIComponent(parsed.password));
      if (parsed.username) out.push(`${parsed.username}:${parsed.password}`);
    } catch {
      // An unparsable URL is rejected by createDispatcher before any request is made.
    }
  }
  return out;
}
