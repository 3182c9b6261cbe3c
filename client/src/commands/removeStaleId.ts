// Offered after a 404: removes an id that Polytomic no longer knows from a file, so the file can be created again.
import * as vscode from 'vscode';
import { removeIdEdits } from '../../../core/src/connectionFile';
import type { Services } from '../services';
import { applyFileEdits } from './documentEdits';
import { fileTarget } from './target';

export async function removeStaleId(services: Services, arg?: unknown): Promise<void> {
  const target = await fileTarget(services, arg instanceof vscode.Uri ? arg : undefined);
  if (!target.id) return;
  await applyFileEdits(target.document, removeIdEdits(target.document.getText()), 'ifClean');
  void services.prompts.current.notify('info', `Removed the stale id from ${target.label}; Create Connection makes a new one.`);
}
