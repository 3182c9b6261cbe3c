// Polytomic: Pull Connection: a live connection into the workspace file that holds its id, or into a new file.
// Masked secrets become placeholders (or keep the file's own); read-only fields are left out. A file with unsaved
// changes is never replaced without asking (Replace / Show Diff / Cancel), and a pull is one undo step.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Connection } from '../../../core/src/api/types';
import { fileConnectionId, parseConnectionText } from '../../../core/src/connectionFile';
import { connectionToFileText, fileNameFor, mergeIntoFileText, PullResult } from '../../../core/src/pullFile';
import { fingerprintScope } from '../../../core/src/secretFingerprints';
import type { PlaceholderKind } from '../../../core/src/placeholders';
import { withCancellableProgress } from '../progress';
import { schemaReadOnlyKeys, schemaSensitiveKeys, secretRule } from '../../../core/src/sensitiveFields';
import type { Services } from '../services';
import { isPlanItemNode } from '../plan/planView';
import { isConnectionNode } from '../tree/connectionsTree';
import { UserError } from '../userError';
import { replaceDocumentText } from './documentEdits';

export async function pullConnection(services: Services, arg?: unknown): Promise<vscode.Uri | undefined> {
  const { profile, client } = await services.sessions.current();
  let id: string | undefined = isConnectionNode(arg) ? arg.connection.id : isPlanItemNode(arg) ? arg.item.id : typeof arg === 'string' ? arg : undefined;
  if (!id) {
    const list = services.tree.current ?? (await withCancellableProgress(`Listing connections in ${profile.name}`, (signal) => client.listConnections(signal)));
    // The open file's connection comes first, preselected.
    const active = vscode.window.activeTextEditor?.document;
    const openId = active?.languageId === 'polytomic' ? fileConnectionId(parseConnectionText(active.getText()).value) : undefined;
    const sorted = [...list].sort((a, b) => Number(b.id === openId) - Number(a.id === openId) || a.name.localeCompare(b.name));
    const picked = await services.prompts.current.pick(
      sorted.map((c) => ({
        label: c.name,
        description: `${c.type?.name ?? c.type?.id ?? ''}${c.id === openId ? ' (the open file)' : ''}`,
        detail: c.id,
        id: c.id,
        picked: c.id === openId,
      })),
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
      return finish(services, profile.name, live, target, result);
    }
  }
  const document = await vscode.workspace.openTextDocument(existing);
  const label = path.basename(existing.path);
  const otherId = fileConnectionId(parseConnectionText(document.getText()).value);
  if (otherId && otherId !== live.id) {
    throw new UserError(`${label} holds another connection (${otherId}); pull "${live.name}" into a new file or one without an id.`, [], 'warning');
  }
  // Pull writes the live connection into the file as saved; unsaved edits are replaced only when the user says so.
  const base = document.isDirty ? await readDisk(existing) : document.getText();
  const result = mergeIntoFileText(base, live, options);
  if (document.isDirty && !(await confirmReplaceUnsaved(services, document, label, live, result.text))) return undefined;
  await replaceDocumentText(document, result.text);
  return finish(services, profile.name, live, existing, result);
}

async function readDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Replace / Show Diff / Cancel for a file with unsaved changes; true to replace them. */
async function confirmReplaceUnsaved(services: Services, document: vscode.TextDocument, label: string, live: Connection, pulled: string): Promise<boolean> {
  const replace = 'Replace';
  const showDiff = 'Show Diff';
  const picked = await services.prompts.current.chooseModal(
    `${label} has unsaved changes.`,
    `Pull replaces them with "${live.name}" as Polytomic has it (Undo brings them back). Show Diff compares first.`,
    [showDiff, replace],
  );
  if (picked === replace) return true;
  if (picked !== showDiff) return false;
  const pulledUri = services.liveDocs.publish(`${live.id}-pull`, 'file', `${live.name} pulled`, pulled);
  await vscode.commands.executeCommand('vscode.diff', document.uri, pulledUri, `${label}: unsaved ↔ pulled from Polytomic`, { preview: true });
  // Not modal: the question must not cover the diff it is about.
  const again = await services.prompts.current.notify('warning', `Replace the unsaved changes of ${label} with the pulled "${live.name}"?`, replace, 'Cancel');
  return again === replace;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
}

async function finish(services: Services, profileName: string, live: Connection, uri: vscode.Uri, result: PullResult): Promise<vscode.Uri> {
  await vscode.window.showTextDocument(uri, { preview: false });
  void services.tree.refreshWhenSeen();
  // The file now holds placeholders whose values were never sent from here: their status is "not known".
  await services.secrets.fingerprints().write(fingerprintScope(profileName, live.id), undefined);
  await services.drift.record(profileName, result.text, live);
  const placeholders = [...new Set(result.placeholders)];
  const hint = placeholders.length > 0 ? ` Secrets are not written to files: set ${placeholders.join(', ')} before sending.` : '';
  const refused =
    result.refused.length > 0
      ? ` Not copied: ${result.refused.join(', ')} (Polytomic holds text that reads like a placeholder there, which sending would fill with a local value; check it in Polytomic).`
      : '';
  void services.prompts.current.notify(refused ? 'warning' : 'info', `Pulled "${live.name}" into ${vscode.workspace.asRelativePath(uri)}.${hint}${refused}`);
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
