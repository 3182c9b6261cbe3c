// Keeps the active profile's live catalog cached and the language server pointed at it: the type list when it is
// missing or old, each type's schema when a file of that type is opened, everything again on Refresh Connection Types.
// Background fetches are quiet: a failure is logged and shown in the language status item, which offers a retry.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ApiProfile } from '../../../core/src/api/profile';
import type { ApiSessions } from '../apiSession';
import { parseConnectionText } from '../../../core/src/connectionFile';
import type { PolytomicLanguageClient } from '../languageClient';
import type { PolytomicOutput } from '../output';
import type { ProfileStore } from '../profiles/profileStore';
import { CatalogCache, CatalogTypeEntry } from '../../../core/src/catalog/catalogCache';

export type SchemaSource = 'live' | 'cached' | 'bundled' | 'none';

export class LiveCatalog implements vscode.Disposable {
  readonly cache: CatalogCache;
  /** The last background fetch failure, cleared by the next success. */
  lastError: string | undefined;
  private readonly fetchedThisSession = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly sessions: ApiSessions,
    private readonly profiles: ProfileStore,
    private readonly languageClient: PolytomicLanguageClient,
    private readonly output: PolytomicOutput,
  ) {
    this.cache = new CatalogCache(path.join(context.globalStorageUri.fsPath, 'catalogs'));
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.ensureForDocument(doc)),
      vscode.workspace.onDidSaveTextDocument((doc) => this.ensureForDocument(doc)),
    );
  }

  /** The catalog folders the server should prefer, for the active profile (created so the server can watch them). */
  async catalogDirs(): Promise<string[]> {
    const profile = this.profiles.active();
    if (!profile) return [];
    const dir = this.cache.dirFor(profile);
    await fs.mkdir(dir, { recursive: true });
    return [dir];
  }

  /** After a profile switch: point the server at the new folder, then fill it in the background. */
  async profileChanged(): Promise<void> {
    this.fetchedThisSession.clear();
    this.lastError = undefined;
    await this.languageClient.catalogChanged(await this.catalogDirs()).catch((e) => this.output.warn(`Could not tell the language server about the catalog: ${String(e)}`));
    this.changed.fire();
    void this.warmUp();
  }

  /** Fetches the type list when missing or older than the configured age, and the schemas of open files' types. */
  async warmUp(): Promise<void> {
    const profile = this.profiles.active();
    if (!profile) return;
    const meta = await this.cache.readMeta(profile);
    const age = meta.typesFetchedAt ? Date.now() - Date.parse(meta.typesFetchedAt) : Infinity;
    if (age > this.maxAgeMs()) await this.quietly(() => this.refreshTypes(profile, undefined, { background: true }));
    for (const doc of vscode.workspace.textDocuments) this.ensureForDocument(doc);
  }

  private maxAgeMs(): number {
    return vscode.workspace.getConfiguration('polytomic').get<number>('catalog.maxAgeHours', 24) * 3_600_000;
  }

  private async refreshTypes(profile: ApiProfile, signal?: AbortSignal, session: { background?: boolean } = {}): Promise<CatalogTypeEntry[]> {
    const { client } = await this.sessions.current(session);
    const types = await this.cache.refreshTypes(client, profile, signal);
    this.fetchedThisSession.add('');
    return types;
  }

  private ensureForDocument(doc: vscode.TextDocument): void {
    if (doc.languageId !== 'polytomic') return;
    const type = parseConnectionText(doc.getText()).value?.type;
    if (typeof type === 'string' && /^[A-Za-z0-9_.-]+$/.test(type)) void this.quietly(() => this.ensureSchema(type, { background: true }));
  }

  /** Makes sure the active profile's cache holds the type's schema (one fetch at a time per type). */
  async ensureSchema(typeId: string, options: { force?: boolean; signal?: AbortSignal; background?: boolean } = {}): Promise<void> {
    const profile = this.profiles.active();
    if (!profile) return;
    const key = `${profile.name}\n${typeId}`;
    const running = this.pending.get(key);
    if (running && !options.force) return running;
    const work = (async () => {
      if (!options.force && (await this.cache.hasSchema(profile, typeId))) {
        // A cached schema serves until it is older than the configured age; then it is fetched again.
        const fetchedAt = (await this.cache.readMeta(profile)).schemas[typeId];
        if (fetchedAt && Date.now() - Date.parse(fetchedAt) <= this.maxAgeMs()) return;
      }
      const { client } = await this.sessions.current({ background: options.background });
      const knownTypes = await this.cache.readTypes(profile);
      if (knownTypes && !knownTypes.some((t) => t.id === typeId)) return; // unknown type: the server says so
      if (await this.cache.ensureSchema(client, profile, typeId, { force: true, signal: options.signal })) {
        this.fetchedThisSession.add(typeId);
        await this.languageClient.catalogChanged();
        this.changed.fire();
      }
    })();
    this.pending.set(key, work);
    try {
      await work;
    } finally {
      this.pending.delete(key);
    }
  }

  /** Refresh Connection Types: the list again, every cached schema again, and the open files' types. */
  async refreshAll(signal: AbortSignal, report: (message: string) => void): Promise<number> {
    const profile = this.profiles.active();
    if (!profile) return 0;
    report('type list');
    await this.refreshTypes(profile, signal);
    const ids = new Set(await this.cache.cachedTypeIds(profile));
    for (const doc of vscode.workspace.textDocuments) {
      const type = doc.languageId === 'polytomic' ? parseConnectionText(doc.getText()).value?.type : undefined;
      if (typeof type === 'string') ids.add(type);
    }
    const known = new Set(((await this.cache.readTypes(profile)) ?? []).map((t) => t.id));
    let count = 0;
    for (const id of ids) {
      if (!known.has(id)) continue;
      report(id);
      const { client } = await this.sessions.current();
      await this.cache.ensureSchema(client, profile, id, { force: true, signal });
      this.fetchedThisSession.add(id);
      count++;
    }
    this.lastError = undefined;
    await this.languageClient.catalogChanged();
    this.changed.fire();
    return count;
  }

  /** Whether the type's schema comes from this session's fetch, an older cache, or the bundled catalog. */
  async sourceOf(typeId: string, catalogDir: string | undefined, bundled: boolean): Promise<{ source: SchemaSource; fetchedAt?: Date }> {
    const profile = this.profiles.active();
    if (bundled || !profile || !catalogDir) return { source: bundled ? 'bundled' : 'none' };
    if (path.resolve(catalogDir) !== path.resolve(this.cache.dirFor(profile))) return { source: 'cached' };
    const fetched = (await this.cache.readMeta(profile)).schemas[typeId];
    return {
      source: this.fetchedThisSession.has(typeId) ? 'live' : 'cached',
      fetchedAt: fetched ? new Date(fetched) : undefined,
    };
  }

  /** The schema the extension should use for a type: the live cache first, else the bundled catalog. */
  async schemaFor(typeId: string): Promise<Record<string, unknown> | undefined> {
    const profile = this.profiles.active();
    const live = profile ? await this.cache.readSchema(profile, typeId) : undefined;
    if (live) return live;
    if (!/^[A-Za-z0-9_.-]+$/.test(typeId)) return undefined;
    try {
      return JSON.parse(await fs.readFile(this.context.asAbsolutePath(path.join('schemas', 'catalog', `${typeId}.json`)), 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** The full type list for pickers: the live list when cached, else undefined. */
  async liveTypes(): Promise<CatalogTypeEntry[] | undefined> {
    const profile = this.profiles.active();
    return profile ? this.cache.readTypes(profile) : undefined;
  }

  private async quietly(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      if (this.lastError) {
        this.lastError = undefined;
        this.changed.fire();
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/no Polytomic profile|has no API key/i.test(message)) return; // nothing to fetch with; not a failure
      this.lastError = message;
      this.output.warn(`Fetching the live catalog failed: ${message}`);
      this.changed.fire();
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
