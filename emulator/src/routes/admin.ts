// /__emulator/: the emulator's own test controls (faults, state, reset). No API key, loopback callers only.
import { HttpError } from '../api-error';
import { connectionView } from '../connection-view';
import { checkFaultSpec, type FaultController } from '../faults';
import type { IdempotencyKeys } from '../idempotency';
import { empty, jsonObjectBody, ok, type Route } from '../router';
import type { Services } from '../services';

export interface AdminControls {
  services: Services;
  faults: FaultController;
  idempotency: IdempotencyKeys;
  /** Empties the organisation, forgets idempotency keys and faults, then applies `seed` when given. */
  reset(seed?: string): void;
}

export function adminRoutes(admin: AdminControls): Route[] {
  const { services, faults, idempotency } = admin;
  return [
    {
      method: 'GET',
      pattern: /^\/__emulator\/state$/,
      handler: () => {
        const { state } = services;
        return ok({
          organization_id: services.orgId,
          catalog: { dir: services.catalog.dir ?? null, types: services.catalog.list().length },
          counts: { connections: state.connections.size, bulk_syncs: state.bulkSyncs.size, models: state.models.size, syncs: state.syncs.size },
          in_flight_idempotency_keys: idempotency.inFlightCount(),
          faults: faults.get(),
          // Masked like the API: the admin endpoint is no way around the secret rule.
          connections: [...state.connections.values()].map((c) => connectionView(services, c)),
          bulk_syncs: [...state.bulkSyncs.values()],
          models: [...state.models.values()],
          syncs: [...state.syncs.values()],
        });
      },
    },
    { method: 'GET', pattern: /^\/__emulator\/faults$/, handler: () => ok(faults.get()) },
    {
      method: 'POST',
      pattern: /^\/__emulator\/faults$/,
      handler: (ctx) => {
        const body = ctx.bodyText.trim() === '' ? {} : jsonObjectBody(ctx);
        try {
          faults.set(checkFaultSpec(body));
        } catch (error) {
          throw new HttpError(400, (error as Error).message);
        }
        return ok(faults.get());
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/__emulator\/faults$/,
      handler: () => {
        faults.clear();
        return empty();
      },
    },
    {
      method: 'POST',
      pattern: /^\/__emulator\/reset$/,
      handler: (ctx) => {
        const body = ctx.bodyText.trim() === '' ? {} : jsonObjectBody(ctx);
        if (body.seed !== undefined && typeof body.seed !== 'string') throw new HttpError(400, 'seed must be "demo" or "many:N"');
        try {
          admin.reset(body.seed as string | undefined);
        } catch (error) {
          throw new HttpError(400, (error as Error).message);
        }
        return empty();
      },
    },
  ];
}
