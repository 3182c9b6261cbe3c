// The connection as the API answers it: configuration masked, type as {id, name, logo_url?, operations?}.
import type { Services } from './services';
import { maskConfiguration } from './masking';
import type { StoredConnection } from './store';

export function typeView(services: Services, connection: StoredConnection): Record<string, unknown> {
  const entry = services.catalog.get(connection.type);
  const view: Record<string, unknown> = { id: connection.type, name: entry?.name ?? connection.type_name };
  if (typeof entry?.logo_url === 'string') view.logo_url = entry.logo_url;
  if (Array.isArray(entry?.operations)) view.operations = entry.operations;
  return view;
}

function maskedConfiguration(services: Services, connection: StoredConnection): Record<string, unknown> {
  return maskConfiguration(connection.configuration, services.catalog.schema(connection.type)?.normalised);
}

/** ConnectionResponseSchema: GET and list. */
export function connectionView(services: Services, connection: StoredConnection): Record<string, unknown> {
  return withOptionalFields(connection, {
    ...sharedFields(services, connection),
    created_at: connection.created_at,
    updated_at: connection.updated_at,
    created_by: connection.created_by,
    updated_by: connection.updated_by,
  });
}

/** CreateConnectionResponseSchema: the answer to create and update. */
export function createResponseView(services: Services, connection: StoredConnection): Record<string, unknown> {
  return withOptionalFields(connection, sharedFields(services, connection));
}

/** The fields both response schemas carry. */
function sharedFields(services: Services, connection: StoredConnection): Record<string, unknown> {
  return {
    id: connection.id,
    name: connection.name,
    organization_id: connection.organization_id,
    type: typeView(services, connection),
    configuration: maskedConfiguration(services, connection),
    status: connection.status,
    saved: connection.saved,
    policies: connection.policies,
  };
}

/** Fields the API leaves out when they are empty. */
function withOptionalFields(connection: StoredConnection, view: Record<string, unknown>): Record<string, unknown> {
  if (connection.status_error) view.status_error = connection.status_error;
  if (connection.healthcheck_interval) view.healthcheck_interval = connection.healthcheck_interval;
  return view;
}
