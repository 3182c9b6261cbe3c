// Authorization: `Bearer <key>` or `Basic base64("<orgId>:<key>")`; the org id must be the emulator's organisation.
import { timingSafeEqual } from 'node:crypto';

export interface Actor {
  id: string;
  name: string;
  type: string;
}

export type AuthResult = { ok: true; actor: Actor } | { ok: false; reason: string };

export interface AuthConfig {
  apiKeys: readonly string[];
  orgId: string;
  /** The actor recorded as created_by/updated_by for each key, in the order of apiKeys. */
  actors: readonly Actor[];
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function actorForKey(config: AuthConfig, key: string): Actor | undefined {
  const index = config.apiKeys.findIndex((k) => sameSecret(k, key));
  return index < 0 ? undefined : config.actors[index];
}

/** Reasons never contain the presented credentials. */
export function authenticate(header: string | undefined, config: AuthConfig): AuthResult {
  if (!header || header.trim() === '') return { ok: false, reason: 'missing Authorization header' };
  const match = /^(\w+)\s+(.+)$/.exec(header.trim());
  if (!match) return { ok: false, reason: 'malformed Authorization header' };
  const scheme = match[1].toLowerCase();
  const credentials = match[2].trim();
  if (scheme === 'bearer') {
    const actor = actorForKey(config, credentials);
    return actor ? { ok: true, actor } : { ok: false, reason: 'invalid API key' };
  }
  if (scheme === 'basic') {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { ok: false, reason: 'malformed Basic credentials: expected "<organization id>:<key>"' };
    const orgId = decoded.slice(0, colon);
    const key = decoded.slice(colon + 1);
    const actor = actorForKey(config, key);
    if (!actor) return { ok: false, reason: 'invalid API key' };
    if (orgId.toLowerCase() !== config.orgId.toLowerCase()) {
      return { ok: false, reason: 'the API key is not valid for the organization in the Basic credentials' };
    }
    return { ok: true, actor };
  }
  return { ok: false, reason: `unsupported authorization scheme "${match[1]}"; use Bearer or Basic` };
}
