// What a command acts on: a connection file (from the editor, the explorer, or a tree item's file) or a connection
// (a tree item, or the id in a file).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ConnectionFile, fileConnectionId, parseConnectionText } from '../../../core/src/connectionFile';
import type { Services } from '../services';
import { isConnectionNode } from '../tree/connectionsTree';
import { UserError } from '../userError';

export interface FileTarget {
  document: vscode.TextDocument;
  file: ConnectionFile | undefined;
  id: string | undefined;
  /** The file name for messages. */
  label: string;
}

export interface ConnectionTarget {
  id: string;
  name: string;
  fileUri?: vscode.Uri;
  /** The file's `force_destroy`, when the target came from a file. */
  forceDestroy?: boolean;
}

export async function fileTarget(services: Services, arg: unknown): Promise<FileTarget> {
  let document: vscode.TextDocument | undefined;
  if (arg instanceof vscode.Uri) document = await vscode.workspace.openTextDocument(arg);
  else if (isConnectionNode(arg)) {
    await services.index.ready();
    const uri = services.index.fileFor(arg.connection.id);
    if (!uri) throw new UserError(`Connection "${arg.connection.name}" has no file in this workspace. Pull it first.`, [{ title: 'Pull', command: 'polytomic.pullConnection', args: [arg] }]);
    document = await vscode.workspace.openTextDocument(uri);
  } else {
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'polytomic') document = active;
  }
  if (!document) throw new UserError('Open a connection file (*.polytomic.json) first.', [], 'warning');
  const file = parseConnectionText(document.getText()).value;
  return { document, file, id: fileConnectionId(file), label: path.basename(document.uri.path) };
}

export async function connectionTarget(services: Services, arg: unknown): Promise<ConnectionTarget> {
  if (isConnectionNode(arg)) {
    await services.index.ready();
    const fileUri = services.index.fileFor(arg.connection.id);
    // The file's force_destroy applies to a delete started from the tree too.
    const text = fileUri ? await vscode.workspace.fs.readFile(fileUri).then((b) => new TextDecoder().decode(b), () => '') : '';
    const file = parseConnectionText(text).value;
    return { id: arg.connection.id, name: arg.connection.name, fileUri, forceDestroy: file?.force_destroy === true };
  }
  const target = await fileTarget(services, arg);
  if (!target.id) {
    throw new UserError(`${target.label} has no connection id yet: create the connection first.`, [
      { title: 'Create Connection', command: 'polytomic.createConnection', args: [target.document.uri] },
    ], 'warning');
  }
  return {
    id: target.id,
    name: typeof target.file?.name === 'string' ? target.file.name : target.label,
    fileUri: target.document.uri,
    forceDestroy: target.file?.force_destroy === true,
  };
}
