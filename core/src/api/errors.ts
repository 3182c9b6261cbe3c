// The one error type every client call rejects with: an HTTP status (when there was one), a kind the UI can branch on,
// and a message a person can act on. Messages never contain secrets (the client scrubs them before construction).

export type ApiErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'in_use'
  | 'unprocessable'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'cancelled'
  | 'bad_response';

/** A resource that uses a connection, as a 422 "connection in use" lists it. */
export interface Dependent {
  type: string;
  name: string;
  id: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface PolytomicApiErrorInit {
  kind: ApiErrorKind;
  message: string;
  method: string;
  path: string;
  status?: number;
  key?: string;
  usedBy?: Dependent[];
  fieldErrors?: FieldError[];
  retryAfterMs?: number;
  /** What Polytomic itself said (its message, or the text of a non-JSON body), without our framing. */
  serverMessage?: string;
  cause?: unknown;
}

export class PolytomicApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  /** The API's machine-readable error key, when it sent one. */
  readonly key?: string;
  /** Set for kind 'in_use': what must be deleted first (or is deleted by a force delete). */
  readonly usedBy?: Dependent[];
  readonly fieldErrors?: FieldError[];
  /** How long the server asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs?: number;
  readonly method: string;
  /** The request path without the base URL, e.g. /api/connections/<id>. */
  readonly path: string;
  /** What Polytomic itself said, when it said something (e.g. why a connection test failed). */
  readonly serverMessage?: string;

  constructor(init: PolytomicApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PolytomicApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.key = init.key;
    this.usedBy = init.usedBy;
    this.fieldErrors = init.fieldErrors;
    this.retryAfterMs = init.retryAfterMs;
    this.method = init.method;
    this.path = init.path;
    this.serverMessage = init.serverMessage;
  }
}

/**
 * Also true for an error made by another copy of this module: the API client is loaded as a bundle of its own
 * (dist/api.js), so `instanceof` alone would miss the errors it throws.
 */
export function isPolytomicApiError(value: unknown): value is PolytomicApiError {
  if (value instanceof PolytomicApiError) return true;
  return value instanceof Error && value.name === 'PolytomicApiError' && typeof (value as { kind?: unknown }).kind === 'string';
}

/** The kind that belongs to an HTTP error status (422 is refined to 'in_use' by the body). */
export function kindForStatus(status: number): ApiErrorKind {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 422:
      return 'unprocessable';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'server' : 'bad_request';
  }
}
