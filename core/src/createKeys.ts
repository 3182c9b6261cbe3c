// One Idempotency-Key per logical create of a file. Running Create again after a timeout (or a reload) whose create
// went through must replay that create, not make a second connection; so the key is kept in workspace state under the
// file's URI together with a digest of the body it was made for, and a new key starts only when the body changes,
// the create succeeded (and its id is in the file), or Polytomic definitely refused it.
// The body holds resolved secrets, so its digest is keyed with a secret kept apart from the workspace state (the
// extension's SecretStorage): what the state holds cannot be used to check a guessed password.
import { createHmac, randomUUID } from 'node:crypto';
import { isPolytomicApiError, type ApiErrorKind } from './api/errors';

/** The part of vscode.Memento this needs (workspaceState), so the logic runs outside the editor too. */
export interface KeyMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

interface StoredKey {
  key: string;
  /** HMAC of the body under the digest key (never stored beside it): the resolved body holds secrets. */
  bodyDigest: string;
}

/** The secret the body digests are keyed with (from SecretStorage in the extension). */
export type DigestKey = () => Promise<string>;

const STATE_PREFIX = 'polytomic.createKey:';

/** Answers after which the create cannot have happened: the next run is a new logical create with a new key. */
const DEFINITE_REFUSALS: ReadonlySet<ApiErrorKind> = new Set(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'in_use', 'unprocessable']);

export class CreateKeys {
  constructor(
    private readonly state: KeyMemento,
    private readonly digestKey: DigestKey,
  ) {}

  /** The key for creating this body from this file: the kept one when the body is the same, else a new one (kept). */
  async keyFor(fileUri: string, body: unknown): Promise<string> {
    const digest = bodyDigest(await this.digestKey(), fileUri, body);
    const stored = this.state.get<StoredKey>(STATE_PREFIX + fileUri);
    if (stored && typeof stored.key === 'string' && stored.bodyDigest === digest) return stored.key;
    const key = randomUUID();
    await this.state.update(STATE_PREFIX + fileUri, { key, bodyDigest: digest } satisfies StoredKey);
    return key;
  }

  /** Whether a key is kept for the file: an earlier create's outcome was not known, and creating it again replays it. */
  hasKey(fileUri: string): boolean {
    const stored = this.state.get<StoredKey>(STATE_PREFIX + fileUri);
    return stored !== undefined && typeof stored.key === 'string';
  }

  /** Drops the file's key once its create is settled (succeeded and recorded in the file). */
  async settled(fileUri: string): Promise<void> {
    await this.state.update(STATE_PREFIX + fileUri, undefined);
  }

  /** After a failed create: drops the key when the answer says nothing was created; keeps it when that is unknown. */
  async failed(fileUri: string, error: unknown): Promise<void> {
    if (isPolytomicApiError(error) && DEFINITE_REFUSALS.has(error.kind)) await this.settled(fileUri);
  }
}

function bodyDigest(digestKey: string, fileUri: string, body: unknown): string {
  return createHmac('sha256', digestKey).update(`create\0${fileUri}\0${canonicalJson(body)}`).digest('base64url');
}

/** JSON with object keys sorted, so the same body in another key order is the same logical create. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What to say when a create whose key was kept from an earlier attempt fails with a 5xx again: Polytomic answers a
 * key's first outcome again for at least a day, so running it again changes nothing until the key expires.
 */
export function repeatedAnswerHint(name: string, fileLabel: string): string {
  return `This create's key was kept from an earlier attempt, and Polytomic repeats a key's first answer for a day: check in Polytomic whether "${name}" exists. If it does, Pull it into ${fileLabel}; if not, this answer repeats until the key expires, or until the file's body changes.`;
}
