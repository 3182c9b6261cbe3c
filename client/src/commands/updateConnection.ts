// Polytomic: Update Connection: sends the file as a full replacement (PUT, or PATCH for API version 2023-04-25; the
// API client picks by the profile's version). Like every command that sends a file, it saves the file first.
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';
import { UserError } from '../userError';
import { optionalFields, PreparedConnection, prepareConnection } from './prepareBody';
import { FileTarget, fileTarget } from './target';
import type { Connection } from '../../../core/src/api/types';
import { fingerprintScope, recordSent } from '../../../core/src/secretFingerprints';

export async function updateConnection(services: Services, arg?: unknown): Promise<string | undefined> {
  const target = await fileTarget(services, arg);
  if (!target.id) {
    throw new UserError(`${target.label} has no connection id yet: create it first.`, [
      { title: 'Create Connection', command: 'polytomic.createConnection', args: [target.document.uri] },
    ], 'warning');
  }
  const prepared = await prepareConnection(services, target);
  const updated = await sendUpdate(services, target, prepared);
  void services.prompts.current.notify('info', `Updated connection "${updated.name}" from ${target.label}.`);
  return updated.id;
}

export async function sendUpdate(services: Services, target: FileTarget, prepared: PreparedConnection): Promise<Connection> {
  const id = target.id as string;
  const { profile, client } = await services.sessions.current();
  const updated = await withCancellableProgress(`Updating "${prepared.file.name}" in ${profile.name}`, (signal) =>
    client.updateConnection(
      id,
      {
        name: prepared.file.name,
        type: prepared.file.type,
        configuration: prepared.configuration,
        ...optionalFields(prepared.file),
        validate: prepared.validate,
      },
      signal,
    ),
  );
  services.output.info(`Updated connection "${updated.name}" (${id}) in ${profile.name} from ${target.label}.`);
  // What was sent is now what Polytomic holds: Apply can tell a secret changed since then (secretFingerprints.ts).
  await recordSent(services.secrets.fingerprints(), fingerprintScope(profile.name, id), prepared.secretValues);
  // What was saved is what was sent (prepareConnection saved it first): the file and the connection agree now.
  await services.drift.record(profile.name, target.document.getText(), updated);
  void services.tree.refreshWhenSeen();
  return updated;
}
