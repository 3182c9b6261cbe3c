// The request pipeline: version, route, faults, auth, idempotency, handler, reply. Admin routes skip all of it.
// drain() (for close) refuses every request from then on and waits for the ones already committing: a request
// still reading its body or held by a latency fault is dropped before it commits, so nothing changes after close.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { foreignAdminCaller } from './admin-guard';
import { HttpError, type ApiErrorBody, type RestErrResponseBody } from './api-error';
import { authenticate, type AuthConfig } from './auth';
import type { FaultController, FaultDecision } from './faults';
import { errorReply, readBody, sendReply } from './http-io';
import { checkIdempotencyKey, type IdempotencyKeys } from './idempotency';
import { matchRoute, type Reply, type RequestContext, type Route } from './router';
import { resolveVersion, usesRestErrFor401, type ApiVersion } from './versions';

export interface Pipeline {
  apiRoutes: Route[];
  adminRoutes: Route[];
  auth: AuthConfig;
  faults: FaultController;
  idempotency: IdempotencyKeys;
  /** One line per request: method, path, status. Never headers or bodies. */
  log?: (line: string) => void;
  /** The web app's pages the emulator stands in for (GET, outside /api/), as HTML. */
  webPage?: (path: string) => { status: number; html: string } | undefined;
}

function unauthorized(version: ApiVersion, reason: string): Reply {
  const body: RestErrResponseBody | ApiErrorBody = usesRestErrFor401(version)
    ? { code: 401, error: reason, status: 'Unauthorized', context: {} }
    : { status: 401, message: reason };
  return { status: 401, body, headers: { 'www-authenticate': 'Bearer, Basic' } };
}

function faultReply(status: number): Reply {
  return { status, body: { status, message: `emulated fault: the API answered ${status}; retry later` } };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function runHandler(route: Route, ctx: RequestContext): Promise<Reply> {
  try {
    return await route.handler(ctx);
  } catch (error) {
    if (error instanceof HttpError) return errorReply(error);
    return { status: 500, body: { status: 500, message: `internal emulator error: ${(error as Error).message}` } };
  }
}

export interface RequestListener {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** From now on every request is dropped; resolves when the requests that were committing have answered. */
  drain(): Promise<void>;
}

export function createRequestListener(pipeline: Pipeline): RequestListener {
  let draining = false;
  const committing = new Set<Promise<Reply>>();

  /** Runs a handler and records its key's outcome; drain() waits for these. */
  async function commit(route: Route, ctx: RequestContext, key: string | undefined): Promise<Reply> {
    const reply = await runHandler(route, ctx);
    if (key !== undefined) pipeline.idempotency.complete(key, reply);
    return reply;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, bodyText: string): Promise<Reply | 'dropped'> {
    const version = resolveVersion(req.headers['x-polytomic-version']);
    res.setHeader('X-Polytomic-Version', version);
    const method = req.method ?? 'GET';
    const match = matchRoute(pipeline.apiRoutes, method, url.pathname);
    if (!match) throw new HttpError(404, `no such endpoint: ${method} ${url.pathname}`);
    if (!('route' in match)) {
      throw new HttpError(405, `${method} is not allowed on ${url.pathname}; allowed: ${match.allowed.join(', ')}`, undefined, undefined, {
        allow: match.allowed.join(', '),
      });
    }
    const ctx: RequestContext = { method, path: url.pathname, query: url.searchParams, headers: req.headers, bodyText, version, params: match.params };

    const fault: FaultDecision = pipeline.faults.decide(method);
    if (fault.rateLimit) {
      const seconds = fault.rateLimit.retryAfterSeconds;
      return {
        status: 429,
        body: { status: 429, message: `rate limit exceeded; retry after ${seconds} second${seconds === 1 ? '' : 's'}` },
        headers: { 'retry-after': String(seconds) },
      };
    }

    if (match.route.requiresAuth?.(version) ?? true) {
      const auth = authenticate(header(req, 'authorization'), pipeline.auth);
      if (!auth.ok) return unauthorized(version, auth.reason);
      ctx.actor = auth.actor;
    }

    const key = method === 'POST' ? header(req, 'idempotency-key') : undefined;
    if (key !== undefined) {
      checkIdempotencyKey(key);
      const admission = pipeline.idempotency.admit(key);
      if (admission.kind === 'conflict') {
        throw new HttpError(409, 'a request with this Idempotency-Key is still in progress; retry after it completes');
      }
      if (admission.kind === 'replay') return admission.reply;
    }

    await pipeline.faults.sleep(fault.latencyMs);
    if (draining) {
      if (key !== undefined) pipeline.idempotency.abandon(key);
      return 'dropped';
    }
    if ((fault.error && !fault.error.afterCommit) || (fault.drop && !fault.drop.afterCommit)) {
      if (key !== undefined) pipeline.idempotency.abandon(key);
      return fault.drop ? 'dropped' : faultReply(fault.error!.status);
    }

    const committed = commit(match.route, ctx, key);
    committing.add(committed);
    const reply = await committed.finally(() => committing.delete(committed));
    if (fault.drop) return 'dropped';
    if (fault.error) return faultReply(fault.error.status);
    return reply;
  }

  async function handleAdmin(req: IncomingMessage, url: URL, bodyText: string): Promise<Reply> {
    const refused = foreignAdminCaller(req);
    if (refused) throw new HttpError(403, refused);
    const method = req.method ?? 'GET';
    const match = matchRoute(pipeline.adminRoutes, method, url.pathname);
    if (!match) throw new HttpError(404, `no such admin endpoint: ${method} ${url.pathname}`);
    if (!('route' in match)) throw new HttpError(405, `${method} is not allowed on ${url.pathname}; allowed: ${match.allowed.join(', ')}`);
    return match.route.handler({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      bodyText,
      version: resolveVersion(undefined),
      params: match.params,
    });
  }

  const listener = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const page = req.method === 'GET' && !url.pathname.startsWith('/api/') ? pipeline.webPage?.(url.pathname) : undefined;
    if (page) {
      pipeline.log?.(`GET ${url.pathname} -> ${page.status} (page)`);
      res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(Buffer.byteLength(page.html)) });
      res.end(page.html);
      return;
    }
    let reply: Reply | 'dropped';
    try {
      const bodyText = await readBody(req);
      reply = draining
        ? 'dropped'
        : url.pathname.startsWith('/__emulator/')
        ? await handleAdmin(req, url, bodyText)
        : await handleApi(req, res, url, bodyText);
    } catch (error) {
      reply =
        error instanceof HttpError
          ? errorReply(error)
          : { status: 500, body: { status: 500, message: `internal emulator error: ${(error as Error).message}` } };
    }
    if (reply === 'dropped') {
      pipeline.log?.(`${req.method} ${url.pathname} -> dropped`);
      req.socket.destroy();
      return;
    }
    pipeline.log?.(`${req.method} ${url.pathname} -> ${reply.status}`);
    sendReply(res, reply, {});
  };

  const drain = async (): Promise<void> => {
    draining = true;
    while (committing.size > 0) await Promise.allSettled([...committing]);
  };
  return Object.assign(listener, { drain });
}
