// The emulator's programmatic API: start it in-process (tests) or from the CLI (main.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Actor } from './auth';
import { Catalog } from './catalog';
import { ConfigurationValidator } from './configuration-validator';
import { FaultController } from './faults';
import { IdempotencyKeys } from './idempotency';
import { bundledCatalogDir, DEFAULT_ORG_ID, type EmulatorOptions } from './options';
import { readStateFile, writeStateFile } from './persistence';
import { createRandom, randomUuid } from './prng';
import { adminRoutes } from './routes/admin';
import { connectionTypeRoutes } from './routes/connection-types';
import { connectionRoutes } from './routes/connections';
import { connectRoutes } from './routes/connect';
import { logoRoutes } from './routes/logos';
import { sharedConnectionRoutes } from './routes/shared-connections';
import { dependentRoutes } from './routes/dependents';
import { seedFor } from './seed';
import { webPage } from './webPages';
import { createRequestListener } from './server';
import { createServices } from './services';
import { EmulatorState } from './store';

export { DEFAULT_ORG_ID, type EmulatorOptions } from './options';
export type { FaultSpec } from './faults';
export { FaultController } from './faults';
export { EmulatorState, type StoredConnection, type UsedBy } from './store';
export { MASK } from './masking';
export { SUPPORTED_VERSIONS, DEFAULT_VERSION, type ApiVersion } from './versions';

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:43121 (no trailing slash) */
  url: string;
  port: number;
  orgId: string;
  catalogDir: string | undefined;
  state: EmulatorState;
  faults: FaultController;
  /** Things worth telling whoever started it, e.g. a bundled catalog that is missing. */
  warnings: string[];
  /** Same as POST /__emulator/reset. */
  reset(seed?: string): void;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function loadCatalog(options: EmulatorOptions, warnings: string[]): Catalog {
  if (options.catalogDir !== undefined) return Catalog.load(resolve(options.catalogDir));
  const bundled = bundledCatalogDir();
  if (bundled && existsSync(join(bundled, 'index.json'))) return Catalog.load(bundled);
  warnings.push(`the bundled catalog (${bundled ?? 'schemas/catalog'}) has no index.json yet; serving no connection types`);
  return Catalog.empty();
}

/** Each key gets a stable actor, recorded as created_by/updated_by; the key itself is never stored. */
function actorsFor(keys: string[]): Actor[] {
  const random = createRandom(7);
  return keys.map((_, i) => ({ id: randomUuid(random), name: `API key ${i + 1}`, type: 'apikey' }));
}

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  if (options.apiKeys.length === 0 || options.apiKeys.some((k) => k.trim() === '')) {
    throw new Error('at least one non-empty API key is required (--api-key)');
  }
  const orgId = options.orgId ?? DEFAULT_ORG_ID;
  if (!UUID.test(orgId)) throw new Error(`--org-id must be a UUID, got "${orgId}"`);
  const warnings: string[] = [];
  const catalog = loadCatalog(options, warnings);
  const state = new EmulatorState();
  const services = createServices(state, catalog, new ConfigurationValidator(), orgId);
  const faults = new FaultController(options.faults);
  const idempotency = new IdempotencyKeys();

  const dataFile = options.dataFile ? resolve(options.dataFile) : undefined;
  const loaded = dataFile ? readStateFile(dataFile) : undefined;
  if (loaded) {
    state.replace(loaded.state);
    idempotency.restore(loaded.idempotencyKeys);
  }
  // Once closed, nothing writes the data file again (a restarted emulator may own it by then).
  let closed = false;
  if (dataFile) {
    const persist = () => {
      if (!closed) writeStateFile(dataFile, state, idempotency);
    };
    state.onChange(persist);
    idempotency.onChange(persist);
  }

  const applySeed = (seed: string) => {
    state.replace(seedFor(seed, orgId));
    state.changed();
  };
  if (options.seed && state.connections.size === 0) applySeed(options.seed);

  const reset = (seed?: string) => {
    const snapshot = seed ? seedFor(seed, orgId) : undefined;
    idempotency.clear();
    faults.clear();
    if (snapshot) {
      state.replace(snapshot);
      state.changed();
    } else {
      state.clear();
    }
  };

  const listener = createRequestListener({
    apiRoutes: [
      ...connectionTypeRoutes(services),
      ...connectRoutes(services),
      ...connectionRoutes(services),
      ...sharedConnectionRoutes(services),
      ...dependentRoutes(services),
      ...logoRoutes(services),
    ],
    adminRoutes: adminRoutes({ services, faults, idempotency, reset }),
    auth: { apiKeys: options.apiKeys, orgId, actors: actorsFor(options.apiKeys) },
    faults,
    idempotency,
    log: options.log,
    webPage: (path) => webPage(services, path),
  });
  const server: Server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    orgId,
    catalogDir: catalog.dir,
    state,
    faults,
    warnings,
    reset,
    // Stops accepting, drops what has not started committing, waits for what has, then closes every connection.
    close: async () => {
      const stopped = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      server.closeIdleConnections();
      await listener.drain();
      closed = true;
      server.closeAllConnections();
      await stopped;
    },
  };
}
