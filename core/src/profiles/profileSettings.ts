// Profiles as the settings hold them (`polytomic.profiles`), and which one is active. Nothing secret lives here:
// the key of profile P is kept in SecretStorage under `polytomic.apiKey/P`.
import { ApiProfile, isApiVersion, validateProfile } from '../api/profile';

export const PROFILES_SETTING = 'profiles';
export const DEFAULT_PROFILE_SETTING = 'defaultProfile';
export const ACTIVE_PROFILE_STATE = 'polytomic.activeProfile';
/** Used when the active profile has no stored key (CI, the playground). */
export const API_KEY_ENV = 'POLYTOMIC_API_KEY';

export function apiKeySecretName(profileName: string): string {
  return `polytomic.apiKey/${profileName}`;
}

export interface ParsedProfiles {
  profiles: ApiProfile[];
  /** One sentence per entry that was skipped, to show once. */
  problems: string[];
}

/** Reads the setting's raw value; entries that are not usable profiles are skipped with a reason. */
export function parseProfiles(raw: unknown): ParsedProfiles {
  const profiles: ApiProfile[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { profiles, problems };
  if (!Array.isArray(raw)) return { profiles, problems: ['The setting polytomic.profiles must be a list of profiles.'] };
  raw.forEach((entry, index) => {
    if (entry === null || typeof entry !== 'object') {
      problems.push(`polytomic.profiles[${index}] is not an object.`);
      return;
    }
    const e = entry as Record<string, unknown>;
    if (typeof e.name !== 'string' || e.name.trim() === '') {
      problems.push(`polytomic.profiles[${index}] has no name.`);
      return;
    }
    const profile: ApiProfile = {
      name: e.name.trim(),
      baseUrl: typeof e.baseUrl === 'string' ? e.baseUrl : '',
      keyKind: e.keyKind === 'organization' ? 'organization' : 'user',
      apiVersion: isApiVersion(e.apiVersion) ? e.apiVersion : (String(e.apiVersion ?? '2025-09-18') as ApiProfile['apiVersion']),
    };
    if (e.keyKind !== undefined && e.keyKind !== 'user' && e.keyKind !== 'organization') {
      problems.push(`Profile "${profile.name}": key kind must be "user" or "organization".`);
      return;
    }
    if (typeof e.organizationId === 'string' && e.organizationId.trim() !== '') profile.organizationId = e.organizationId.trim();
    const problem = validateProfile(profile);
    if (problem) {
      problems.push(problem);
      return;
    }
    if (profiles.some((p) => p.name === profile.name)) {
      problems.push(`Profile "${profile.name}" is listed twice; the first one is used.`);
      return;
    }
    profiles.push(profile);
  });
  return { profiles, problems };
}

/** The workspace's choice, else the default setting, else the only/first profile. */
export function chooseActiveProfile(
  profiles: ApiProfile[],
  workspaceChoice: string | undefined,
  defaultName: string | undefined,
): ApiProfile | undefined {
  return (
    profiles.find((p) => p.name === workspaceChoice) ?? profiles.find((p) => p.name === defaultName) ?? profiles[0]
  );
}

/** Why a new profile name cannot be used, or undefined. */
export function validateProfileName(name: string, existing: string[]): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the profile a name, e.g. staging or production.';
  if (trimmed.length > 64) return 'Keep the name under 64 characters.';
  if (/[\/\\]/.test(trimmed)) return 'The name cannot contain / or \\.';
  if (existing.includes(trimmed)) return `A profile named "${trimmed}" exists already.`;
  return undefined;
}

/** The settings value with one profile added (or replaced by name), leaving the others as they were. */
export function withProfile(raw: unknown, profile: ApiProfile): unknown[] {
  const list = Array.isArray(raw) ? raw.filter((e) => !(e && typeof e === 'object' && (e as { name?: unknown }).name === profile.name)) : [];
  const entry: Record<string, unknown> = { name: profile.name, baseUrl: profile.baseUrl, keyKind: profile.keyKind };
  if (profile.organizationId) entry.organizationId = profile.organizationId;
  entry.apiVersion = profile.apiVersion;
  return [...list, entry];
}

/** The settings value without the named profile. */
export function withoutProfile(raw: unknown, name: string): unknown[] {
  return Array.isArray(raw) ? raw.filter((e) => !(e && typeof e === 'object' && (e as { name?: unknown }).name === name)) : [];
}

/**
 * One list from the scopes of `polytomic.profiles` (user, workspace, folder): a workspace adds profiles to the user's
 * instead of hiding them, and a later scope's entry replaces an earlier one of the same name in place.
 */
export function mergeProfileScopes(...scopes: unknown[]): unknown[] {
  const byName = new Map<string, unknown>();
  const unnamed: unknown[] = [];
  for (const scope of scopes) {
    if (!Array.isArray(scope)) continue;
    for (const entry of scope) {
      const name = entry && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
      if (typeof name === 'string') byName.set(name.trim(), entry);
      else unnamed.push(entry);
    }
  }
  return [...byName.values(), ...unnamed];
}
