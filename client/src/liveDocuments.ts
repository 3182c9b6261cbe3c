// Read-only virtual documents (scheme `polytomic-live`) for Apply's diff: the live connection on one side, the file's
// version on the other, secrets masked or named by their placeholders. `.jsonc` names (JSON with comments, for the status notes) keep the language server out of them.
import * as vscode from 'vscode';

export const LIVE_SCHEME = 'polytomic-live';

export class LiveDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Publishes (or replaces) a document and returns its URI. */
  publish(connectionId: string, side: 'live' | 'file', title: string, text: string): vscode.Uri {
    const safeTitle = title.replace(/[\\/:*?"<>|#%]+/g, '-').slice(0, 80) || 'connection';
    const uri = vscode.Uri.from({ scheme: LIVE_SCHEME, path: `/${connectionId}/${side}/${safeTitle} (${side}).jsonc` });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '// This view is gone; run Apply again to compare with the live connection.\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
