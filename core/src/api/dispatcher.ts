// Chooses how requests leave the machine: directly, or through a proxy named by the editor (VS Code's
// http.proxy) or by HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case). TLS verification always stays on.

import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

export interface DispatcherSettings {
  /** A proxy URL handed in by the caller; it wins over the environment's HTTP(S)_PROXY. */
  proxyUrl?: string;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read; process.env unless given. */
  env?: Record<string, string | undefined>;
  connectTimeoutMs: number;
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

/** Builds the undici dispatcher; throws an Error with a readable message for an unusable proxy URL. */
export function createDispatcher(settings: DispatcherSettings): Dispatcher {
  const connect = { timeout: settings.connectTimeoutMs };
  const proxy = resolveProxy(settings);
  if (!proxy.httpProxy && !proxy.httpsProxy) return new Agent({ connect });
  for (const url of [proxy.httpProxy, proxy.httpsProxy]) {
    const problem = url ? validateProxyUrl(url) : undefined;
    if (problem) throw new Error(problem);
  }
  // Explicit values throughout, so that the agent never falls back to reading process.env itself.
  return new EnvHttpProxyAgent({
    connect,
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
