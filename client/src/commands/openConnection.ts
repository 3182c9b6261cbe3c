// Clicking a connection in the tree opens the workspace file holding its id, or offers to pull it into one.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { isConnectionNode } from '../tree/connectionsTree';
import { pullConnection } from './pullConnection';

export async function openConnection(services: Services, arg?: unknown): Promise<void> {
  if (!isConnectionNode(arg)) return;
  await services.index.ready();
  const uri = services.index.fileFor(arg.connection.id);
  if (uri) {
    await vscode.window.showTextDocument(uri, { preview: true });
    return;
  }
  const pull = 'Pull into a File';
  const picked = await services.prompts.current.notify('info', `"${arg.connection.name}" has no file in this workspace.`, pull);
  if (picked === pull) await pullConnection(services, arg);
}
