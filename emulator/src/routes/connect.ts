// POST /api/connections/connect/: a Connect Card session, Polytomic's hosted page where a user enters (or authorises)
// a connection's credentials and is then sent to `redirect_url`. The emulator checks the request and answers the
// session's {redirect_url, token}; it hosts no such page, so the returned URL is where a real one would be.
import { randomBytes } from 'node:crypto';
import { HttpError, notFound } from '../api-error';
import { optionalBoolean, optionalString, optionalStringArray, optionalUuid, requiredString } from '../body-fields';
import { jsonObjectBody, ok, type RequestContext, type Route } from '../router';
import type { Services } from '../services';

function connect(services: Services, ctx: RequestContext) {
  const body = jsonObjectBody(ctx);
  requiredString(body, 'name');
  const redirectUrl = requiredString(body, 'redirect_url');
  if (!URL.canParse(redirectUrl)) throw new HttpError(400, `redirect_url must be an absolute URL, got "${redirectUrl}"`);
  const type = optionalString(body, 'type');
  if (type !== undefined && !services.catalog.get(type)) throw new HttpError(400, `unknown connection type "${type}"`);
  const connectionId = optionalUuid(body, 'connection');
  if (connectionId !== undefined && !services.state.connections.has(connectionId)) throw notFound('connection', connectionId);
  const organizationId = optionalUuid(body, 'organization_id');
  if (organizationId !== undefined && organizationId.toLowerCase() !== services.orgId.toLowerCase()) {
    throw new HttpError(403, `organization ${organizationId} is not accessible with this API key`);
  }
  optionalBoolean(body, 'dark');
  const whitelist = optionalStringArray(body, 'whitelist');
  for (const id of whitelist ?? []) if (!services.catalog.get(id)) throw new HttpError(400, `whitelist names an unknown connection type "${id}"`);
  const token = randomBytes(16).toString('hex');
  const origin = `http://${ctx.headers.host ?? '127.0.0.1'}`;
  return ok({ redirect_url: `${origin}/connect/${token}`, token });
}

export function connectRoutes(services: Services): Route[] {
  return [{ method: 'POST', pattern: /^\/api\/connections\/connect$/, handler: (ctx) => connect(services, ctx) }];
}
