// Plain words for the error codes a request can fail with before any HTTP answer arrives.

const DESCRIPTIONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection dropped',
  EPIPE: 'connection dropped',
  UND_ERR_SOCKET: 'connection dropped',
  UND_ERR_CLOSED: 'connection closed',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
};

const TLS_CODES = /^(CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH)/;

/** The error code of a failed request (its own or its cause's), or its message when it has none. */
export function failureCode(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : 'unknown error';
}

export function isTlsFailure(code: string): boolean {
  return TLS_CODES.test(code);
}

/** "connection refused (ECONNREFUSED)"; unknown codes are shown as they are. */
export function describeFailure(code: string): string {
  if (isTlsFailure(code)) return `TLS certificate not trusted (${code})`;
  const words = DESCRIPTIONS[code];
  return words ? `${words} (${code})` : code;
}
