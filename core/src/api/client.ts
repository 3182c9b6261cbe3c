// The Polytomic API client: thin methods over the endpoint table (endpoints.ts), one request loop that adds
// auth and version headers, applies timeouts, cancellation and safe retries, logs without secrets, and turns
// every failure into a PolytomicApiError.

import { randomUUID } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import { authorizationHeader } from './auth';
import { createDispatcher, proxySecrets } from './dispatcher';
import { ENDPOINTS, fillPath, methodFor, type Endpoint, type HttpMethod } from './endpoints';
import { errorFromResponse, summarizeText } from './errorResponse';
import { describeFailure, failureCode, isTlsFailure } from './networkFailure';
import { PolytomicApiError } from './errors';
import { normalizeBaseUrl, validateProfile, type ApiProfile } from './profile';
import { collectSecretValues, SecretScrubber, sensitiveFieldsOfSchema } from './redaction';
import { RequestLog, type RequestLogger } from './requestLog';
import { abortableSleep, backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, RETRYABLE_STATUSES, type RetryPolicy } from './retry';
import type {
  Connection,
  ConnectionType,
  CreateConnectionRequest,
  ParameterValues,
  ParameterValuesRequest,
  TestConnectionRequest,
  UpdateConnectionRequest,
} from './types';

export type { RetryPolicy } from './retry';
export type { RequestLogger } from './requestLog';

export interface ClientOptions {
  profile: ApiProfile;
  apiKey: string;
  /** VS Code's http.proxy, when set; wins over HTTPS_PROXY/HTTP_PROXY. */
  proxyUrl?: string;
  log?: RequestLogger;
  /** Time allowed to open the TCP/TLS connection. Default 10 s. */
  connectTimeoutMs?: number;
  /** Time allowed for one attempt, from sending to the last byte of the answer. Default 30 s. */
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Configuration keys to treat as secret beyond the name heuristic. The client also learns the `sensitive`
   * fields of every type schema it fetches.
   */
  sensitiveFields?: readonly string[];
  /** Where proxy variables are read; process.env unless given. */
  env?: Record<string, string | undefined>;
  /** Sent as User-Agent. */
  userAgent?: string;
  /** Waits between retries; replaceable so a scheduler (or a test) can observe the delays. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The largest answer read, in bytes (default 32 MB); a larger one is cut off and reported. */
  maxResponseBytes?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,255}$/;
/** No Polytomic answer comes near this (the whole 232-type catalog is under 3 MB); a bigger one is not read into memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

interface CallOptions {
  signal?: AbortSignal;
  query?: Record<string, string>;
  idempotencyKey?: string;
}

/** Why an attempt ended without a response. */
type AttemptFailure = { kind: 'cancelled' } | { kind: 'timeout' } | { kind: 'network'; code: string } | { kind: 'too_large'; status: number };

/** Thrown while reading a body that passes the size limit. */
class BodyTooLarge extends Error {}

/** What one attempt received. */
interface RawResponse {
  status: number;
  text: string;
  contentType?: string;
  retryAfter?: string;
  location?: string;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

export class PolytomicClient {
  private readonly profile: ApiProfile;
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly dispatcher: Dispatcher;
  private readonly scrubber: SecretScrubber;
  private readonly log: RequestLog;
  private readonly retryPolicy: RetryPolicy;
  private readonly requestTimeoutMs: number;
  private readonly sensitiveFields: Set<string>;
  private readonly userAgent: string;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly maxResponseBytes: number;

