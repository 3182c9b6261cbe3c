// The request context handlers see, their replies, and a small table-driven router.
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './api-error';
import type { Actor } from './auth';
import type { ApiVersion } from './versions';

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  bodyText: string;
  version: ApiVersion;
  /** Set once the request is authenticated. */
  actor?: Actor;
  /** The route pattern's capture groups, decoded. */
  params: string[];
}

export interface Reply {
  status: number;
  /** Serialised as JSON; undefined means an empty body (unless `raw` is set). */
  body?: unknown;
  /** A body that is not JSON (a logo), sent as it is. */
  raw?: { contentType: string; text: string };
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  pattern: RegExp;
  /** Whether the route needs an API key in this version (default: always). */
  requiresAuth?: (version: ApiVersion) => boolean;
  handler: Handler;
}

export type RouteMatch = { route: Route; params: string[] } | { allowed: string[] } | undefined;

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `the path segment "${segment}" is not valid percent-encoding`);
  }
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(normalised);
    if (!match) continue;
    if (route.method === method) return { route, params: match.slice(1).map(decodePathSegment) };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : undefined;
}

/** The body as a JSON object, or a 400 that says what is wrong with it. */
export function jsonObjectBody(ctx: RequestContext): Record<string, unknown> {
  if (ctx.bodyText.trim() === '') throw new HttpError(400, 'request body is empty; expected a JSON object');
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.bodyText);
  } catch (error) {
    throw new HttpError(400, `request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export const ok = (data: unknown): Reply => ({ status: 200, body: { data } });
export const empty = (): Reply => ({ status: 200 });
