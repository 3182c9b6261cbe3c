// The Authorization header for a profile: a user API key as Bearer; an organization-scoped or on-premises
// deployment key as Basic base64("<organization id>:<key>").

import type { ApiProfile } from './profile';

export function authorizationHeader(profile: Pick<ApiProfile, 'keyKind' | 'organizationId'>, apiKey: string): string {
  if (profile.keyKind === 'organization') {
    const credentials = `${profile.organizationId ?? ''}:${apiKey}`;
    return `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
  }
  return `Bearer ${apiKey}`;
}
