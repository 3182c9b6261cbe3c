// Which workspace file holds which connection id, from the saved files: the tree shows it as the description and
// opens it on click, the duplicate-id warning names every holder of an id, Import skips the ids files hold already.
// Built once with one findFiles and kept current by a file watcher.
import * as vscode from 'vscode';
import { fileConnectionId, parseConnectionText } from '../../core/src/connectionFile';

export const CONNECTION_FILE_GLOB = '**/*.polytomic.json';

export class WorkspaceIndex implements vscode.Disposable {
  private readonly byUri = new Map<string, { uri: vscode.Uri; id?: string }>();
  /** Every file holding each id, sorted by path. */
  private byId = new Map<string, vscode.Uri[]>();
  private built: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(CONNECTION_FILE_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.update(uri)),
      watcher.onDidChange((uri) => this.update(uri)),
      watcher.onDidDelete((uri) => {
        this.byUri.delete(uri.toString());
        this.rebuildIds();
      }),
      // Saves from this window land before the watcher reports them; index them right away.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc.uri.path.endsWith('.polytomic.json')) this.record(doc.uri, doc.getText());
      }),
    );
  }

  async ready(): Promise<void> {
    this.built ??= this.build();
    return this.built;
  }

  private async build(): Promise<void> {
    const uris = await vscode.workspace.findFiles(CONNECTION_FILE_GLOB, '**/node_modules/**');
    await Promise.all(uris.map((uri) => this.read(uri)));
    this.rebuildIds();
  }

  private async read(uri: vscode.Uri): Promise<void> {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      this.byUri.set(uri.toString(), { uri, id: fileConnectionId(parseConnectionText(text).value) });
    } catch {
      this.byUri.delete(uri.toString());
    }
  }

  private async update(uri: vscode.Uri): Promise<void> {
    await this.read(uri);
    this.rebuildIds();
  }

  /** Indexes a file this extension just wrote, without waiting for the file watcher to report it. */
  record(uri: vscode.Uri, text: string): void {
    this.byUri.set(uri.toString(), { uri, id: fileConnectionId(parseConnectionText(text).value) });
    this.rebuildIds();
  }

  private rebuildIds(): void {
    const next = new Map<string, vscode.Uri[]>();
    const sorted = [...this.byUri.values()].sort((a, b) => a.uri.path.localeCompare(b.uri.path));
    for (const entry of sorted) if (entry.id) next.set(entry.id, [...(next.get(entry.id) ?? []), entry.uri]);
    const shape = (map: Map<string, vscode.Uri[]>) => JSON.stringify([...map].map(([k, v]) => [k, v.map(String)]));
    const before = shape(this.byId);
    this.byId = next;
    if (shape(next) !== before) this.changed.fire();
  }

  /** The workspace file holding the connection id, if any (the first by path when several do). */
  fileFor(id: string): vscode.Uri | undefined {
    return this.byId.get(id)?.[0];
  }

  /** Every workspace file holding the connection id, by path. */
  holdersOf(id: string): readonly vscode.Uri[] {
    return this.byId.get(id) ?? [];
  }

  /** The ids two or more files hold, with their holders. */
  duplicates(): Map<string, readonly vscode.Uri[]> {
    return new Map([...this.byId].filter(([, holders]) => holders.length > 1));
  }

  /** Every id some file holds. */
  managedIds(): Set<string> {
    return new Set(this.byId.keys());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
