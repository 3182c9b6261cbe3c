// Polytomic: Add Profile: name, base URL (cloud or on-premises), key kind (+ organization id), key, API version.
// The profile goes to the settings; the key only to SecretStorage. The key is checked with one call first: a key
// Polytomic refuses is said at once, with the choice to enter it again.
import { API_VERSIONS, ApiProfile, ApiVersion, DEFAULT_BASE_URL, KeyKind, validateBaseUrl } from '../../../core/src/api/profile';
import { validateProfileName } from '../../../core/src/profiles/profileSettings';
import { checkApiKey } from '../profiles/keyCheck';
import type { Services } from '../services';

const TITLE = 'Add Polytomic Profile';

export async function addProfile(services: Services): Promise<string | undefined> {
  const ui = services.prompts.current;
  const existing = services.profiles.list().map((p) => p.name);
  const name = await ui.input({
    title: `${TITLE} (1/5)`,
    prompt: 'A name for this profile',
    placeHolder: 'e.g. staging or production',
    validateInput: (value) => validateProfileName(value, existing),
  });
  if (name === undefined || validateProfileName(name, existing)) return undefined;

  const where = await ui.pick(
    [
      { label: 'Polytomic Cloud', description: DEFAULT_BASE_URL, value: DEFAULT_BASE_URL },
      { label: 'On-premises or another address...', description: 'Enter the base URL', value: '' },
    ],
    { title: `${TITLE} (2/5)`, placeHolder: 'Where is Polytomic?' },
  );
  if (!where) return undefined;
  let baseUrl = where.value;
  if (!baseUrl) {
    const entered = await ui.input({
      title: `${TITLE} (2/5)`,
      prompt: 'The base URL of your Polytomic deployment',
      placeHolder: 'https://polytomic.example.com',
      validateInput: (value) => validateBaseUrl(value),
    });
    if (entered === undefined || validateBaseUrl(entered)) return undefined;
    baseUrl = entered.trim().replace(/\/+$/, '');
  }

  const kind = await ui.pick(
    [
      { label: 'User API key', description: 'sent as a Bearer token', value: 'user' as KeyKind },
      { label: 'Organization or deployment key', description: 'needs the organization id', value: 'organization' as KeyKind },
    ],
    { title: `${TITLE} (3/5)`, placeHolder: 'Which kind of key?' },
  );
  if (!kind) return undefined;
  let organizationId: string | undefined;
  if (kind.value === 'organization') {
    organizationId = await ui.input({
      title: `${TITLE} (3/5)`,
      prompt: 'The organization id the key belongs to',
      placeHolder: '00000000-0000-0000-0000-000000000000',
      validateInput: (value) => (value.trim() === '' ? 'An organization key needs the organization id.' : undefined),
    });
    if (!organizationId?.trim()) return undefined;
    organizationId = organizationId.trim();
  }

  const askKey = () =>
    ui.input({
      title: `${TITLE} (4/5)`,
      prompt: `The API key for "${name.trim()}" (kept in VS Code's secret storage, never in settings)`,
      password: true,
      validateInput: (value) => (value.trim() === '' ? 'Paste the API key.' : undefined),
    });
  let apiKey = await askKey();
  if (!apiKey?.trim()) return undefined;

  const version = await ui.pick(
    API_VERSIONS.map((v, i) => ({ label: v, description: i === 0 ? 'latest' : undefined, value: v as ApiVersion })),
    { title: `${TITLE} (5/5)`, placeHolder: 'API version (X-Polytomic-Version)' },
  );
  if (!version) return undefined;

  const profile: ApiProfile = { name: name.trim(), baseUrl, keyKind: kind.value, apiVersion: version.value };
  if (organizationId) profile.organizationId = organizationId;
  for (;;) {
    const check = await checkApiKey(profile, apiKey.trim(), services.output);
    if (check.ok) break;
    const again = 'Enter the Key Again';
    const keep = 'Save Anyway';
    const picked = await ui.notify(
      check.refused ? 'error' : 'warning',
      check.refused
        ? `Polytomic refused the API key for "${profile.name}": ${check.message}`
        : `Could not check the API key for "${profile.name}": ${check.message}`,
      again,
      keep,
    );
    if (picked === keep) break;
    if (picked !== again) return undefined;
    apiKey = await askKey();
    if (!apiKey?.trim()) return undefined;
  }
  await services.profiles.add(profile, apiKey.trim());
  void ui.notify('info', `Profile "${profile.name}" added to your user settings and made active here. Its key is in VS Code's secret storage.`);
  return profile.name;
}
