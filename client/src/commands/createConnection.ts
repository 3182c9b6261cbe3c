// Polytomic: Create Connection: POST the file, write the returned id into it with a minimal edit, save.
// A file with an id is never created twice; a create already running for a file is not started again; running it
// again after a lost answer sends the same idempotency key (CreateKeys), so Polytomic replays the first create.
import * as vscode from 'vscode';
import type { CreateConnectionRequest } from '../../../core/src/api/types';
import { setIdEdits } from '../../../core/src/connectionFile';
import { isPolytomicApiError } from '../../../core/src/api/errors';
import { CreateKeys, repeatedAnswerHint } from '../../../core/src/createKeys';
import { fingerprintScope, recordSent } from '../../../core/src/secretFingerprints';
import { httpsOnly } from '../externalUrl';
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
    const body: CreateConnectionRequest = {
      name: prepared.file.name,
      type: prepared.file.type,
      configuration: prepared.configuration,
      ...optionalFields(prepared.file),
      validate: prepared.validate,
    };
    const keys = new CreateKeys(services.context.workspaceState, () => services.secrets.digestKey());
    const keptFromBefore = keys.hasKey(key);
    const idempotencyKey = await keys.keyFor(key, body);
    const created = await withCancellableProgress(`Creating "${prepared.file.name}" in ${profile.name}`, (signal) =>
      client.createConnection(body, { signal, idempotencyKey }),
    ).catch(async (error: unknown) => {
      await keys.failed(key, error);
      // The same 5xx again for a kept key is Polytomic repeating its first answer (createKeys.ts).
      if (keptFromBefore && keys.hasKey(key) && isPolytomicApiError(error) && error.kind === 'server') {
        throw new UserError(`${error.message} ${repeatedAnswerHint(prepared.file.name, target.label)}`, [
          { title: 'Pull Connection', command: 'polytomic.pullConnection' },
        ]);
      }
      throw error;
    });
    services.output.info(`Created connection "${created.name}" (${created.id}) in ${profile.name} from ${target.label}.`);
    await recordSent(services.secrets.fingerprints(), fingerprintScope(profile.name, created.id), prepared.secretValues);
    await applyFileEdits(target.document, setIdEdits(target.document.getText(), created.id), 'always');
    // Kept until the id is in the file: a failed write is retried by running Create again, which replays this create.
    await keys.settled(key);
    await services.drift.record(profile.name, target.document.getText(), created);
    void services.tree.refreshWhenSeen();
    // An OAuth type answers with the page to authorize it: opened only when it is https:// (externalUrl.ts).
    const auth = created.auth_url === undefined ? undefined : httpsOnly(created.auth_url);
    if (auth && 'problem' in auth) services.output.warn(`Create connection "${created.name}": ${auth.problem}`);
    const actions = auth && 'url' in auth ? ['Authorize in Browser', 'Open in Polytomic'] : ['Open in Polytomic'];
    const authNote = auth && 'problem' in auth ? ` ${auth.problem} Authorize it from Polytomic instead.` : '';
    void services.prompts.current
      .notify('info', `Created connection "${created.name}" (${created.id}); its id is now in ${target.label}.${authNote}`, ...actions)
      .then(async (picked) => {
        if (picked === 'Authorize in Browser' && auth && 'url' in auth) await vscode.env.openExternal(vscode.Uri.parse(auth.url, true));
        if (picked === 'Open in Polytomic') await vscode.commands.executeCommand('polytomic.openInBrowser', target.document.uri);
      });
    return created.id;
  } finally {
    inFlight.delete(key);
  }
}