  constructor(options: ClientOptions) {
    const problem = validateProfile(options.profile);
    if (problem) throw new Error(problem);
    if (options.apiKey.trim() === '') throw new Error(`Profile "${options.profile.name}" has no API key; enter one first.`);
    this.profile = { ...options.profile };
    this.baseUrl = normalizeBaseUrl(options.profile.baseUrl);
    this.authorization = authorizationHeader(options.profile, options.apiKey);
    const proxySettings = { proxyUrl: options.proxyUrl, env: options.env };
    this.dispatcher = createDispatcher({
      ...proxySettings,
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      targetUrl: this.baseUrl,
    });
    this.scrubber = new SecretScrubber([options.apiKey, this.authorization, this.authorization.replace(/^\w+ /, ''), ...proxySecrets(proxySettings)]);
    this.log = new RequestLog(options.log, this.scrubber);
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.sensitiveFields = new Set(options.sensitiveFields ?? []);
    this.userAgent = options.userAgent ?? 'polytomic-connections-vscode';
    this.sleep = options.sleep ?? abortableSleep;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  listConnectionTypes(signal?: AbortSignal): Promise<ConnectionType[]> {
    return this.call(ENDPOINTS.listConnectionTypes, {}, undefined, { signal });
  }

  async getConnectionTypeSchema(typeId: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const schema = await this.call(ENDPOINTS.getConnectionTypeSchema, { typeId }, undefined, { signal });
    for (const field of sensitiveFieldsOfSchema(schema)) this.sensitiveFields.add(field);
    return schema;
  }

  getTypeParameterValues(typeId: string, body: ParameterValuesRequest, signal?: AbortSignal): Promise<ParameterValues> {
    return this.call(ENDPOINTS.getTypeParameterValues, { typeId }, body, { signal });
  }

  listConnections(signal?: AbortSignal): Promise<Connection[]> {
    return this.call(ENDPOINTS.listConnections, {}, undefined, { signal });
  }

  getConnection(id: string, signal?: AbortSignal): Promise<Connection> {
    return this.call(ENDPOINTS.getConnection, { id }, undefined, { signal });
  }

  /**
   * Creates a connection. One Idempotency-Key per call (generated unless given) is sent on every retry of it,
   * so a retried create can never make a second connection.
   */
  createConnection(body: CreateConnectionRequest, options?: { idempotencyKey?: string; signal?: AbortSignal }): Promise<Connection> {
    const idempotencyKey = options?.idempotencyKey ?? randomUUID();
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      return Promise.reject(new RangeError('An idempotency key must be 8 to 255 letters, digits, "-" or "_".'));
    }
    return this.call(ENDPOINTS.createConnection, {}, body, { signal: options?.signal, idempotencyKey });
  }

  /** Replaces the connection's settings (PUT; PATCH for API version 2023-04-25). Never retried. */
  updateConnection(id: string, body: UpdateConnectionRequest, signal?: AbortSignal): Promise<Connection> {
    return this.call(ENDPOINTS.updateConnection, { id }, body, { signal });
  }

  /** Deletes a connection; with force, Polytomic also deletes the syncs and models that use it. Never retried. */
  async deleteConnection(id: string, options?: { force?: boolean; signal?: AbortSignal }): Promise<void> {
    await this.call(ENDPOINTS.deleteConnection, { id }, undefined, {
      signal: options?.signal,
      query: { force: String(options?.force === true) },
    });
  }

  /** Asks Polytomic to test a configuration against the upstream service; nothing is saved. Never retried. */
  async testConnection(body: TestConnectionRequest, signal?: AbortSignal): Promise<void> {
    await this.call(ENDPOINTS.testConnection, {}, body, { signal });
  }

