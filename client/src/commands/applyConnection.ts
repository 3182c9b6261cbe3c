// Polytomic: Apply Connection: create or update, after showing the diff between the live connection and the file.
// The file is saved first (what is sent is what is on disk). The diff needs no secret values: the file side is the
// file as written with its placeholders named, secrets get their status from the fingerprints of what was last sent
// ("changed since the last apply", "not known"), and missing values are asked for only when the user chose to send.
// The question is a notification, so it does not cover the diff. "Nothing to apply" when nothing differs.
import * as vscode from 'vscode';
import type { Connection } from '../../../core/src/api/types';
import { compareWithLive, FieldChange } from '../../../core/src/liveComparison';
import { placeholder, resolvePlaceholders } from '../../../core/src/placeholders';
import { fingerprintScope, secretFieldValues, secretStatuses } from '../../../core/src/secretFingerprints';
import { schemaSensitiveKeys, secretRule } from '../../../core/src/sensitiveFields';
import { withCancellableProgress } from '../progress';
import type { Services } from '../services';
import { createConnection } from './createConnection';
import { readSavedConnection, resolveForSend } from './prepareBody';
import { sendUpdate } from './updateConnection';
import { fileTarget } from './target';

export type ApplyResult = 'created' | 'updated' | 'unchanged' | 'cancelled';

const MAX_LISTED = 6;

export async function applyConnection(services: Services, arg?: unknown): Promise<ApplyResult> {
  const target = await fileTarget(services, arg);
  const saved = await readSavedConnection(services, target);
  const { file } = saved;
  const { profile, client } = await services.sessions.current();
  const isSecret = secretRule(schemaSensitiveKeys(await services.catalog.schemaFor(file.type)));
  const live: Connection | undefined = target.id
    ? await withCancellableProgress(`Reading "${file.name}" from ${profile.name}`, (signal) => client.getConnection(target.id as string, signal))
    : undefined;

  // Resolved only to compare (a placeholder in a field the API returns in clear, and the secret fingerprints);
  // nothing is sent and no value is shown. Missing values stay missing until the user chooses to send.
  const resolved = await resolvePlaceholders(file.configuration, services.secrets.sources());
  services.output.addSecrets(resolved.resolvedValues);
  const missing = new Set(resolved.missing.map((m) => m.path));
  const scope = live ? fingerprintScope(profile.name, live.id) : undefined;
  const secretStatus = scope
    ? await secretStatuses(services.secrets.fingerprints(), scope, secretFieldValues(file.configuration, resolved.value, isSecret))
    : {};
  const comparison = compareWithLive(file, live ?? { id: '', name: '', configuration: {} }, isSecret, {
    fileText: saved.text,
    resolved: resolved.value,
    missing,
    secretStatus,
  });
  if (live && comparison.equal) {
    const notKnown = comparison.unknown.length > 0 ? ` Not known: ${listChanges(comparison.unknown)}. Update sends the file as it is.` : '';
    void services.prompts.current
      .notify('info', `Nothing to apply: "${live.name}" in ${profile.name} matches ${target.label}.${notKnown}`, ...(notKnown ? ['Update'] : []))
      .then((picked) => picked && vscode.commands.executeCommand('polytomic.updateConnection', target.document.uri));
    return 'unchanged';
  }

  const key = target.id ?? 'new';
  const liveUri = services.liveDocs.publish(key, 'live', file.name, live ? comparison.liveText : '{}\n');
  const fileUri = services.liveDocs.publish(key, 'file', file.name, comparison.fileText);
  await vscode.commands.executeCommand(
    'vscode.diff',
    liveUri,
    fileUri,
    `${file.name}: ${live ? `live in ${profile.name}` : 'not in Polytomic yet'} ↔ ${target.label}`,
    { preview: true },
  );
  const action = live ? 'Apply' : 'Create';
  const reads = [...new Set(comparison.placeholders.map((p) => `${placeholder(p.kind, p.name)} (${p.path})`))];
  const question = live
    ? `Apply ${target.label} to "${live.name}" in ${profile.name}? Changes: ${listChanges(comparison.changes)}.`
    : `Create "${file.name}" in ${profile.name} from ${target.label}? Its id is written back into the file.`;
  const picked = await services.prompts.current.notify(
    'info',
    `${question}${reads.length > 0 ? ` Reads when sending: ${reads.join(', ')}.` : ''}${live ? ' An update replaces the whole configuration.' : ''}`,
    action,
    'Cancel',
  );
  if (picked !== action) return 'cancelled';
  if (!live) {
    // Missing values are asked for now; createConnection then finds them (secret storage or this session).
    await resolveForSend(services, target, saved, true);
    return (await createConnection(services, target.document.uri)) ? 'created' : 'cancelled';
  }
  const prepared = await resolveForSend(services, target, saved, true);
  const updated = await sendUpdate(services, target, prepared);
  // The open diff now shows what Polytomic holds after the update, instead of the state before it.
  const after = compareWithLive(file, updated, isSecret, {
    fileText: saved.text,
    resolved: prepared.configuration,
    secretStatus: await secretStatuses(services.secrets.fingerprints(), fingerprintScope(profile.name, updated.id), prepared.secretValues),
  });
  services.liveDocs.publish(key, 'live', file.name, after.liveText);
  services.liveDocs.publish(key, 'file', file.name, after.fileText);
  void services.prompts.current.notify('info', `Applied ${target.label} to "${updated.name}".`);
  return 'updated';
}

function listChanges(changes: FieldChange[]): string {
  const listed = changes.slice(0, MAX_LISTED).map((c) => `${c.path.replace(/^configuration\./, '')}: ${c.note}`);
  return listed.join('; ') + (changes.length > MAX_LISTED ? ` (and ${changes.length - MAX_LISTED} more)` : '');
}
