// Polytomic: Refresh Connection Types: refetches the type list and the cached and in-use schemas.
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';

export async function refreshConnectionTypes(services: Services): Promise<number> {
  const { profile } = await services.sessions.current();
  try {
    const count = await withCancellableProgress(`Fetching connection types from ${profile.name}`, (signal, report) =>
      services.catalog.refreshAll(signal, report),
    );
    void services.prompts.current.notify('info', `Connection types refreshed from ${profile.name} (${count} schema${count === 1 ? '' : 's'} fetched).`);
    return count;
  } catch (error) {
    services.catalog.lastError = error instanceof Error ? error.message : String(error);
    throw error;
  }
}
