// Context keys for when-clauses: polytomic.hasProfile (a profile exists) and polytomic.activeFileHasId (the active
// connection file has an id: Create vs Update/Delete/Open in Polytomic).
import * as vscode from 'vscode';
import { fileConnectionId, parseConnectionText } from '../../core/src/connectionFile';
import type { ProfileStore } from './profiles/profileStore';

export class ContextKeys implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastHasId: boolean | undefined;

  constructor(private readonly profiles: ProfileStore) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.updateFileKey()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.scheduleFileKey();
      }),
    );
    this.updateFileKey();
  }

  updateProfileKey(): void {
    void vscode.commands.executeCommand('setContext', 'polytomic.hasProfile', this.profiles.list().length > 0);
  }

  /** Re-reading the id on every keystroke would cost a parse of the whole file each time: wait for a pause. */
  private scheduleFileKey(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.updateFileKey(), 250);
  }

  private updateFileKey(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const hasId = doc?.languageId === 'polytomic' && fileConnectionId(parseConnectionText(doc.getText()).value) !== undefined;
    if (hasId === this.lastHasId) return;
    this.lastHasId = hasId;
    void vscode.commands.executeCommand('setContext', 'polytomic.activeFileHasId', hasId);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