  /** Closes pooled connections; the client must not be used afterwards. */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private async call<P extends Record<string, string>, B, R>(
    decl: Endpoint<P, B, R>,
    params: P,
    body: B | undefined,
    options: CallOptions,
  ): Promise<R> {
    const method = methodFor(decl, this.profile.apiVersion);
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    const path = fillPath(decl.path, params) + query;
    const scrubber = body === undefined ? this.scrubber : this.scrubber.with(collectSecretValues(body, this.sensitiveFields));
    const headers: Record<string, string> = {
      authorization: this.authorization,
      'x-polytomic-version': this.profile.apiVersion,
      accept: 'application/json',
      'user-agent': this.userAgent,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const retryable = decl.retry === 'read' || (decl.retry === 'keyed-create' && options.idempotencyKey !== undefined);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const ctx = { method, path, action: decl.action, subject: decl.subject, subjectId: Object.values(params)[0], profileName: this.profile.name };
    // Every error leaves through here: its message scrubbed of secrets, then logged.
    const fail: (error: PolytomicApiError) => never = (error) => {
      const final = new PolytomicApiError({
        ...error,
        message: scrubber.scrub(error.message),
        fieldErrors: error.fieldErrors?.map((f) => ({ field: f.field, message: scrubber.scrub(f.message) })),
      });
      this.log.failed(method, path, final.message, scrubber);
      throw final;
    };
    const canRetry = (attempt: number): boolean => retryable && attempt < this.retryPolicy.maxAttempts;

    for (let attempt = 1; ; attempt++) {
      if (options.signal?.aborted) fail(this.cancelled(method, path));
      const started = performance.now();
      const outcome = await this.send(this.baseUrl + path, method, headers, payload, options.signal);
      const durationMs = performance.now() - started;
      const logged = { method, path, attempt, durationMs };

      if (outcome.failure) {
        const failure = outcome.failure;
        if (failure.kind === 'cancelled') {
          this.log.attempt({ ...logged, failure: 'cancelled' }, scrubber);
          fail(this.cancelled(method, path));
        }
        if (failure.kind === 'timeout') {
          this.log.attempt({ ...logged, failure: 'timed out' }, scrubber);
          fail(
            new PolytomicApiError({
              kind: 'timeout',
              message: `The Polytomic API did not answer within ${seconds(this.requestTimeoutMs)} (${method} ${path}). Check the network or proxy and retry.`,
              method,
              path,
            }),
          );
        }
        if (failure.kind === 'too_large') {
          this.log.attempt({ ...logged, status: failure.status }, scrubber);
          fail(
            this.badResponse(
              method,
              path,
              `answered ${failure.status} with more than ${megabytes(this.maxResponseBytes)}, which is more than any Polytomic answer; it was not read. Check the base URL of profile "${this.profile.name}"`,
              failure.status,
            ),
          );
        }
        const described = describeFailure(failure.code);
        if (canRetry(attempt)) {
          const retryInMs = backoffDelay(attempt, this.retryPolicy);
          this.log.attempt({ ...logged, failure: described, retryInMs }, scrubber);
          await this.wait(retryInMs, options.signal, method, path, fail);
          continue;
        }
        this.log.attempt({ ...logged, failure: described }, scrubber);
        fail(this.networkError(failure.code, method, path));
      }

      const { status, text, contentType, retryAfter, location } = outcome.response;
      if (status >= 200 && status < 300) {
        this.log.attempt({ ...logged, status }, scrubber);
        return this.unwrap(decl, status, text, method, path, fail);
      }
      if (status >= 300 && status < 400) {
        this.log.attempt({ ...logged, status }, scrubber);
        fail(this.badResponse(method, path, `was redirected (${status}) to ${location ?? 'another address'}. Set the base URL of profile "${this.profile.name}" to the final address`, status));
      }
      const retryAfterMs = parseRetryAfter(retryAfter);
      const error = errorFromResponse(status, text, contentType, ctx, retryAfterMs);
      if (canRetry(attempt) && RETRYABLE_STATUSES.has(status)) {
        const honoursRetryAfter = (status === 429 || status === 503) && retryAfterMs !== undefined;
        if (!(honoursRetryAfter && retryAfterMs > this.retryPolicy.maxRetryAfterMs)) {
          const retryInMs = honoursRetryAfter ? retryAfterMs : backoffDelay(attempt, this.retryPolicy);
          this.log.attempt({ ...logged, status, retryInMs }, scrubber);
          await this.wait(retryInMs, options.signal, method, path, fail);
          continue;
        }
      }
      this.log.attempt({ ...logged, status }, scrubber);
      fail(error);
    }
  }

  /** One HTTP exchange under the whole-request timeout and the caller's signal; never throws. */
  private async send(
    url: string,
    method: string,
    headers: Record<string, string>,
    payload: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{ response: RawResponse; failure?: undefined } | { failure: AttemptFailure }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('request timeout'));
    }, this.requestTimeoutMs);
    const onCallerAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      const res = await request(url, { method: method as HttpMethod, headers, body: payload, dispatcher: this.dispatcher, signal: controller.signal });
      const header = (name: string): string | undefined => {
        const value = res.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      // The body is read inside the timeout too: a server that stalls mid-body is as stuck as one that never answers.
      let text: string;
      try {
        text = await this.readLimited(res.body, header('content-length'));
      } catch (err) {
        if (!(err instanceof BodyTooLarge)) throw err;
        return { failure: { kind: 'too_large', status: res.statusCode } };
      }
      return { response: { status: res.statusCode, text, contentType: header('content-type'), retryAfter: header('retry-after'), location: header('location') } };
    } catch (err) {
      if (signal?.aborted) return { failure: { kind: 'cancelled' } };
      if (timedOut) return { failure: { kind: 'timeout' } };
      return { failure: { kind: 'network', code: failureCode(err) } };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** The body as text, refusing (and dropping the connection of) one larger than maxResponseBytes. */
  private async readLimited(body: Dispatcher.ResponseData['body'], contentLength: string | undefined): Promise<string> {
    if (contentLength !== undefined && Number(contentLength) > this.maxResponseBytes) {
      body.destroy();
      throw new BodyTooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > this.maxResponseBytes) {
        body.destroy();
        throw new BodyTooLarge();
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private networkError(code: string, method: string, path: string): PolytomicApiError {
    const where = `${method} ${path}`;
    const checks = `Check the base URL of profile "${this.profile.name}", the network or proxy, and retry.`;
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      return new PolytomicApiError({ kind: 'timeout', message: `Could not connect to ${this.baseUrl} in time (${where}). ${checks}`, method, path });
    }
    if (isTlsFailure(code)) {
      return new PolytomicApiError({
        kind: 'network',
        message: `The TLS certificate of ${this.baseUrl} is not trusted (${code}, ${where}). If the deployment uses a private certificate authority, add it to the system's trusted certificates.`,
        method,
        path,
      });
    }
    return new PolytomicApiError({
      kind: 'network',
      message: `Could not reach the Polytomic API at ${this.baseUrl} (${where}): ${describeFailure(code)}. ${checks}`,
      method,
      path,
    });
  }

  private async wait(
    ms: number,
    signal: AbortSignal | undefined,
    method: string,
    path: string,
    fail: (error: PolytomicApiError) => never,
  ): Promise<void> {
    try {
      await this.sleep(ms, signal);
    } catch {
      fail(this.cancelled(method, path));
    }
    if (signal?.aborted) fail(this.cancelled(method, path));
  }

  private unwrap<P extends Record<string, string>, B, R>(
    decl: Endpoint<P, B, R>,
    status: number,
    text: string,
    method: string,
    path: string,
    fail: (error: PolytomicApiError) => never,
  ): R {
    if (decl.response === 'none') return undefined as R;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const summary = summarizeText(text);
      const what = text.trim() === '' ? 'an empty body' : /^\s*[[{]/.test(text) ? 'JSON that was cut off' : `"${summary}" instead of JSON`;
      return fail(this.badResponse(method, path, `answered ${status} with ${what}. Check the base URL of profile "${this.profile.name}" and retry`, status));
    }
    let value: unknown = json;
    if (decl.response === 'envelope') {
      if (typeof json !== 'object' || json === null || Array.isArray(json) || !('data' in json)) {
        return fail(this.badResponse(method, path, `answered ${status} without the "data" envelope. The base URL of profile "${this.profile.name}" may not point at the Polytomic API`, status));
      }
      value = (json as { data: unknown }).data;
    }
    const problem = decl.check?.(value);
    if (problem) {
      return fail(this.badResponse(method, path, `answered ${status} with an unexpected shape (${problem}). The API version "${this.profile.apiVersion}" may not match the server`, status));
    }
    return value as R;
  }

  private badResponse(method: string, path: string, what: string, status: number): PolytomicApiError {
    return new PolytomicApiError({ kind: 'bad_response', message: `Polytomic ${what} (${method} ${path}).`, status, method, path });
  }

  private cancelled(method: string, path: string): PolytomicApiError {
    return new PolytomicApiError({ kind: 'cancelled', message: `The request was cancelled (${method} ${path}).`, method, path });
  }
}
