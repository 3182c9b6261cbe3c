import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprint, FingerprintStorage, fingerprintScope, recordSent, secretFieldValues, secretStatuses } from '../../core/src/secretFingerprints';
import { secretRule } from '../../core/src/sensitiveFields';

/** SecretStorage as a Map, the way the extension implements the storage. */
function memoryStorage(): FingerprintStorage & { entries: Map<string, Record<string, string>> } {
  const entries = new Map<string, Record<string, string>>();
  return {
    entries,
    key: async () => 'hmac-key-from-secret-storage',
    read: async (scope) => entries.get(scope),
    write: async (scope, fingerprints) => void (fingerprints ? entries.set(scope, fingerprints) : entries.delete(scope)),
  };
}

describe('secret fingerprints', () => {
  const scope = fingerprintScope('staging', 'c1');

  test('say changed, unchanged, or unknown (nothing recorded, or a value not resolvable yet)', async () => {
    const storage = memoryStorage();
    assert.deepEqual(await secretStatuses(storage, scope, { 'configuration.password': 'pw-1' }), { 'configuration.password': 'unknown' });
    await recordSent(storage, scope, { 'configuration.password': 'pw-1' });
    assert.deepEqual(await secretStatuses(storage, scope, { 'configuration.password': 'pw-1' }), { 'configuration.password': 'unchanged' });
    assert.deepEqual(await secretStatuses(storage, scope, { 'configuration.password': 'pw-2' }), { 'configuration.password': 'changed' });
    assert.deepEqual(await secretStatuses(storage, scope, { 'configuration.password': undefined }), { 'configuration.password': 'unknown' });
    assert.deepEqual(await secretStatuses(storage, fingerprintScope('production', 'c1'), { 'configuration.password': 'pw-1' }), { 'configuration.password': 'unknown' });
  });

  test('keep no value, and cannot be checked against a guess without the key', async () => {
    const storage = memoryStorage();
    await recordSent(storage, scope, { 'configuration.password': 'pw-secret-1' });
    const stored = JSON.stringify([...storage.entries]);
    assert.ok(!stored.includes('pw-secret-1'));
    // A guess checked with any key but the stored one does not match.
    assert.notEqual(fingerprint('', scope, 'configuration.password', 'pw-secret-1'), storage.entries.get(scope)!['configuration.password']);
    assert.notEqual(fingerprint('hmac-key-from-secret-storage', scope, 'configuration.other', 'pw-secret-1'), storage.entries.get(scope)!['configuration.password']);
  });

  test('the secret fields of a file: placeholders and literal secrets, with their resolved values', () => {
    const configuration = { hostname: '${env:HOST}', password: '${secret:PG}', port: 5432, auth: { token: 'literal' }, masked: '********' };
    const resolved = { hostname: 'db.example.com', password: '${secret:PG}', port: 5432, auth: { token: 'literal' }, masked: '********' };
    assert.deepEqual(secretFieldValues(configuration, resolved, secretRule(new Set(['password']))), {
      'configuration.hostname': 'db.example.com',
      'configuration.password': undefined,
      'configuration.auth.token': 'literal',
    });
  });
});
