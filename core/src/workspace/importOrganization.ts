// Import: every live connection that no file holds, written into a file of its own: a subfolder per type, a stable
// name from the connection's name (a second connection of the same name gets its short id added), never over an
// existing file, secrets as placeholders. OAuth types are skipped with the reason: their authorization cannot be
// recreated from a file. Importing again writes nothing new: imported connections are held by files then.
import type { Connection } from '../api/types';
import type { PlaceholderKind } from '../placeholders';
import { connectionToFileText, fileNameFor, withShortId } from '../pullFile';
import { schemaReadOnlyKeys, schemaSensitiveKeys, secretRule } from '../sensitiveFields';
import { forEachLimited } from './pool';

export interface ImportDependencies {
  /** Whether the type is authorized through OAuth (from the type list). */
  usesOauth(typeId: string): boolean;
  schemaFor(typeId: string): Promise<Record<string, unknown> | undefined>;
  placeholderKind: PlaceholderKind;
  /** The `$schema` a new file names, if any. */
  schemaUrl?: string;
  /**
   * Creates the file at `relativePath` (below the folder the user picked) with `text`, creating folders; never
   * overwrites: 'exists' when something is there already.
   */
  writeNewFile(relativePath: string, text: string): Promise<'written' | 'exists'>;
  concurrency?: number;
}

export interface ImportedFile {
  id: string;
  name: string;
  relativePath: string;
  /** The placeholders written for its secrets: their values must be set before the file can be sent. */
  placeholders: string[];
}

export interface SkippedConnection {
  id: string;
  name: string;
  reason: string;
}

export interface ImportResult {
  written: ImportedFile[];
  skipped: SkippedConnection[];
}

/** The type's folder name: its id when it is a plain name. */
function typeFolder(typeId: string | undefined): string {
  return typeId && /^[A-Za-z0-9_.-]+$/.test(typeId) && !/^\.+$/.test(typeId) ? typeId : 'other';
}

/** `managedIds`: the ids the folder's files hold already (those connections are not written again). */
export async function importOrganization(live: readonly Connection[], managedIds: ReadonlySet<string>, deps: ImportDependencies): Promise<ImportResult> {
  const unmanaged = live.filter((c) => !managedIds.has(c.id)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  // The same file name for two connections of one type: each gets its short id, so neither name depends on the order.
  const nameCounts = new Map<string, number>();
  const baseName = (c: Connection) => `${typeFolder(c.type?.id)}/${fileNameFor(c.name)}`;
  for (const c of unmanaged) nameCounts.set(baseName(c), (nameCounts.get(baseName(c)) ?? 0) + 1);

  const written: ImportedFile[] = [];
  const skipped: SkippedConnection[] = [];
  await forEachLimited(unmanaged, deps.concurrency ?? 8, async (connection) => {
    const typeId = connection.type?.id;
    const who = { id: connection.id, name: connection.name };
    if (!typeId) {
      skipped.push({ ...who, reason: 'the API did not say its type' });
      return;
    }
    if (deps.usesOauth(typeId)) {
      skipped.push({ ...who, reason: `${connection.type?.name ?? typeId} is authorized through OAuth, which a file cannot recreate: manage it in Polytomic` });
      return;
    }
    if (connection.parent_connection_id) {
      skipped.push({ ...who, reason: `a shared copy of connection ${connection.parent_connection_id}: import that one` });
      return;
    }
    try {
      const schema = await deps.schemaFor(typeId);
      const plain = baseName(connection);
      const withId = withShortId(plain, connection.id);
      // The plain name, unless another connection shares it; when a file has the name already (another connection
      // imported earlier, or a file of the user's), the name with the short id; never over an existing file.
      const candidates = (nameCounts.get(plain) ?? 0) > 1 ? [withId] : [plain, withId];
      for (const relativePath of candidates) {
        const pulled = connectionToFileText(connection, {
          placeholderKind: deps.placeholderKind,
          readOnlyKeys: schemaReadOnlyKeys(schema),
          isSecret: secretRule(schemaSensitiveKeys(schema)),
          schemaUrl: deps.schemaUrl,
          // POSTGRESQL_SALES_WAREHOUSE_PASSWORD: each file's secrets have names of their own.
          placeholderBase: relativePath.replace(/\.polytomic\.json$/, ''),
        });
        if ((await deps.writeNewFile(relativePath, pulled.text)) === 'written') {
          written.push({ ...who, relativePath, placeholders: pulled.placeholders });
          return;
        }
      }
      skipped.push({ ...who, reason: `${candidates.join(' and ')} exist already and are not this connection's files: nothing was overwritten. Move them, or Pull the connection into a file of your choice` });
    } catch (error) {
      skipped.push({ ...who, reason: `it could not be written: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  written.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  skipped.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { written, skipped };
}

/** "Imported 12 connections; skipped 2 (1 OAuth, ...)". */
export function importSummary(result: ImportResult): string {
  const written = `${result.written.length} connection${result.written.length === 1 ? '' : 's'} written`;
  if (result.skipped.length === 0) return written;
  return `${written}, ${result.skipped.length} skipped`;
}
