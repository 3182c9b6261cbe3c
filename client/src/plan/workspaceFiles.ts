// The workspace's connection files as the engine sees them (core/src/workspace/files.ts): `path` is the URI string
// (the same string a single-file Create keys its create key with), `label` the path relative to the workspace, and
// the text as SAVED. A file with unsaved changes is planned as saved and reported, because Apply sends what is saved.
import * as vscode from 'vscode';
import type { WorkspaceFile } from '../../../core/src/workspace/files';
import { CONNECTION_FILE_GLOB } from '../workspaceIndex';

export interface CollectedFiles {
  files: WorkspaceFile[];
  /** Paths (URI strings) of files open with unsaved changes: planned as saved. */
  unsaved: Set<string>;
}

export async function collectWorkspaceFiles(): Promise<CollectedFiles> {
  const uris = await vscode.workspace.findFiles(CONNECTION_FILE_GLOB, '**/node_modules/**');
  const unsaved = new Set<string>();
  const read = await Promise.all(
    uris.map(async (uri): Promise<WorkspaceFile | undefined> => {
      const path = uri.toString();
      if (openDocument(uri)?.isDirty) unsaved.add(path);
      const text = await savedText(uri);
      return text === undefined ? undefined : { path, label: vscode.workspace.asRelativePath(uri), text };
    }),
  );
  const files = read.filter((f): f is WorkspaceFile => f !== undefined).sort((a, b) => a.path.localeCompare(b.path));
  return { files, unsaved };
}

export function fileUri(file: WorkspaceFile): vscode.Uri {
  return vscode.Uri.parse(file.path, true);
}

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** The file's saved text (an open, unchanged document's own text); undefined when the file is gone. */
export async function savedText(uri: vscode.Uri): Promise<string | undefined> {
  const document = openDocument(uri);
  if (document && !document.isDirty) return document.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw new Error(`${vscode.workspace.asRelativePath(uri)} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}
