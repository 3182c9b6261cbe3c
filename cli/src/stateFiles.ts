// The tool's state beside the connection files, in .polytomic/ (the engine's finder never searches it):
//   create-keys.json   one Idempotency-Key per pending create, so an apply run again after a crash or a lost answer
//                      replays the create instead of making a second connection
//   fingerprints.json  keyed digests of the secrets last sent per connection, so a plan sees a secret that changed
//   apply.lock         held while an apply or a pull runs (stateLock.ts)
//   .gitignore         "*", written when the tool makes the folder: it is state of this machine
// Both are keyed with HMACs of the API key: the body digests and fingerprints cannot be checked against a guessed
// password without the key, and another key (another organisation) never matches them.
//
// The folder is at the root of the git repository the working folder is in (else in the working folder), so that an
// apply run from a subfolder finds the create keys an apply from the root kept; --state-dir chooses another.
import { createHmac } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CreateKeys } from '../../core/src/createKeys';
import type { FingerprintStorage } from '../../core/src/secretFingerprints';
import { JsonFileMemento } from '../../core/src/workspace/keyFile';
import { describeError } from './cliError';
import { inertLine } from './inertLine';

export const STATE_FOLDER = '.polytomic';

/** The nearest folder at or above `cwd` that holds .git (a folder, or a file in a worktree or submodule). */
export function gitRoot(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export function stateDir(cwd: string, flag: string | undefined): string {
  return flag !== undefined ? path.resolve(cwd, flag) : path.join(gitRoot(cwd) ?? path.resolve(cwd), STATE_FOLDER);
}

/** Makes the folder; when the tool made it, a .gitignore of "*" keeps it out of version control. */
export async function ensureStateDir(dir: string): Promise<void> {
  const made = await fs.mkdir(dir, { recursive: true });
  if (made !== undefined) await fs.writeFile(path.join(dir, '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
}

function derivedKey(apiKey: string, purpose: string): string {
  return createHmac('sha256', apiKey).update(`polytomic-connections\0${purpose}`).digest('base64url');
}

/** A state file that is there but cannot be read is lost: `warn` says what that means. */
export type StateWarning = (text: string) => void;

export async function openCreateKeys(dir: string, apiKey: string, warn: StateWarning): Promise<CreateKeys> {
  const file = path.join(dir, 'create-keys.json');
  const memento = await JsonFileMemento.open(file, {
    onUnreadable: (error) =>
      warn(
        `warning: ${file} cannot be read (${inertLine(describeError(error))}): the create keys it held are lost, and it is started anew. ` +
          'A create whose answer was lost can no longer be replayed: a file to create that looks like a connection no file holds is held back (pull that connection into it).\n',
      ),
  });
  const digestKey = derivedKey(apiKey, 'create-key digest');
  return new CreateKeys(memento, async () => digestKey);
}

export async function openFingerprints(dir: string, apiKey: string, warn: StateWarning): Promise<FingerprintStorage> {
  const file = path.join(dir, 'fingerprints.json');
  const memento = await JsonFileMemento.open(file, {
    onUnreadable: (error) =>
      warn(`warning: ${file} cannot be read (${inertLine(describeError(error))}): whether a secret changed is not known until the next apply sends it.\n`),
  });
  const key = derivedKey(apiKey, 'secret fingerprints');
  // Entries of another key are not read (they would all look "changed"): each key has its own namespace.
  const namespace = derivedKey(apiKey, 'fingerprint namespace').slice(0, 16);
  return {
    key: async () => key,
    read: async (scope) => memento.get<Record<string, string>>(`${namespace}/${scope}`),
    write: async (scope, fingerprints) => memento.update(`${namespace}/${scope}`, fingerprints),
  };
}
