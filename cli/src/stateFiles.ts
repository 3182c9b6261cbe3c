// The tool's state beside the connection files, in .polytomic/ (the engine's finder never searches it):
//   create-keys.json   one Idempotency-Key per pending create, so an apply run again after a crash or a lost answer
//                      replays the create instead of making a second connection
//   fingerprints.json  keyed digests of the secrets last sent per connection, so a plan sees a secret that changed
// Both are keyed with HMACs of the API key: the body digests and fingerprints cannot be checked against a guessed
// password without the key, and another key (another organisation) never matches them.
import { createHmac } from 'node:crypto';
import * as path from 'node:path';
import { CreateKeys } from '../../core/src/createKeys';
import type { FingerprintStorage } from '../../core/src/secretFingerprints';
import { JsonFileMemento } from '../../core/src/workspace/keyFile';

export const STATE_FOLDER = '.polytomic';

export function stateDir(cwd: string, flag: string | undefined): string {
  return path.resolve(cwd, flag ?? STATE_FOLDER);
}

function derivedKey(apiKey: string, purpose: string): string {
  return createHmac('sha256', apiKey).update(`polytomic-connections\0${purpose}`).digest('base64url');
}

export async function openCreateKeys(dir: string, apiKey: string): Promise<CreateKeys> {
  const memento = await JsonFileMemento.open(path.join(dir, 'create-keys.json'));
  const digestKey = derivedKey(apiKey, 'create-key digest');
  return new CreateKeys(memento, async () => digestKey);
}

export async function openFingerprints(dir: string, apiKey: string): Promise<FingerprintStorage> {
  const memento = await JsonFileMemento.open(path.join(dir, 'fingerprints.json'));
  const key = derivedKey(apiKey, 'secret fingerprints');
  // Entries of another key are not read (they would all look "changed"): each key has its own namespace.
  const namespace = derivedKey(apiKey, 'fingerprint namespace').slice(0, 16);
  return {
    key: async () => key,
    read: async (scope) => memento.get<Record<string, string>>(`${namespace}/${scope}`),
    write: async (scope, fingerprints) => memento.update(`${namespace}/${scope}`, fingerprints),
  };
}
