// /api/connections: list, create, get, update (PUT, or PATCH in 2023-04-25 and older), delete (?force), test.
import { HttpError, notFound } from '../api-error';
import {
  optionalBoolean,
  optionalDuration,
  optionalStringArray,
  optionalUuid,
  requiredObject,
  requiredString,
} from '../body-fields';
import { resolveConfiguration } from '../configuration-rules';
import { connectionView, createResponseView } from '../connection-view';
import { empty, jsonObjectBody, ok, type RequestContext, type Route } from '../router';
import type { Services } from '../services';
import type { StoredConnection } from '../store';
import { checkUpstream } from '../upstream-check';
import { updateMethodFor } from '../versions';

function findConnection(services: Services, id: string): StoredConnection {
  const connection = services.state.connections.get(id);
  if (!connection) throw notFound('connection', id);
  return connection;
}

function checkOrganization(services: Services, organizationId: string | undefined): void {
  if (organizationId !== undefined && organizationId.toLowerCase() !== services.orgId.toLowerCase()) {
    throw new HttpError(403, `organization ${organizationId} is not accessible with this API key`);
  }
}

/** validate (default true) tests the upstream and refuses the change when it cannot be reached. */
function health(configuration: Record<string, unknown>, validate: boolean): Pick<StoredConnection, 'status' | 'status_error'> {
  const failure = checkUpstream(configuration);
  if (failure && validate) throw new HttpError(400, failure);
  return failure ? { status: 'unhealthy', status_error: failure } : { status: 'healthy', status_error: undefined };
}

function create(services: Services, ctx: RequestContext) {
  const body = jsonObjectBody(ctx);
  const name = requiredString(body, 'name');
  const type = requiredString(body, 'type');
  const incoming = requiredObject(body, 'configuration');
  const organizationId = optionalUuid(body, 'organization_id');
  const policies = optionalStringArray(body, 'policies') ?? [];
  const healthcheckInterval = optionalDuration(body, 'healthcheck_interval');
  const validate = optionalBoolean(body, 'validate') ?? true;
  checkOrganization(services, organizationId);
  const configuration = resolveConfiguration(services, type, incoming, undefined, 422);
  const now = services.now();
  const actor = ctx.actor!;
  const connection: StoredConnection = {
    id: services.newId(),
    name,
    organization_id: services.orgId,
    type,
    type_name: services.catalog.get(type)?.name ?? type,
    configuration,
    ...health(configuration, validate),
    saved: true,
    policies,
    healthcheck_interval: healthcheckInterval,
    created_at: now,
    updated_at: now,
    created_by: actor,
    updated_by: actor,
  };
  services.state.putConnection(connection);
  return ok(createResponseView(services, connection));
}

function update(services: Services, ctx: RequestContext) {
  const expected = updateMethodFor(ctx.version);
  if (ctx.method !== expected) {
    throw new HttpError(
      405,
      `${ctx.method} is not supported for updating a connection in API version ${ctx.version}; use ${expected}`,
      undefined,
      undefined,
      { allow: `GET, ${expected}, DELETE` },
    );
  }
  const existing = findConnection(services, ctx.params[0]);
  const body = jsonObjectBody(ctx);
  const name = requiredString(body, 'name');
  const incoming = requiredObject(body, 'configuration');
  const type = body.type === undefined || body.type === null ? existing.type : requiredString(body, 'type');
  if (type !== existing.type) {
    throw new HttpError(400, `type cannot be changed (connection ${existing.id} is "${existing.type}", the request says "${type}")`);
  }
  const organizationId = optionalUuid(body, 'organization_id');
  const policies = optionalStringArray(body, 'policies') ?? [];
  const healthcheckInterval = optionalDuration(body, 'healthcheck_interval');
  const validate = optionalBoolean(body, 'validate') ?? true;
  optionalBoolean(body, 'reconnect');
  checkOrganization(services, organizationId);
  const configuration = resolveConfiguration(services, type, incoming, existing.configuration, 422);
  const updated: StoredConnection = {
    ...existing,
    name,
    configuration,
    ...health(configuration, validate),
    policies,
    healthcheck_interval: healthcheckInterval,
    updated_at: services.now(),
    updated_by: ctx.actor!,
  };
  services.state.putConnection(updated);
  return ok(createResponseView(services, updated));
}

function parseForce(ctx: RequestContext): boolean {
  const raw = ctx.query.get('force');
  if (raw === null || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw new HttpError(400, `force must be true or false, got "${raw}"`);
}

function remove(services: Services, ctx: RequestContext) {
  const force = parseForce(ctx);
  const connection = findConnection(services, ctx.params[0]);
  const usedBy = services.state.usedBy(connection.id);
  if (usedBy.length > 0 && !force) {
    throw new HttpError(422, 'connection in use', { used_by: usedBy });
  }
  services.state.deleteConnectionCascade(connection.id);
  return empty();
}

/** Nothing is persisted; with connection_id the configuration is merged over the stored one. */
function test(services: Services, ctx: RequestContext) {
  const body = jsonObjectBody(ctx);
  const type = requiredString(body, 'type');
  const incoming = requiredObject(body, 'configuration');
  const connectionId = optionalUuid(body, 'connection_id');
  let stored: Record<string, unknown> | undefined;
  if (connectionId !== undefined) {
    const connection = findConnection(services, connectionId);
    if (connection.type !== type) {
      throw new HttpError(400, `connection ${connectionId} is of type "${connection.type}", not "${type}"`);
    }
    stored = connection.configuration;
  }
  const merged = stored ? { ...stored, ...incoming } : incoming;
  const configuration = resolveConfiguration(services, type, merged, stored, 400);
  const failure = checkUpstream(configuration);
  if (failure) throw new HttpError(400, failure);
  return empty();
}

export function connectionRoutes(services: Services): Route[] {
  // `connect` and `test` are endpoints of their own (POST only), never a connection id.
  const byId = /^\/api\/connections\/(?!(?:connect|test)$)([^/]+)$/;
  return [
    { method: 'GET', pattern: /^\/api\/connections$/, handler: () => ok([...services.state.connections.values()].map((c) => connectionView(services, c))) },
    { method: 'POST', pattern: /^\/api\/connections$/, handler: (ctx) => create(services, ctx) },
    { method: 'POST', pattern: /^\/api\/connections\/test$/, handler: (ctx) => test(services, ctx) },
    { method: 'GET', pattern: byId, handler: (ctx) => ok(connectionView(services, findConnection(services, ctx.params[0]))) },
    { method: 'PUT', pattern: byId, handler: (ctx) => update(services, ctx) },
    { method: 'PATCH', pattern: byId, handler: (ctx) => update(services, ctx) },
    { method: 'DELETE', pattern: byId, handler: (ctx) => remove(services, ctx) },
  ];
}
