// Secret fingerprints: whether a secret in a file differs from the one last sent, although the API masks it.
//
// API (small on purpose; the extension implements the storage, the folder-level plan injects it):
//   interface FingerprintStorage { key(); read(scope); write(scope, fingerprints) }
//     key():   the HMAC key (kept in the editor's SecretStorage, created on first use; never in workspace state)
//     read():  the fingerprints of one connection, by field path, as last recorded (undefined: none recorded)
//     write(): replaces them (undefined: forgets them, e.g. after a Pull)
//   secretStatuses(storage, scope, values) -> { [path]: 'changed' | 'unchanged' | 'unknown' }
//     values: the file's secret fields, resolved, by path ('configuration.password'); a value that could not be
//     resolved yet (missing placeholder) is undefined and gets 'unknown'; no fingerprint recorded: 'unknown'.
//   recordSent(storage, scope, values): after a create or update succeeded, remembers what was sent.
//   fingerprintScope(profileName, connectionId): the scope string for one connection of one profile.
//   secretFieldValues(configuration, resolved, isSecret): the `values` above, from a file's configuration.
// A fingerprint is HMAC-SHA256(key, scope, path, value): never the value, and useless without the key.
import { createHmac } from 'node:crypto';
import { containsPlaceholder } from './placeholders';
import { isMaskedValue, type SecretRule } from './sensitiveFields';

export type SecretStatus = 'changed' | 'unchanged' | 'unknown';

export interface FingerprintStorage {
  key(): Promise<string>;
  read(scope: string): Promise<Record<string, string> | undefined>;
  write(scope: string, fingerprints: Record<string, string> | undefined): Promise<void>;
}

export function fingerprintScope(profileName: string, connectionId: string): string {
  return `${profileName}/${connectionId}`;
}

/** The keyed fingerprint of one secret value of one field of one connection. */
export function fingerprint(key: string, scope: string, path: string, value: string): string {
  // NUL separators: no scope/path/value split can collide with another.
  return createHmac('sha256', key).update(`${scope}\0${path}\0${value}`).digest('base64url');
}

export async function secretStatuses(
  storage: FingerprintStorage,
  scope: string,
  values: Record<string, string | undefined>,
): Promise<Record<string, SecretStatus>> {
  const stored = await storage.read(scope);
  const key = stored ? await storage.key() : '';
  const out: Record<string, SecretStatus> = {};
  for (const [path, value] of Object.entries(values)) {
    const known = stored?.[path];
    if (value === undefined || typeof known !== 'string') out[path] = 'unknown';
    else out[path] = fingerprint(key, scope, path, value) === known ? 'unchanged' : 'changed';
  }
  return out;
}

export async function recordSent(storage: FingerprintStorage, scope: string, values: Record<string, string>): Promise<void> {
  const key = await storage.key();
  const fingerprints: Record<string, string> = {};
  for (const [path, value] of Object.entries(values)) fingerprints[path] = fingerprint(key, scope, path, value);
  await storage.write(scope, Object.keys(fingerprints).length > 0 ? fingerprints : undefined);
}

/** Words for a status, as the diff and the confirmations show them. */
export function describeSecretStatus(status: SecretStatus | 'missing'): string {
  switch (status) {
    case 'changed':
      return 'changed since the last apply';
    case 'unchanged':
      return 'unchanged since the last apply';
    case 'missing':
      return 'not set yet: asked for when sending';
    default:
      return 'not known: not sent from this workspace yet';
  }
}

/** `configuration.auth.basic.password`, `configuration.headers[0].value`. */
export function pathString(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * The secret fields of a configuration (placeholders, and literals the rule calls secret) with their resolved values
 * by path; undefined where a placeholder could not be resolved.
 */
export function secretFieldValues(configuration: unknown, resolved: unknown, isSecret: SecretRule): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const walk = (value: unknown, r: unknown, path: (string | number)[], parent: unknown) => {
    if (typeof value === 'string') {
      if (isMaskedValue(value)) return;
      if (containsPlaceholder(value) || isSecret(path, value, parent)) {
        out[pathString(['configuration', ...path])] = typeof r === 'string' && !containsPlaceholder(r) ? r : undefined;
      }
    } else if ((typeof value === 'number' || typeof value === 'boolean') && isSecret(path, String(value), parent)) {
      // A secret that is not a string (an integer id marked sensitive) is fingerprinted as its text.
      out[pathString(['configuration', ...path])] = String(value);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, Array.isArray(r) ? r[i] : undefined, [...path, i], value));
    } else if (value !== null && typeof value === 'object') {
      const rr = r !== null && typeof r === 'object' ? (r as Record<string, unknown>) : {};
      for (const [k, v] of Object.entries(value)) walk(v, rr[k], [...path, k], value);
    }
  };
  walk(configuration, resolved, [], undefined);
  return out;
}
