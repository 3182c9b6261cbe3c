// Polytomic: New Connection File: pick a type (the live list when signed in, plus the catalogs the server knows),
// name it, get a file with every required field from the language server's skeleton.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fileNameFor } from '../../../core/src/pullFile';
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';
import { UserError } from '../userError';

export async function newConnectionFile(services: Services, typeArg?: unknown): Promise<vscode.Uri | undefined> {
  const ui = services.prompts.current;
  const types = new Map<string, { id: string; name: string }>();
  for (const t of (await services.catalog.liveTypes()) ?? []) types.set(t.id, t);
  for (const t of await services.languageClient.listTypes()) if (!types.has(t.id)) types.set(t.id, t);
  let typeId = typeof typeArg === 'string' ? typeArg : undefined;
  if (!typeId) {
    const picked = await ui.pick(
      [...types.values()].sort((a, b) => a.name.localeCompare(b.name)).map((t) => ({ label: t.name, description: t.id, id: t.id })),
      { title: 'New Connection File (1/3)', placeHolder: 'Connection type', matchOnDescription: true },
    );
    if (!picked) return undefined;
    typeId = picked.id;
  }
  const typeName = types.get(typeId)?.name ?? typeId;
  const name = await ui.input({
    title: 'New Connection File (2/3)',
    prompt: 'The connection\'s name in Polytomic',
    value: `My ${typeName} connection`,
    validateInput: (v) => (v.trim() === '' ? 'Give the connection a name.' : undefined),
  });
  if (!name?.trim()) return undefined;
  // Fetch the type's live schema first, so the skeleton has the live required fields (best effort: offline works).
  if (services.profiles.active()) {
    const id = typeId;
    await withCancellableProgress(`Fetching the ${typeName} schema`, (signal) => services.catalog.ensureSchema(id, { signal })).catch((e) =>
      services.output.warn(`Could not fetch the ${typeName} schema; using the cached or bundled one: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
  const text = await services.languageClient.skeleton(typeId, name.trim());
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await ui.saveLocation(folder ? vscode.Uri.joinPath(folder, fileNameFor(name)) : undefined, 'New Connection File (3/3)');
  if (!uri) return undefined;
  if (!path.basename(uri.path).endsWith('.polytomic.json')) {
    throw new UserError(`Connection files must end in .polytomic.json (got ${path.basename(uri.path)}).`, [], 'warning');
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  // The cursor goes to the first value to fill in (the first empty string of the skeleton), ready to type.
  const blank = firstBlankValue(text);
  if (blank !== undefined) {
    const at = editor.document.positionAt(blank);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at));
  }
  return uri;
}

/** The offset just inside the first `""` value of the skeleton's configuration, if any. */
function firstBlankValue(text: string): number | undefined {
  const start = text.indexOf('"configuration"');
  const match = /:\s*""/.exec(text.slice(start < 0 ? 0 : start));
  return match ? (start < 0 ? 0 : start) + match.index + match[0].length - 1 : undefined;
}
