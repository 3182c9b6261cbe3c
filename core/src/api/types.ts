// Wire types of the Polytomic connections API, as the client exposes them.
// Field names follow the API (snake_case); every response field the API may omit is optional.

/** Item of GET /api/connection_types. */
export interface ConnectionType {
  id: string;
  name: string;
  logo_url?: string;
  use_oauth?: boolean;
  capabilities?: { source?: boolean; destination?: boolean; enrichment?: boolean; orchestration?: boolean };
  configurationForm?: { jsonschema?: unknown; uischema?: unknown };
  envConfig?: Record<string, unknown>;
  initialConfiguration?: Record<string, unknown>;
  oauth_prompt?: { key?: string; value?: string; when?: string };
}

/** The short type descriptor embedded in a connection. */
export interface ConnectionTypeRef {
  id: string;
  name?: string;
  logo_url?: string;
  operations?: string[];
}

/** Who created or last changed a connection. */
export interface Actor {
  id?: string;
  name?: string;
  type?: string;
}

/** A connection as GET/POST/PUT return it. Sensitive configuration values come back masked. */
export interface Connection {
  id: string;
  name: string;
  organization_id?: string;
  configuration?: Record<string, unknown>;
  type?: ConnectionTypeRef;
  status?: string;
  status_error?: string;
  saved?: boolean;
  policies?: string[];
  healthcheck_interval?: string;
  parent_connection_id?: string;
  api_calls_last_24_hours?: number;
  created_at?: string;
  updated_at?: string;
  created_by?: Actor;
  updated_by?: Actor;
  /** Set by create/update for OAuth-style connect modes that need an interactive step. */
  auth_url?: string;
  auth_code?: string;
}

/** Body of POST /api/connections. */
export interface CreateConnectionRequest {
  name: string;
  type: string;
  configuration: Record<string, unknown>;
  organization_id?: string;
  policies?: string[];
  healthcheck_interval?: string;
  redirect_url?: string;
  validate?: boolean;
}

/** Body of PUT (PATCH in 2023-04-25) /api/connections/{id}: a full replacement. */
export interface UpdateConnectionRequest {
  name: string;
  configuration: Record<string, unknown>;
  type?: string;
  organization_id?: string;
  policies?: string[];
  healthcheck_interval?: string;
  reconnect?: boolean;
  validate?: boolean;
}

/** Body of POST /api/connections/test. Nothing is persisted. */
export interface TestConnectionRequest {
  type: string;
  configuration: Record<string, unknown>;
  /** With an id, the configuration is merged over the stored one. */
  connection_id?: string;
}

/** Body of POST /api/connection_types/{type}/parameter_values. */
export interface ParameterValuesRequest {
  field: string;
  parameters?: Record<string, unknown>;
  connection_id?: string;
  query?: string;
}

export interface ParameterValue {
  label: string;
  value: unknown;
}

/** Response data of the parameter_values endpoints, keyed by field name. */
export type ParameterValues = Record<string, { allows_creation?: boolean; values?: ParameterValue[] }>;
