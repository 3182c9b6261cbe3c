// The server's resident size with 200 open documents: one per connection type (200 different schemas compiled, the
// heavy case), measured from /proc once every document's diagnostics were published.
import { buildSkeleton } from '../../server/src/features/skeleton';
import type { FolderCatalog } from '../../server/src/catalog/folderCatalog';
import { LspClient } from './lspClient';
import { SHARED_CATALOG } from './paths';

export interface MemoryResult {
  documents: number;
  distinctTypes: number;
  idleBytes: number;
  openBytes: number;
}

const DOCUMENTS = 200;

export async function benchMemory(catalog: FolderCatalog): Promise<MemoryResult> {
  const types = catalog.listTypes().map((t) => t.id);
  const client = await LspClient.start({ catalogDirs: [SHARED_CATALOG], debounceMs: 0 });
  try {
    await settle();
    const idleBytes = client.residentBytes();
    const published: Promise<unknown>[] = [];
    for (let i = 0; i < DOCUMENTS; i++) {
      const type = types[i % types.length];
      const uri = `file:///bench/memory/doc-${i}.polytomic.json`;
      published.push(client.published(uri, 1));
      await client.open(uri, buildSkeleton(catalog, type, { name: `Memory ${i}` }));
    }
    await Promise.all(published);
    await settle();
    return { documents: DOCUMENTS, distinctTypes: Math.min(DOCUMENTS, types.length), idleBytes, openBytes: client.residentBytes() };
  } finally {
    await client.stop();
  }
}

/** Lets the server finish what it queued (and the collector run) before reading its size. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 500));
}
