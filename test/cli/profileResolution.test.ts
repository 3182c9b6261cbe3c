// The trust rule and the profile resolution as functions: who named the base URL decides whether a key may go there.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiProfile } from '../../core/src/api/profile';
import { keyDestinationProblem, profileForSending, resolveProfile } from '../../cli/src/profileResolution';
import { CliError } from '../../cli/src/cliError';

const file = (baseUrl: string, extra: Partial<ApiProfile> = {}) => ({
  path: 'polytomic.profiles.json',
  profiles: [{ name: 'team', baseUrl, keyKind: 'user' as const, apiVersion: '2025-09-18' as const, ...extra }],
});

describe('resolveProfile and the trust rule', () => {
  test('no file, no flags: the public default, which may receive the key', () => {
    const resolved = resolveProfile({ env: {} });
    assert.equal(resolved.profile.baseUrl, 'https://app.polytomic.com');
    assert.equal(resolved.baseUrlFrom, 'default');
    assert.equal(keyDestinationProblem(resolved), undefined);
  });

  test('a file naming the public default (any case, trailing slash) may receive the key', () => {
    for (const url of ['https://app.polytomic.com', 'https://APP.polytomic.com/', 'https://app.polytomic.com//']) {
      assert.equal(keyDestinationProblem(resolveProfile({ profilesFile: file(url), env: {} })), undefined, url);
    }
  });

  test('a file naming anything else is refused, even a path under the default host', () => {
    for (const url of ['https://polytomic.attacker.example', 'https://app.polytomic.com/proxy', 'http://127.0.0.1:9999', 'https://app.polytomic.com.evil.example']) {
      const resolved = resolveProfile({ profilesFile: file(url), env: {} });
      assert.equal(resolved.baseUrlFrom, 'profiles-file');
      assert.match(keyDestinationProblem(resolved) ?? '', /pass --base-url/, url);
      assert.throws(() => profileForSending({ profilesFile: file(url), env: {} }), (e) => e instanceof CliError && e.exitCode === 2);
    }
  });

  test('the flag beats the environment, which beats the file; either confirms the address', () => {
    const both = resolveProfile({ profilesFile: file('https://a.example'), baseUrlFlag: 'https://b.example', env: { POLYTOMIC_BASE_URL: 'https://c.example' } });
    assert.equal(both.profile.baseUrl, 'https://b.example');
    assert.equal(both.baseUrlFrom, '--base-url');
    const env = resolveProfile({ profilesFile: file('https://a.example'), env: { POLYTOMIC_BASE_URL: 'https://a.example' } });
    assert.equal(env.baseUrlFrom, 'POLYTOMIC_BASE_URL');
    assert.equal(keyDestinationProblem(env), undefined);
    const blank = resolveProfile({ profilesFile: file('https://a.example'), baseUrlFlag: '  ', env: { POLYTOMIC_BASE_URL: '' } });
    assert.equal(blank.baseUrlFrom, 'profiles-file', 'an empty flag or variable names nothing');
  });

  test('the profile keeps the file\'s key kind and organization; the API version can be overridden', () => {
    const resolved = resolveProfile({
      profileName: 'team',
      profilesFile: file('https://a.example', { keyKind: 'organization', organizationId: 'org-1' }),
      apiVersionFlag: '2023-04-25',
      env: { POLYTOMIC_API_VERSION: '2024-02-08' },
    });
    assert.deepEqual(resolved.profile, { name: 'team', baseUrl: 'https://a.example', keyKind: 'organization', organizationId: 'org-1', apiVersion: '2023-04-25' });
  });
});
