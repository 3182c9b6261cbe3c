// Polytomic: Pull Connection: a live connection into the workspace file that holds its id, or into a new file.
// Masked secrets become placeholders (or keep the file's own); read-only fields are left out.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Connection } from '../../../core/src/api/types';
import { fileConnectionId, parseConnectionText } from '../../../core/src/connectionFile';
import { connectionToFileText, fileNameFor, mergeIntoFileText } from '../../../core/src/pullFile';
import type { PlaceholderKind } from '../../../core/src/placeholders';
import { withCancellableProgress } from '../progress';
import { schemaReadOnlyKeys, schemaSensitiveKeys, secretRule } from '../../../core/src/sensitiveFields';
import type { Services } from '../services';
import { isConnectionNode } from '../tree/connectionsTree';
import { UserError } from '../userError';
import { replaceDocumentText } from './documentEdits';

export async function pullConnection(services: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  const { profile, client } = await services.sessions.current();
  let id: string | undefined = isConnectionNode(arg) ? arg.connection.id : typeof arg === 'string' ? arg : undefined;
  if (!id) {
    const list = services.tree.current ?? (await withCancellableProgress(`Listing connections in ${profile.name}`, (signal) => client.listConnections(signal)));
    const picked = await services.prompts.current.pick(
      [...list].sort((a, b) => a.name.localeCompare(b.name)).map((c) => ({ label: c.name, description: c.type?.name ?? c.type?.id, detail: c.id, id: c.id })),
      { title: 'Pull Connection', placeHolder: 'The connection to write into a file', matchOnDescription: true, matchOnDetail: true },
    );
    if (!picked) return undefined;
    id = picked.id;
  }
  const connectionId = id;
  const live = await withCancellableProgress(`Pulling connection from ${profile.name}`, (signal) => client.getConnection(connectionId, signal));
  const schema = live.type?.id ? await services.catalog.schemaFor(live.type.id) : undefined;
  const options = {
    placeholderKind: vscode.workspace.getConfiguration('polytomic').get<PlaceholderKind>('pull.placeholder', 'env'),
    readOnlyKeys: schemaReadOnlyKeys(schema),
    isSecret: secretRule(schemaSensitiveKeys(schema)),
  };
  await services.index.ready();
  let existing = services.index.fileFor(live.id);
  if (!existing) {
    const target = await newFileLocation(services, live);
    if (!target) return undefined;
    // A file picked in the dialog that exists already is merged into, never overwritten: its comments stay.
    if (await exists(target)) existing = target;
    else {
      const result = connectionToFileText(live, options);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
      services.index.record(target, result.text);
      return finish(services, live, target, result.placeholders);
    }
  }
  const document = await vscode.workspace.openTextDocument(existing);
  const otherId = fileConnectionId(parseConnectionText(document.getText()).value);
  if (otherId && otherId !== live.id) {
    throw new UserError(`${path.basename(existing.path)} holds another connection (${otherId}); pull "${live.name}" into a new file or one without an id.`, [], 'warning');
  }
  const result = mergeIntoFileText(document.getText(), live, options);
  await replaceDocumentText(document, result.text);
  return finish(services, live, existing, result.placeholders);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
}

async function finish(services: Services, live: Connection, uri: vscode.Uri, placeholders: string[]): Promise<vscode.Uri> {
  await vscode.window.showTextDocument(uri, { preview: false });
  void services.tree.refreshWhenSeen();
  const hint = placeholders.length > 0 ? ` Secrets are not written to files: set ${placeholders.join(', ')} before sending.` : '';
  void services.prompts.current.notify('info', `Pulled "${live.name}" into ${vscode.workspace.asRelativePath(uri)}.${hint}`);
  return uri;
}

async function newFileLocation(services: Services, live: Connection): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const suggested = folder ? vscode.Uri.joinPath(folder, fileNameFor(live.name)) : undefined;
  const uri = await services.prompts.current.saveLocation(suggested, `Save "${live.name}" as a connection file`);
  if (!uri) return undefined;
  if (!path.basename(uri.path).endsWith('.polytomic.json')) {
    throw new UserError(`Connection files must end in .polytomic.json (got ${path.basename(uri.path)}).`, [], 'warning');
  }
  return uri;
}
