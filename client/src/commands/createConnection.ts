// Polytomic: Create Connection: POST the file, write the returned id into it with a minimal edit, save.
// A file with an id is never created twice; a create already running for a file is not started again.
import * as vscode from 'vscode';
import { setIdEdits } from '../connectionFile';
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';
import { UserError } from '../userError';
import { applyFileEdits } from './documentEdits';
import { optionalFields, prepareConnection } from './prepareBody';
import { fileTarget } from './target';

const inFlight = new Set<string>();

export async function createConnection(services: Services, arg?: unknown): Promise<string | undefined> {
  const target = await fileTarget(services, arg);
  if (target.id) {
    throw new UserError(`${target.label} was created already (id ${target.id}). Use Update or Apply to change it.`, [
      { title: 'Apply', command: 'polytomic.applyConnection', args: [target.document.uri] },
    ], 'warning');
  }
  const key = target.document.uri.toString();
  if (inFlight.has(key)) throw new UserError(`${target.label} is being created already.`, [], 'warning');
  inFlight.add(key);
  try {
    const prepared = await prepareConnection(services, target);
    const { profile, client } = await services.sessions.current();
    const created = await withCancellableProgress(`Creating "${prepared.file.name}" in ${profile.name}`, (signal) =>
      client.createConnection(
        {
          name: prepared.file.name,
          type: prepared.file.type,
          configuration: prepared.configuration,
          ...optionalFields(prepared.file),
          validate: prepared.validate,
        },
        { signal },
      ),
    );
    services.output.info(`Created connection "${created.name}" (${created.id}) in ${profile.name} from ${target.label}.`);
    await applyFileEdits(target.document, setIdEdits(target.document.getText(), created.id), 'always');
    void services.tree.refresh();
    const actions = created.auth_url ? ['Authorize in Browser', 'Open in Polytomic'] : ['Open in Polytomic'];
    void services.prompts.current
      .notify('info', `Created connection "${created.name}" (${created.id}); its id is now in ${target.label}.`, ...actions)
      .then(async (picked) => {
        if (picked === 'Authorize in Browser' && created.auth_url) await vscode.env.openExternal(vscode.Uri.parse(created.auth_url));
        if (picked === 'Open in Polytomic') await vscode.commands.executeCommand('polytomic.openInBrowser', target.document.uri);
      });
    return created.id;
  } finally {
    inFlight.delete(key);
  }
}
