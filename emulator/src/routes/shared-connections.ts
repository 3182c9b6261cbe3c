// Shared connections (a partner feature): a copy of a connection in a child organisation, listed under its parent.
// 2024-02-08 and older create one with POST /api/connections/{id}/share; 2025-09-18 moved creation (and a partner's
// listing) under /api/organizations/{org_id}/connections/{id}/shared. GET /api/connections/{id}/shared lists the copies
// in every version.
import { HttpError, notFound } from '../api-error';
import { optionalString, optionalUuid, requiredString } from '../body-fields';
import { connectionView } from '../connection-view';
import { jsonObjectBody, ok, type RequestContext, type Route } from '../router';
import type { Services } from '../services';
import type { StoredConnection, StoredSharedConnection } from '../store';
import type { ApiVersion } from '../versions';

/** The version that moved shared-connection creation under /api/organizations. */
const ORGANIZATION_PATHS_FROM: ApiVersion = '2025-09-18';

function parentConnection(services: Services, id: string): StoredConnection {
  const connection = services.state.connections.get(id);
  if (!connection) throw notFound('connection', id);
  return connection;
}

function share(services: Services, ctx: RequestContext, parentId: string) {
  const parent = parentConnection(services, parentId);
  const body = jsonObjectBody(ctx);
  requiredString(body, 'child_organization_id');
  const childOrganizationId = optionalUuid(body, 'child_organization_id')!;
  if (childOrganizationId.toLowerCase() === services.orgId.toLowerCase()) {
    throw new HttpError(400, 'a connection cannot be shared with the organization that owns it; child_organization_id must name another organization');
  }
  const name = optionalString(body, 'name') ?? parent.name;
  const now = services.now();
  const copy: StoredSharedConnection = {
    ...parent,
    id: services.newId(),
    name,
    organization_id: childOrganizationId,
    parent_connection_id: parent.id,
    created_at: now,
    updated_at: now,
    created_by: ctx.actor!,
    updated_by: ctx.actor!,
  };
  services.state.putSharedConnection(copy);
  return ok({ id: copy.id });
}

function listShared(services: Services, parentId: string) {
  const parent = parentConnection(services, parentId);
  return ok(services.state.sharedCopiesOf(parent.id).map((copy) => ({ ...connectionView(services, copy), parent_connection_id: copy.parent_connection_id })));
}

/** The organisation in an /api/organizations/{org_id}/... path must be the emulator's own (the parent's owner). */
function checkOwnOrganization(services: Services, orgId: string): void {
  if (orgId.toLowerCase() !== services.orgId.toLowerCase()) throw new HttpError(403, `organization ${orgId} is not accessible with this API key`);
}

export function sharedConnectionRoutes(services: Services): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/api\/connections\/([^/]+)\/share$/,
      handler: (ctx) => {
        if (ctx.version >= ORGANIZATION_PATHS_FROM) {
          throw new HttpError(404, `in API version ${ctx.version} a connection is shared with POST /api/organizations/{org_id}/connections/{connection_id}/shared`);
        }
        return share(services, ctx, ctx.params[0]);
      },
    },
    { method: 'GET', pattern: /^\/api\/connections\/([^/]+)\/shared$/, handler: (ctx) => listShared(services, ctx.params[0]) },
    {
      method: 'POST',
      pattern: /^\/api\/organizations\/([^/]+)\/connections\/([^/]+)\/shared$/,
      handler: (ctx) => {
        if (ctx.version < ORGANIZATION_PATHS_FROM) {
          throw new HttpError(404, `in API version ${ctx.version} a connection is shared with POST /api/connections/{id}/share`);
        }
        checkOwnOrganization(services, ctx.params[0]);
        return share(services, ctx, ctx.params[1]);
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/organizations\/([^/]+)\/connections\/([^/]+)\/shared$/,
      handler: (ctx) => {
        checkOwnOrganization(services, ctx.params[0]);
        return listShared(services, ctx.params[1]);
      },
    },
  ];
}
