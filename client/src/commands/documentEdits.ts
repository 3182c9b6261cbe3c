// Applies jsonc-parser edits to an open document as one undoable WorkspaceEdit, then saves it.
import * as vscode from 'vscode';
import type { Edit } from '../../../core/src/connectionFile';

/**
 * `save: 'always'` saves the document (create/pull write back and save); `'ifClean'` saves only when the user had no
 * unsaved changes of their own, so that a delete's id removal never saves someone's half-finished edit.
 */
export async function applyFileEdits(document: vscode.TextDocument, edits: Edit[], save: 'always' | 'ifClean'): Promise<void> {
  const wasDirty = document.isDirty;
  if (edits.length > 0) {
    const workspaceEdit = new vscode.WorkspaceEdit();
    for (const e of edits) {
      workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
    }
    if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
      throw new Error(`Could not edit ${vscode.workspace.asRelativePath(document.uri)}.`);
    }
  }
  if (save === 'always' || !wasDirty) {
    if (!(await document.save()) && document.isDirty) throw new Error(`Could not save ${vscode.workspace.asRelativePath(document.uri)}.`);
  }
}

/** Replaces the whole document text (a pull into an existing file) as one edit, then saves. */
export async function replaceDocumentText(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() === text) return;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) throw new Error(`Could not edit ${vscode.workspace.asRelativePath(document.uri)}.`);
  await document.save();
}
