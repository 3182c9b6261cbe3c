// A profile says where the Polytomic API is and how to talk to it: base URL, kind of key, API version.
// The key itself is never part of a profile; the extension keeps it in secret storage.

export type ApiVersion = '2025-09-18' | '2024-02-08' | '2023-04-25';
export const API_VERSIONS: readonly ApiVersion[] = ['2025-09-18', '2024-02-08', '2023-04-25'];

/** 'user' keys go out as Bearer; 'organization' (org-scoped or on-premises deployment) keys as Basic base64("<orgId>:<key>"). */
export type KeyKind = 'user' | 'organization';

export interface ApiProfile {
  name: string;
  baseUrl: string;
  keyKind: KeyKind;
  /** Required when keyKind is 'organization': it is the Basic-auth user name. */
  organizationId?: string;
  apiVersion: ApiVersion;
}

export const DEFAULT_BASE_URL = 'https://app.polytomic.com';
export const DEFAULT_API_VERSION: ApiVersion = '2025-09-18';

export function isApiVersion(value: unknown): value is ApiVersion {
  return typeof value === 'string' && (API_VERSIONS as readonly string[]).includes(value);
}

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts a plain http:// base URL may name. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
}

/** Returns a sentence saying what is wrong with the base URL, or undefined when it is usable. */
export function validateBaseUrl(url: string): string | undefined {
  const text = url.trim();
  if (text === '') return 'The base URL is empty. Use https://app.polytomic.com or your on-premises address.';
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return `"${text}" is not a URL. Write it in full, e.g. https://polytomic.example.com.`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `The base URL must start with https:// (found ${parsed.protocol}//).`;
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    return `Plain http:// is refused for ${parsed.hostname}: API keys would travel unencrypted. Use https://, or http:// only for localhost/127.0.0.1/::1.`;
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'The base URL must not contain a user name or password; the API key is entered separately.';
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    return 'The base URL must not contain a query (?...) or fragment (#...).';
  }
  return undefined;
}

/** The base URL without trailing slashes, so that endpoint paths ("/api/...") append cleanly. */
export function normalizeBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** Returns a sentence saying what is wrong with the profile as a whole, or undefined. */
export function validateProfile(profile: ApiProfile): string | undefined {
  const urlError = validateBaseUrl(profile.baseUrl);
  if (urlError) return `Profile "${profile.name}": ${urlError}`;
  if (!isApiVersion(profile.apiVersion)) {
    return `Profile "${profile.name}": API version "${String(profile.apiVersion)}" is not supported; choose one of ${API_VERSIONS.join(', ')}.`;
  }
  if (profile.keyKind === 'organization' && !profile.organizationId?.trim()) {
    return `Profile "${profile.name}": an organization key needs the organization id.`;
  }
  if (profile.keyKind !== 'user' && profile.keyKind !== 'organization') {
    return `Profile "${profile.name}": key kind must be "user" or "organization".`;
  }
  return undefined;
}
