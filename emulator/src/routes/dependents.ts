// Just enough of bulk syncs, models and model syncs (create, list, get, delete) to make connections "in use".
import { HttpError, notFound } from '../api-error';
import { optionalBoolean, optionalString, requiredString } from '../body-fields';
import { empty, jsonObjectBody, ok, type RequestContext, type Route } from '../router';
import type { Services } from '../services';
import type { StoredBulkSync, StoredModel, StoredModelSync } from '../store';

function nested(body: Record<string, unknown>, outer: string, inner: string): unknown {
  const value = body[outer];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[inner] : undefined;
}

/** The first of the accepted spellings that is present, as a known connection id. */
function connectionRef(services: Services, field: string, candidates: unknown[]): string {
  const value = candidates.find((c) => c !== undefined && c !== null);
  if (value === undefined) throw new HttpError(400, `${field} is required`);
  if (typeof value !== 'string') throw new HttpError(400, `${field} must be a connection id`);
  if (!services.state.connections.has(value)) throw notFound('connection', value);
  return value;
}

function stamps(services: Services) {
  const now = services.now();
  return { id: services.newId(), organization_id: services.orgId, created_at: now, updated_at: now };
}

function createBulkSync(services: Services, ctx: RequestContext) {
  const body = jsonObjectBody(ctx);
  const sync: StoredBulkSync = {
    ...stamps(services),
    name: requiredString(body, 'name'),
    source_connection_id: connectionRef(services, 'source_connection_id', [body.source_connection_id, nested(body, 'source', 'connection_id')]),
    destination_connection_id: connectionRef(services, 'destination_connection_id', [
      body.destination_connection_id,
      body.dest_connection_id,
      nested(body, 'destination', 'connection_id'),
    ]),
    active: optionalBoolean(body, 'active') ?? false,
    mode: optionalString(body, 'mode') ?? 'replicate',
    schedule: typeof body.schedule === 'object' && body.schedule !== null ? (body.schedule as Record<string, unknown>) : { frequency: 'manual' },
  };
  services.state.putBulkSync(sync);
  return ok(sync);
}

function createModel(services: Services, ctx: RequestContext) {
  const body = jsonObjectBody(ctx);
  const model: StoredModel = {
    ...stamps(services),
    name: requiredString(body, 'name'),
    connection_id: connectionRef(services, 'connection_id', [body.connection_id]),
    configuration: typeof body.configuration === 'object' && body.configuration !== null ? (body.configuration as Record<string, unknown>) : {},
  };
  services.state.putModel(model);
  return ok(model);
}

/** Model ids come from `model_ids` or from the fields' sources, as the sync API spells them. */
function modelIdsOf(services: Services, body: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  if (Array.isArray(body.model_ids)) for (const id of body.model_ids) if (typeof id === 'string') ids.add(id);
  if (Array.isArray(body.fields)) {
    for (const field of body.fields) {
      const modelId = typeof field === 'object' && field !== null ? nested(field as Record<string, unknown>, 'source', 'model_id') : undefined;
      if (typeof modelId === 'string') ids.add(modelId);
    }
  }
  for (const id of ids) if (!services.state.models.has(id)) throw notFound('model', id);
  return [...ids];
}

function createModelSync(services: Services, ctx: RequestContext) {
  const body = jsonObjectBody(ctx);
  const object = nested(body, 'target', 'object');
  const sync: StoredModelSync = {
    ...stamps(services),
    name: requiredString(body, 'name'),
    target: {
      connection_id: connectionRef(services, 'target.connection_id', [nested(body, 'target', 'connection_id')]),
      ...(typeof object === 'string' ? { object } : {}),
    },
    model_ids: modelIdsOf(services, body),
    active: optionalBoolean(body, 'active') ?? false,
    mode: optionalString(body, 'mode') ?? 'updateOrCreate',
  };
  services.state.putModelSync(sync);
  return ok(sync);
}

interface Collection<T> {
  what: string;
  base: string;
  items: Map<string, T>;
  create(services: Services, ctx: RequestContext): ReturnType<typeof ok>;
  remove(id: string): boolean;
}

function collectionRoutes<T>(c: Collection<T>, services: Services): Route[] {
  const list = new RegExp(`^${c.base}$`);
  const byId = new RegExp(`^${c.base}/([^/]+)$`);
  const find = (id: string): T => {
    const item = c.items.get(id);
    if (!item) throw notFound(c.what, id);
    return item;
  };
  return [
    { method: 'GET', pattern: list, handler: () => ok([...c.items.values()]) },
    { method: 'POST', pattern: list, handler: (ctx) => c.create(services, ctx) },
    { method: 'GET', pattern: byId, handler: (ctx) => ok(find(ctx.params[0])) },
    {
      method: 'DELETE',
      pattern: byId,
      handler: (ctx) => {
        find(ctx.params[0]);
        c.remove(ctx.params[0]);
        return empty();
      },
    },
  ];
}

export function dependentRoutes(services: Services): Route[] {
  const { state } = services;
  return [
    ...collectionRoutes({ what: 'bulk sync', base: '/api/bulk/syncs', items: state.bulkSyncs, create: createBulkSync, remove: (id) => state.deleteBulkSync(id) }, services),
    ...collectionRoutes({ what: 'model', base: '/api/models', items: state.models, create: createModel, remove: (id) => state.deleteModel(id) }, services),
    ...collectionRoutes({ what: 'sync', base: '/api/syncs', items: state.syncs, create: createModelSync, remove: (id) => state.deleteModelSync(id) }, services),
  ];
}
