// Two workspace files holding one connection id: each gets a warning on its `id` value naming the other, since an
// update from either overwrites the other's connection (a copied file is the usual cause). Kept current from the
// workspace index (saved files); the position comes from the open document when there is one.
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../workspaceIndex';
import { duplicateIdMessage, idValueSpan } from './planModel';
import { openDocument, savedText } from './workspaceFiles';

export const DUPLICATE_ID_CODE = 'duplicate-id';

export class DuplicateIdDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('polytomic-workspace');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly index: WorkspaceIndex) {
    this.disposables.push(index.onDidChange(() => this.update()));
    void index.ready().then(() => this.update());
  }

  /** Recomputes every file's warning; updates take turns, so the last one wins. */
  update(): Promise<void> {
    this.running = this.running.then(() => this.compute()).catch(() => undefined);
    return this.running;
  }

  private async compute(): Promise<void> {
    const next = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const [id, holders] of this.index.duplicates()) {
      for (const uri of holders) {
        const others = holders.filter((h) => h.toString() !== uri.toString()).map((h) => vscode.workspace.asRelativePath(h));
        const diagnostic = new vscode.Diagnostic(await idRange(uri), duplicateIdMessage(id, others), vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'polytomic';
        diagnostic.code = DUPLICATE_ID_CODE;
        const entry = next.get(uri.toString()) ?? { uri, diagnostics: [] };
        entry.diagnostics.push(diagnostic);
        next.set(uri.toString(), entry);
      }
    }
    this.collection.clear();
    for (const { uri, diagnostics } of next.values()) this.collection.set(uri, diagnostics);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function idRange(uri: vscode.Uri): Promise<vscode.Range> {
  const document = openDocument(uri);
  const text = document?.getText() ?? (await savedText(uri).catch(() => undefined)) ?? '';
  const span = idValueSpan(text);
  if (!span) return new vscode.Range(0, 0, 0, 0);
  if (document) return new vscode.Range(document.positionAt(span.offset), document.positionAt(span.offset + span.length));
  return new vscode.Range(positionIn(text, span.offset), positionIn(text, span.offset + span.length));
}

function positionIn(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return new vscode.Position(line, offset - lineStart);
}
