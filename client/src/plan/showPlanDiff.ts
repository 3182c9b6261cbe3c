// Show Diff of a plan item (the Plan view) or of a drifted connection (the Connections view): the live connection
// on the left, the file as written on the right (placeholders named, secrets masked), from the plan's own texts, so
// opening it sends nothing. Open File opens an item's connection file.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { PlanItem } from '../../../core/src/workspace/plan';
import type { Services } from '../services';
import { isConnectionNode } from '../tree/connectionsTree';
import { UserError } from '../userError';
import { isPlanItemNode } from './planView';
import { fileUri } from './workspaceFiles';

export async function showPlanDiff(services: Services, arg?: unknown): Promise<void> {
  const item = isPlanItemNode(arg) ? arg.item : isConnectionNode(arg) ? services.drift.itemOf(arg.connection.id) : undefined;
  if (!item) throw new UserError('Pick an item of the Plan view, or a connection with a file in the Connections view.', [], 'warning');
  if (!item.diff) {
    throw new UserError(`"${item.name}" has no diff: ${item.reason ?? 'the plan did not compare it'}`, [], 'warning');
  }
  const profileName = services.plan.current?.profileName ?? services.profiles.active()?.name ?? 'Polytomic';
  // One pair of documents per item (an id, or a digest of the file's URI for a create): path-safe, and stable.
  const key = item.id ?? `new-${createHash('sha256').update(item.key).digest('hex').slice(0, 12)}`;
  const liveUri = services.liveDocs.publish(key, 'live', item.name, item.diff.liveText);
  const fileSide = services.liveDocs.publish(key, 'file', item.name, item.diff.fileText);
  const where = item.file?.label ?? 'the file';
  await vscode.commands.executeCommand(
    'vscode.diff',
    liveUri,
    fileSide,
    `${item.name}: ${item.live ? `live in ${profileName}` : 'not in Polytomic yet'} ↔ ${where}`,
    { preview: true },
  );
}

export async function openPlanItemFile(_services: Services, arg?: unknown): Promise<void> {
  const file: PlanItem['file'] = isPlanItemNode(arg) ? arg.item.file : undefined;
  if (!file) throw new UserError('This plan item has no file: Pull writes one.', [], 'warning');
  await vscode.window.showTextDocument(fileUri(file), { preview: false });
}
