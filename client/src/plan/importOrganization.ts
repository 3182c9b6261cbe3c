// Polytomic: Import Organization: every connection of the active profile that no workspace file holds, written into
// a file of its own below a folder the user picks (a subfolder per type), from ONE list call. Never overwrites a file;
// secrets become placeholders (polytomic.pull.placeholder, as Pull writes them); OAuth types and shared copies are
// skipped with the reason. One summary at the end; each file's drift baseline is recorded (file and live agree).
import * as vscode from 'vscode';
import type { Connection } from '../../../core/src/api/types';
import type { PlaceholderKind } from '../../../core/src/placeholders';
import { fingerprintScope } from '../../../core/src/secretFingerprints';
import { importOrganization, importSummary, type ImportResult } from '../../../core/src/workspace/importOrganization';
import { inertText } from '../inertText';
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';
import { UserError } from '../userError';

const SHOW_DETAILS = 'Show Details';

export async function importOrganizationCommand(services: Services): Promise<ImportResult | undefined> {
  const { profile, client } = await services.sessions.current();
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const folder = await services.prompts.current.chooseFolder(root, `Import the connections of ${profile.name} into this folder`, 'Import Here');
  if (!folder) return undefined;
  if (!vscode.workspace.getWorkspaceFolder(folder)) {
    throw new UserError(`${folder.fsPath || folder.toString()} is not inside this workspace: pick a folder of the workspace, so its files are planned and kept current.`, [], 'warning');
  }
  const live = await withCancellableProgress(`Listing connections in ${profile.name}`, (signal) => client.listConnections(signal));
  await services.index.ready();
  const oauth = await oauthTypes(services);
  const texts = new Map<string, string>();
  // Local writes only, quick: no Cancel to offer.
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: inertText(`Importing connections from ${profile.name}`, 200) }, () =>
    importOrganization(live, services.index.managedIds(), {
      usesOauth: (typeId) => oauth.has(typeId),
      schemaFor: (typeId) => services.catalog.schemaFor(typeId),
      placeholderKind: vscode.workspace.getConfiguration('polytomic').get<PlaceholderKind>('pull.placeholder', 'env'),
      writeNewFile: async (relativePath, text) => {
        const target = vscode.Uri.joinPath(folder, ...relativePath.split('/'));
        if (await exists(target)) return 'exists';
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
        // A folder on the way may be a link (committed to the repository) to somewhere else: none may be.
        if (await throughLink(folder, relativePath.split('/').slice(0, -1))) {
          throw new Error(`${relativePath} leads outside ${vscode.workspace.asRelativePath(folder)} through a link`);
        }
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
        services.index.record(target, text);
        texts.set(relativePath, text);
        return 'written';
      },
    }),
  );

  const byId = new Map<string, Connection>(live.map((c) => [c.id, c]));
  for (const file of result.written) {
    const connection = byId.get(file.id);
    const text = texts.get(file.relativePath);
    // Its placeholders were never sent from here: their status is "not known", as after a Pull.
    await services.secrets.fingerprints().write(fingerprintScope(profile.name, file.id), undefined);
    if (connection && text !== undefined) await services.drift.record(profile.name, text, connection);
  }
  const where = vscode.workspace.asRelativePath(folder);
  services.output.info(`Import Organization from ${profile.name} into ${where}: ${importSummary(result)}.`);
  for (const file of result.written) {
    const set = file.placeholders.length > 0 ? `; set ${[...new Set(file.placeholders)].join(', ')} before sending it` : '';
    services.output.info(`Import: wrote "${file.name}" (${file.id}) to ${file.relativePath}${set}.`);
  }
  for (const skipped of result.skipped) services.output.warn(`Import: skipped "${skipped.name}" (${skipped.id}): ${skipped.reason}.`);
  void services.tree.refreshWhenSeen();

  const placeholders = result.written.some((f) => f.placeholders.length > 0) ? ' Secrets were written as placeholders: set them before sending.' : '';
  const nothing = result.written.length === 0 && result.skipped.length === 0 ? ' Every connection has a file already.' : '';
  void services.prompts.current
    .notify('info', `Import Organization from ${profile.name} into ${where}: ${importSummary(result)}.${placeholders}${nothing}`, ...(result.written.length + result.skipped.length > 0 ? [SHOW_DETAILS] : []))
    .then((choice) => {
      if (choice === SHOW_DETAILS) services.output.show();
    });
  return result;
}

/** The OAuth types: the profile's cached type list, else the catalog the language server has (the bundled one). */
async function oauthTypes(services: Services): Promise<Set<string>> {
  const cached = await services.catalog.liveTypes();
  if (cached) return new Set(cached.filter((t) => t.use_oauth).map((t) => t.id));
  const known = await services.languageClient.listTypes().catch(() => []);
  return new Set(known.filter((t) => t.useOauth).map((t) => t.id));
}

/** Whether a folder between `folder` and the file is a symbolic link (through vscode.workspace.fs: virtual ones too). */
async function throughLink(folder: vscode.Uri, folders: string[]): Promise<boolean> {
  let at = folder;
  for (const name of folders) {
    at = vscode.Uri.joinPath(at, name);
    if ((await vscode.workspace.fs.stat(at)).type & vscode.FileType.SymbolicLink) return true;
  }
  return false;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}
