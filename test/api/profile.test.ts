import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { authorizationHeader } from '../../core/src/api/auth';
import { PolytomicClient } from '../../core/src/api/client';
import { DEFAULT_API_VERSION, DEFAULT_BASE_URL, isLoopbackHost, validateBaseUrl, validateProfile } from '../../core/src/api/profile';

describe('validateBaseUrl', () => {
  test('accepts the default and other https addresses', () => {
    assert.equal(validateBaseUrl(DEFAULT_BASE_URL), undefined);
    assert.equal(validateBaseUrl('https://polytomic.internal.example.com/prefix/'), undefined);
    assert.equal(DEFAULT_API_VERSION, '2025-09-18');
  });

  test('accepts plain http only for loopback hosts', () => {
    for (const url of ['http://localhost:8080', 'http://127.0.0.1:1', 'http://127.255.0.9', 'http://[::1]:9000']) {
      assert.equal(validateBaseUrl(url), undefined, url);
    }
    for (const url of ['http://app.polytomic.com', 'http://10.0.0.5', 'http://128.0.0.1', 'http://localhost.example.com']) {
      assert.match(validateBaseUrl(url) ?? '', /Plain http:\/\/ is refused/, url);
    }
  });

  test('names what is wrong with other bad input', () => {
    assert.match(validateBaseUrl('') ?? '', /empty/);
    assert.match(validateBaseUrl('app.polytomic.com') ?? '', /not a URL/);
    assert.match(validateBaseUrl('ftp://app.polytomic.com') ?? '', /must start with https/);
    assert.match(validateBaseUrl('https://user:pw@app.polytomic.com') ?? '', /user name or password/);
    assert.match(validateBaseUrl('https://app.polytomic.com/?x=1') ?? '', /query/);
  });

  test('loopback detection rejects look-alikes', () => {
    assert.equal(isLoopbackHost('127.0.0.300'), false);
    assert.equal(isLoopbackHost('LOCALHOST'), true);
    assert.equal(isLoopbackHost('[::1]'), true);
  });
});

describe('profiles and keys', () => {
  test('an organization key needs the organization id', () => {
    const problem = validateProfile({ name: 'onprem', baseUrl: DEFAULT_BASE_URL, keyKind: 'organization', apiVersion: '2024-02-08' });
    assert.match(problem ?? '', /organization id/);
  });

  test('an unknown API version is refused by name', () => {
    const problem = validateProfile({ name: 'p', baseUrl: DEFAULT_BASE_URL, keyKind: 'user', apiVersion: '2021-05-23' as never });
    assert.match(problem ?? '', /"2021-05-23" is not supported/);
  });

  test('user keys are Bearer, organization keys Basic base64("<org>:<key>")', () => {
    assert.equal(authorizationHeader({ keyKind: 'user' }, 'k1'), 'Bearer k1');
    const basic = authorizationHeader({ keyKind: 'organization', organizationId: 'org-1' }, 'k2');
    assert.equal(Buffer.from(basic.replace(/^Basic /, ''), 'base64').toString('utf8'), 'org-1:k2');
  });

  test('the client refuses an http:// base URL that is not loopback, and an empty key', () => {
    const profile = { name: 'staging', baseUrl: 'http://polytomic.example.com', keyKind: 'user' as const, apiVersion: DEFAULT_API_VERSION };
    assert.throws(() => new PolytomicClient({ profile, apiKey: 'k' }), /Profile "staging": Plain http:\/\/ is refused/);
    assert.throws(
      () => new PolytomicClient({ profile: { ...profile, baseUrl: DEFAULT_BASE_URL }, apiKey: '  ' }),
      /Profile "staging" has no API key/,
    );
  });
});
