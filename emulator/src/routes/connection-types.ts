// /api/connection_types: the list ({data}), one type's bare schema, and the type-level parameter values.
import { HttpError, notFound } from '../api-error';
import { optionalString, optionalUuid, requiredString } from '../body-fields';
import { propertiesOf } from '../dialect';
import { valueFieldsOf, valuesForField } from '../parameter-values';
import { jsonObjectBody, ok, type RequestContext, type Route } from '../router';
import type { Services } from '../services';
import { typeListNeedsAuth } from '../versions';
import { typeListView } from '../type-list';

function schemaOf(services: Services, typeId: string) {
  const schema = services.catalog.schema(typeId);
  if (!schema) throw notFound('connection type', typeId);
  return schema;
}

function typeParameterValues(services: Services, ctx: RequestContext) {
  const schema = schemaOf(services, ctx.params[0]).normalised;
  const body = jsonObjectBody(ctx);
  const field = requiredString(body, 'field');
  const query = optionalString(body, 'query');
  const connectionId = optionalUuid(body, 'connection_id');
  if (connectionId !== undefined && !services.state.connections.has(connectionId)) throw notFound('connection', connectionId);
  const definition = propertiesOf(schema)[field];
  if (!definition) throw new HttpError(400, `connection type "${ctx.params[0]}" has no field "${field}"`);
  return ok({ [field]: valuesForField(definition, query) });
}

function connectionParameterValues(services: Services, ctx: RequestContext) {
  const connection = services.state.connections.get(ctx.params[0]);
  if (!connection) throw notFound('connection', ctx.params[0]);
  const schema = services.catalog.schema(connection.type)?.normalised;
  if (!schema) return ok({});
  const properties = propertiesOf(schema);
  return ok(Object.fromEntries(valueFieldsOf(schema).map((name) => [name, valuesForField(properties[name])])));
}

export function connectionTypeRoutes(services: Services): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/api\/connection_types$/,
      requiresAuth: typeListNeedsAuth,
      handler: (ctx) => ok(typeListView(services.catalog.list(), `http://${ctx.headers.host ?? '127.0.0.1'}`)),
    },
    {
      method: 'GET',
      pattern: /^\/api\/connection_types\/([^/]+)$/,
      handler: (ctx) => ({ status: 200, body: schemaOf(services, ctx.params[0]).raw }),
    },
    {
      method: 'POST',
      pattern: /^\/api\/connection_types\/([^/]+)\/parameter_values$/,
      handler: (ctx) => typeParameterValues(services, ctx),
    },
    {
      method: 'GET',
      pattern: /^\/api\/connections\/([^/]+)\/parameter_values$/,
      handler: (ctx) => connectionParameterValues(services, ctx),
    },
  ];
}
