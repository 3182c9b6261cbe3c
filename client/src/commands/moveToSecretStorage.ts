// The literal-secret quick fix "Move to secret storage": the value written in the file goes to VS Code's secret
// storage (this workspace's scope) and the file gets `${secret:NAME}` instead, in one undoable edit. The value is
// never shown, logged or sent anywhere (the language server only names the place and the name).
import * as vscode from 'vscode';
import type { Services } from '../services';
import { UserError } from '../userError';

export async function moveToSecretStorage(services: Services, uriArg?: unknown, rangeArg?: unknown, nameArg?: unknown): Promise<boolean> {
  const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg instanceof vscode.Uri ? uriArg : undefined;
  const range = toRange(rangeArg);
  if (!uri || !range || typeof nameArg !== 'string' || !/^[^}\s]+$/.test(nameArg)) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const written = document.getText(range);
  let value: unknown;
  try {
    value = JSON.parse(written);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'string' || value === '') {
    throw new UserError('The secret moved since the quick fix was offered: open the light bulb on it again.', [], 'warning');
  }
  services.output.addSecrets([value]);
  await services.secrets.storeSecret(nameArg, value);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, JSON.stringify(`\${secret:${nameArg}}`));
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not edit ${vscode.workspace.asRelativePath(uri)}.`);
  void services.prompts.current.notify('info', `The secret is in VS Code's secret storage as \${secret:${nameArg}} for this workspace; the file no longer holds it.`);
  return true;
}

function toRange(value: unknown): vscode.Range | undefined {
  if (value instanceof vscode.Range) return value;
  const r = value as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  const n = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : undefined);
  const [sl, sc, el, ec] = [n(r?.start?.line), n(r?.start?.character), n(r?.end?.line), n(r?.end?.character)];
  return sl === undefined || sc === undefined || el === undefined || ec === undefined ? undefined : new vscode.Range(sl, sc, el, ec);
}
