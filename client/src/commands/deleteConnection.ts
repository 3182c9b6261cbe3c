// Polytomic: Delete Connection (modal confirmation; a 422 "in use" lists the dependents and offers Force Delete) and
// Polytomic: Force Delete Connection (lists what goes with it and asks for the connection's name to be typed).
// After a delete, the file keeps its definition but loses the id, so it could be created again.
import * as vscode from 'vscode';
import { Dependent, isPolytomicApiError } from '../../../core/src/api/errors';
import { fileConnectionId, parseConnectionText, removeIdEdits } from '../../../core/src/connectionFile';
import { describeDependents, listDependents } from '../../../core/src/dependents';
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';
import { applyFileEdits } from './documentEdits';
import { ConnectionTarget, connectionTarget } from './target';

export type DeleteResult = 'deleted' | 'force-deleted' | 'in-use' | 'cancelled';

/** What uses a connection, as the last 422 of this session said: the next Delete says so up front. */
const knownDependents = new Map<string, Dependent[]>();

export async function deleteConnection(services: Services, arg?: unknown): Promise<DeleteResult> {
  const target = await connectionTarget(services, arg);
  // force_destroy in the file means "take the dependents along"; it still confirms, with the typed name.
  if (target.forceDestroy) return forceDelete(services, target, undefined);
  const { profile, client } = await services.sessions.current();
  const usedBy = knownDependents.get(target.id);
  if (usedBy && usedBy.length > 0) return offerForceDelete(services, target, usedBy, '', `"${target.name}" in ${profile.name} is in use.`);
  const confirmed = await services.prompts.current.confirm(
    `Delete connection "${target.name}" in ${profile.name}?`,
    `This deletes the connection in Polytomic.${target.fileUri ? ` ${vscode.workspace.asRelativePath(target.fileUri)} stays, without its id.` : ''}`,
    'Delete',
  );
  if (!confirmed) return 'cancelled';
  services.tree.setDeleting(target.id, true);
  try {
    await withCancellableProgress(`Deleting "${target.name}"`, (signal) => client.deleteConnection(target.id, { force: false, signal }));
  } catch (error) {
    services.tree.setDeleting(target.id, false);
    if (isPolytomicApiError(error) && error.kind === 'in_use') {
      knownDependents.set(target.id, error.usedBy ?? []);
      return offerForceDelete(services, target, error.usedBy ?? [], error.message, `"${target.name}" is in use and was not deleted.`);
    }
    if (isPolytomicApiError(error) && error.kind === 'not_found') {
      await forgetId(target);
      void services.tree.refreshWhenSeen();
      void services.prompts.current.notify('info', `"${target.name}" was already gone from ${profile.name}.`);
      return 'deleted';
    }
    throw error;
  }
  services.output.info(`Deleted connection "${target.name}" (${target.id}) in ${profile.name}.`);
  await forgetId(target);
  await services.tree.refreshWhenSeen();
  services.tree.setDeleting(target.id, false);
  void services.prompts.current.notify('info', `Deleted connection "${target.name}".`);
  return 'deleted';
}

async function offerForceDelete(services: Services, target: ConnectionTarget, usedBy: Dependent[], message: string, headline: string): Promise<DeleteResult> {
  const force = 'Force Delete...';
  // The first button is the default one: keeping the connection, never Force Delete.
  const picked = await services.prompts.current.chooseModal(
    headline,
    `Used by:\n${describeDependents(usedBy) || services.output.scrub(message)}\n\nForce Delete deletes them together with the connection.`,
    [`Keep "${target.name}"`, force],
  );
  if (picked !== force) return 'in-use';
  return forceDelete(services, target, usedBy);
}

export async function forceDeleteConnection(services: Services, arg?: unknown): Promise<DeleteResult> {
  return forceDelete(services, await connectionTarget(services, arg), undefined);
}

/** `usedBy` undefined means "not known": the confirmation then says that everything using it goes too. */
async function forceDelete(services: Services, target: ConnectionTarget, usedBy: Dependent[] | undefined): Promise<DeleteResult> {
  const { profile, client } = await services.sessions.current();
  const listed = usedBy && usedBy.length > 0 ? `, and with it: ${listDependents(usedBy)}` : usedBy ? ' (nothing uses it)' : ', and every sync, model and schedule that uses it';
  const typed = await services.prompts.current.typeToConfirm(
    `Force delete "${target.name}" in ${profile.name}${listed}. This cannot be undone. Type the connection's name to confirm.`,
    target.name,
  );
  if (!typed) return 'cancelled';
  services.tree.setDeleting(target.id, true);
  try {
    await withCancellableProgress(`Force deleting "${target.name}"`, (signal) => client.deleteConnection(target.id, { force: true, signal }));
  } catch (error) {
    services.tree.setDeleting(target.id, false);
    throw error;
  }
  knownDependents.delete(target.id);
  services.output.info(`Force deleted connection "${target.name}" (${target.id}) in ${profile.name}${usedBy && usedBy.length > 0 ? ` with ${listDependents(usedBy)}` : ''}.`);
  await forgetId(target);
  await services.tree.refreshWhenSeen();
  services.tree.setDeleting(target.id, false);
  void services.prompts.current.notify('info', `Force deleted "${target.name}"${usedBy && usedBy.length > 0 ? ` and ${usedBy.length} dependent${usedBy.length === 1 ? '' : 's'}` : ''}.`);
  return 'force-deleted';
}

async function forgetId(target: ConnectionTarget): Promise<void> {
  if (!target.fileUri) return;
  const document = await vscode.workspace.openTextDocument(target.fileUri);
  if (fileConnectionId(parseConnectionText(document.getText()).value) !== target.id) return;
  await applyFileEdits(document, removeIdEdits(document.getText()), 'ifClean');
}
