// Where an API key may be sent. A repository's .vscode/settings.json can add a profile, or point one of yours at
// another address, and name it the default: opening that folder must not send your key (stored, or from
// POLYTOMIC_API_KEY) to an address the repository chose. So a key goes only to a base URL that your user settings
// give the profile, or that you allowed once for this workspace; in Restricted Mode nothing is sent at all.
// The answer is kept where a workspace cannot write it (the extension's global state), keyed by workspace, profile
// and URL. No vscode import: node tests run these rules directly.
import { normalizeBaseUrl, type ApiProfile } from '../api/profile';

export const SEND_DECISIONS_STATE = 'polytomic.workspaceProfileDecisions';

export type SendDecision = 'allow' | 'deny';

export type SendVerdict =
  | { send: true }
  /** restricted: the workspace is not trusted; ask: nobody answered yet; denied: the user said no. */
  | { send: false; reason: 'restricted' | 'ask' | 'denied' };

/** The same address, whatever the case of the host or a trailing slash. */
export function sameBaseUrl(a: string, b: string): boolean {
  try {
    return new URL(normalizeBaseUrl(a)).href === new URL(normalizeBaseUrl(b)).href;
  } catch {
    return false;
  }
}

/** True when the user settings (`polytomic.profiles` at user level) list this profile's name with this base URL. */
export function chosenByUser(profile: ApiProfile, userScope: unknown): boolean {
  if (!Array.isArray(userScope)) return false;
  return userScope.some((entry) => {
    if (!entry || typeof entry !== 'object') return false;
    const e = entry as { name?: unknown; baseUrl?: unknown };
    return typeof e.name === 'string' && e.name.trim() === profile.name && typeof e.baseUrl === 'string' && sameBaseUrl(e.baseUrl, profile.baseUrl);
  });
}

/** The key of the remembered answer: one per workspace, profile name and address. */
export function sendDecisionKey(workspaceId: string, profile: ApiProfile): string {
  return JSON.stringify([workspaceId, profile.name, normalizeBaseUrl(profile.baseUrl).toLowerCase()]);
}

/** Whether the active profile's requests may go out now. */
export function sendVerdict(input: { workspaceTrusted: boolean; chosenByUser: boolean; decision: SendDecision | undefined }): SendVerdict {
  if (!input.workspaceTrusted) return { send: false, reason: 'restricted' };
  if (input.chosenByUser || input.decision === 'allow') return { send: true };
  return { send: false, reason: input.decision === 'deny' ? 'denied' : 'ask' };
}

export interface StoredKeyUse {
  key?: string;
  /** Why a stored key is not used: it was entered for another address, or nobody knows for which. */
  problem?: string;
}

/**
 * A stored key is used only for the base URL it was entered for. Without a record of that URL it is not used
 * either (fail closed): the record is written with every key, so a key without one did not come from this extension's
 * own flow, and sending it to whatever the profile now names is what the record exists to prevent.
 */
export function storedKeyUse(profile: ApiProfile, stored: string | undefined, origin: string | undefined): StoredKeyUse {
  if (!stored) return {};
  if (origin === undefined) {
    return {
      problem: `The stored key of profile "${profile.name}" has no record of the address it was entered for, so it is sent nowhere. Enter the key again to use it with ${profile.baseUrl}.`,
    };
  }
  if (!sameBaseUrl(origin, profile.baseUrl)) {
    return {
      problem: `The stored key of profile "${profile.name}" was entered for ${origin}, but the profile now points at ${profile.baseUrl}. Enter the key again to use it there.`,
    };
  }
  return { key: stored };
}
