// Marks the fields a failed connection test names (a diagnostic "from the last test"), and takes each mark away as
// soon as that field is edited, or when the next test of the file runs.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import * as vscode from 'vscode';
import { fieldPath } from '../../core/src/testFailure';

export class TestDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('polytomic-test');
  private readonly listener = vscode.workspace.onDidChangeTextDocument((event) => {
    const current = this.collection.get(event.document.uri);
    if (!current || current.length === 0 || event.contentChanges.length === 0) return;
    // A change inside or next to a marked value is an edit of that field: its mark is no longer about this text.
    const kept = current.filter((d) => !event.contentChanges.some((c) => c.range.intersection(d.range) !== undefined));
    if (kept.length !== current.length) this.collection.set(event.document.uri, kept);
  });

  /** Replaces the marks of a file with one per field (configuration path) the test named. */
  show(document: vscode.TextDocument, fields: string[], reason: string): void {
    const root = parseTree(document.getText(), [], { allowTrailingComma: true, disallowComments: false });
    const diagnostics: vscode.Diagnostic[] = [];
    for (const field of fields) {
      const node = root && findNodeAtLocation(root, ['configuration', ...fieldPath(field)]);
      if (!node) continue;
      const range = new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
      const diagnostic = new vscode.Diagnostic(range, `The last connection test failed here: ${reason}`, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'polytomic test';
      diagnostics.push(diagnostic);
    }
    this.collection.set(document.uri, diagnostics);
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  marks(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    this.listener.dispose();
    this.collection.dispose();
  }
}
