import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { collectSecretValues, isSensitiveKeyName, REDACTED, redactConfiguration, SecretScrubber } from '../../core/src/api/redaction';

describe('sensitive names', () => {
  test('recognises the usual secret field names in any case style', () => {
    for (const name of ['password', 'passwd', 'client_secret', 'api_key', 'apiKey', 'private_key', 'ssh_private_key', 'private_key_passphrase', 'access_token', 'credentials', 'Authorization', 'X-Api-Key']) {
      assert.ok(isSensitiveKeyName(name), name);
    }
    for (const name of ['hostname', 'username', 'port', 'database', 'ssl', 'url', 'account']) {
      assert.ok(!isSensitiveKeyName(name), name);
    }
  });
});

describe('redactConfiguration', () => {
  test('replaces nested secrets, secret-named header values and caller-listed keys', () => {
    const config = {
      hostname: 'db.example.com',
      password: 'hunter22',
      service_account: { private_key: 'pk', client_email: 'svc@example.com' },
      auth: { basic: { username: 'u', password: 'p4ss' }, oauth: { client_secret: 'cs' } },
      headers: [{ name: 'Authorization', value: 'Bearer abc' }, { name: 'Accept', value: 'json' }],
      ssl: true,
    };
    assert.deepEqual(redactConfiguration(config, ['service_account']), {
      hostname: 'db.example.com',
      password: REDACTED,
      service_account: REDACTED,
      auth: { basic: { username: 'u', password: REDACTED }, oauth: { client_secret: REDACTED } },
      headers: [{ name: 'Authorization', value: REDACTED }, { name: 'Accept', value: 'json' }],
      ssl: true,
    });
  });

  test('keeps booleans under sensitive-looking names (flags, not secrets)', () => {
    assert.deepEqual(redactConfiguration({ key_pair_auth: false }), { key_pair_auth: false });
  });
});

describe('collectSecretValues and SecretScrubber', () => {
  test('collects every string under a sensitive key', () => {
    const found = collectSecretValues({ configuration: { credentials: { a: 'one-secret', b: ['two-secret'] }, host: 'h' } });
    assert.deepEqual(found.sort(), ['one-secret', 'two-secret']);
  });

  test('scrubs secrets from text, longest first, and leaves masks and short strings alone', () => {
    const scrubber = new SecretScrubber(['abcd', 'abcdefgh', '********', 'ab']);
    assert.equal(scrubber.scrub('x abcdefgh y abcd z ab ********'), `x ${REDACTED} y ${REDACTED} z ab ********`);
  });
});
