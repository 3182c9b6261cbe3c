import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiKeySecretName, chooseActiveProfile, mergeProfileScopes, parseProfiles, validateProfileName, withoutProfile, withProfile } from '../../core/src/profiles/profileSettings';

const staging = { name: 'staging', baseUrl: 'https://staging.example.com', keyKind: 'user', apiVersion: '2025-09-18' };
const prod = { name: 'production', baseUrl: 'https://app.polytomic.com', keyKind: 'organization', organizationId: 'org-1', apiVersion: '2024-02-08' };

describe('profile settings', () => {
  test('valid entries are read; bad ones are skipped with a reason', () => {
    const { profiles, problems } = parseProfiles([
      staging,
      prod,
      { name: 'plain', baseUrl: 'http://example.com', keyKind: 'user', apiVersion: '2025-09-18' },
      { name: 'org', baseUrl: 'https://a.example.com', keyKind: 'organization', apiVersion: '2025-09-18' },
      { baseUrl: 'https://x' },
      { ...staging },
    ]);
    assert.deepEqual(profiles.map((p) => p.name), ['staging', 'production']);
    assert.equal(profiles[1]?.organizationId, 'org-1');
    assert.equal(problems.length, 4);
    assert.match(problems[0] ?? '', /Plain http:\/\/ is refused/);
    assert.match(problems[1] ?? '', /organization id/);
    assert.match(problems[2] ?? '', /no name/);
    assert.match(problems[3] ?? '', /listed twice/);
  });

  test('the loopback emulator URL is accepted', () => {
    assert.equal(parseProfiles([{ name: 'emulator', baseUrl: 'http://127.0.0.1:4010', keyKind: 'user', apiVersion: '2025-09-18' }]).profiles.length, 1);
  });

  test('active profile: workspace choice, else default setting, else first', () => {
    const { profiles } = parseProfiles([staging, prod]);
    assert.equal(chooseActiveProfile(profiles, 'production', 'staging')?.name, 'production');
    assert.equal(chooseActiveProfile(profiles, 'deleted', 'production')?.name, 'production');
    assert.equal(chooseActiveProfile(profiles, undefined, undefined)?.name, 'staging');
    assert.equal(chooseActiveProfile([], 'x', 'y'), undefined);
  });

  test('adding replaces by name and keeps the others; removing drops only the named one', () => {
    const added = withProfile([staging, prod], { name: 'staging', baseUrl: 'https://new.example.com', keyKind: 'user', apiVersion: '2023-04-25' });
    assert.deepEqual(added, [prod, { name: 'staging', baseUrl: 'https://new.example.com', keyKind: 'user', apiVersion: '2023-04-25' }]);
    assert.deepEqual(withoutProfile([staging, prod], 'staging'), [prod]);
    assert.ok(!JSON.stringify(added).toLowerCase().includes('key"'), 'no key field is ever written');
  });

  test('names', () => {
    assert.equal(validateProfileName(' ', []), 'Give the profile a name, e.g. staging or production.');
    assert.match(validateProfileName('staging', ['staging']) ?? '', /exists already/);
    assert.match(validateProfileName('a/b', []) ?? '', /cannot contain/);
    assert.equal(validateProfileName('prod', ['staging']), undefined);
    assert.equal(apiKeySecretName('prod'), 'polytomic.apiKey/prod');
  });
});

describe('profile scopes', () => {
  test('workspace profiles add to the user\'s; the same name is replaced in place', () => {
    const user = [staging, prod];
    const workspace = [{ ...staging, baseUrl: 'https://ws.example.com' }, { name: 'emulator', baseUrl: 'http://127.0.0.1:1' }];
    const merged = mergeProfileScopes(user, workspace, undefined) as { name: string; baseUrl: string }[];
    assert.deepEqual(merged.map((p) => [p.name, p.baseUrl]), [
      ['staging', 'https://ws.example.com'],
      ['production', 'https://app.polytomic.com'],
      ['emulator', 'http://127.0.0.1:1'],
    ]);
    assert.deepEqual(mergeProfileScopes(undefined, 'not a list', null), []);
  });
});
