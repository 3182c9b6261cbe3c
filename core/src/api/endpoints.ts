// Every endpoint the client uses, declared once: method, path template, response shape and retry class.
// The client's methods are thin wrappers over these declarations.

import type { ApiVersion } from './profile';
import type {
  Connection,
  ConnectionType,
  CreateConnectionRequest,
  ParameterValues,
  ParameterValuesRequest,
  TestConnectionRequest,
  UpdateConnectionRequest,
} from './types';
import { checkConnection, checkConnectionTypes, checkConnections, checkObject, type ShapeCheck } from './shapes';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** 'envelope': JSON `{data: T}`; 'bare': the JSON value itself; 'none': the body is ignored. */
export type ResponseShape = 'envelope' | 'bare' | 'none';

/**
 * 'read': safe to repeat on 429/5xx and dropped connections. 'keyed-create': repeated only with the same
 * Idempotency-Key, so the server can replay instead of creating twice. 'never': updates, deletes, tests.
 */
export type RetryClass = 'read' | 'keyed-create' | 'never';

export interface Endpoint<Params extends Record<string, string>, Body, Result> {
  /** What the endpoint does, for messages: "list connections". */
  action: string;
  /** What a 404 means here, for messages: "connection", "connection type". */
  subject?: string;
  method: HttpMethod | ((version: ApiVersion) => HttpMethod);
  /** Path template with {name} placeholders filled from Params. */
  path: string;
  response: ResponseShape;
  retry: RetryClass;
  /** Checks the shape of the (unwrapped) success value; returns what is wrong, or undefined. */
  check?: ShapeCheck;
  /** Phantom fields carrying the parameter, body and result types. */
  readonly _types?: { params: Params; body: Body; result: Result };
}

function endpoint<Params extends Record<string, string>, Body, Result>(
  decl: Omit<Endpoint<Params, Body, Result>, '_types'>,
): Endpoint<Params, Body, Result> {
  return decl;
}

type NoParams = Record<string, never>;

export const ENDPOINTS = {
  listConnectionTypes: endpoint<NoParams, undefined, ConnectionType[]>({
    action: 'list connection types',
    method: 'GET',
    path: '/api/connection_types',
    response: 'envelope',
    retry: 'read',
    check: checkConnectionTypes,
  }),
  getConnectionTypeSchema: endpoint<{ typeId: string }, undefined, Record<string, unknown>>({
    action: 'get a connection type schema',
    subject: 'connection type',
    method: 'GET',
    path: '/api/connection_types/{typeId}',
    response: 'bare',
    retry: 'read',
    check: checkObject,
  }),
  getTypeParameterValues: endpoint<{ typeId: string }, ParameterValuesRequest, ParameterValues>({
    action: 'get parameter values',
    subject: 'connection type',
    method: 'POST',
    path: '/api/connection_types/{typeId}/parameter_values',
    response: 'envelope',
    // A POST only by transport: it reads values and changes nothing.
    retry: 'read',
    check: checkObject,
  }),
  listConnections: endpoint<NoParams, undefined, Connection[]>({
    action: 'list connections',
    method: 'GET',
    path: '/api/connections',
    response: 'envelope',
    retry: 'read',
    check: checkConnections,
  }),
  getConnection: endpoint<{ id: string }, undefined, Connection>({
    action: 'get the connection',
    subject: 'connection',
    method: 'GET',
    path: '/api/connections/{id}',
    response: 'envelope',
    retry: 'read',
    check: checkConnection,
  }),
  createConnection: endpoint<NoParams, CreateConnectionRequest, Connection>({
    action: 'create the connection',
    method: 'POST',
    path: '/api/connections',
    response: 'envelope',
    retry: 'keyed-create',
    check: checkConnection,
  }),
  updateConnection: endpoint<{ id: string }, UpdateConnectionRequest, Connection>({
    action: 'update the connection',
    subject: 'connection',
    // Version 2023-04-25 updated with PATCH; PUT from 2024-02-08 on.
    method: (version) => (version === '2023-04-25' ? 'PATCH' : 'PUT'),
    path: '/api/connections/{id}',
    response: 'envelope',
    retry: 'never',
    check: checkConnection,
  }),
  deleteConnection: endpoint<{ id: string }, undefined, void>({
    action: 'delete the connection',
    subject: 'connection',
    method: 'DELETE',
    path: '/api/connections/{id}',
    response: 'none',
    retry: 'never',
  }),
  testConnection: endpoint<NoParams, TestConnectionRequest, void>({
    action: 'test the configuration',
    subject: 'connection',
    method: 'POST',
    path: '/api/connections/test',
    response: 'none',
    retry: 'never',
  }),
} as const;

export function methodFor(decl: Pick<Endpoint<Record<string, string>, unknown, unknown>, 'method'>, version: ApiVersion): HttpMethod {
  return typeof decl.method === 'function' ? decl.method(version) : decl.method;
}

/** Fills {name} placeholders with URL-encoded parameters. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new RangeError(`Missing path parameter "${name}" for ${template}.`);
    return encodeURIComponent(value);
  });
}
