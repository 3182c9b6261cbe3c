// GET /api/connection_types as the API answers it: each ConnectionType with the fields Polytomic's SDK declares
// required, `capabilities` ({source, destination, enrichment, orchestration}) and `logo_url`, besides the index's own.
import type { CatalogEntry } from './catalog';

export interface Capabilities {
  source: boolean;
  destination: boolean;
  enrichment: boolean;
  orchestration: boolean;
}

/**
 * For an index entry that does not say (the shared snapshot keeps only {id, name, use_oauth}): most of Polytomic's
 * types can be read from and written to, few enrich or orchestrate.
 */
export const DEFAULT_CAPABILITIES: Capabilities = { source: true, destination: true, enrichment: false, orchestration: false };

const CAPABILITY_NAMES = ['source', 'destination', 'enrichment', 'orchestration'] as const;

function capabilitiesOf(entry: CatalogEntry): Capabilities {
  const given = entry.capabilities;
  if (typeof given !== 'object' || given === null) return { ...DEFAULT_CAPABILITIES };
  const record = given as Record<string, unknown>;
  return Object.fromEntries(CAPABILITY_NAMES.map((name) => [name, typeof record[name] === 'boolean' ? record[name] : DEFAULT_CAPABILITIES[name]])) as unknown as Capabilities;
}

/** The logo the emulator serves for a type (routes/logos.ts), unless the index entry names one. */
export function logoUrlFor(origin: string, entry: CatalogEntry): string {
  return typeof entry.logo_url === 'string' && entry.logo_url !== '' ? entry.logo_url : `${origin}/logos/${encodeURIComponent(entry.id)}.svg`;
}

export function typeListView(entries: readonly CatalogEntry[], origin: string): Record<string, unknown>[] {
  return entries.map((entry) => ({ ...entry, use_oauth: entry.use_oauth === true, logo_url: logoUrlFor(origin, entry), capabilities: capabilitiesOf(entry) }));
}
