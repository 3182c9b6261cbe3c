import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeTestFailure, fieldPath } from '../../core/src/testFailure';

describe('a failed connection test', () => {
  test('says what Polytomic said about the upstream, and names the fields of the file it quotes', () => {
    const failure = describeTestFailure(
      'connection test failed: could not reach `hostname` (db.unreachable.example): dial tcp: lookup db.unreachable.example: no such host',
      undefined,
      { hostname: 'db.unreachable.example', port: 5432 },
    );
    assert.equal(failure.reason, 'could not reach `hostname` (db.unreachable.example): dial tcp: lookup db.unreachable.example: no such host');
    assert.deepEqual(failure.fields, ['hostname']);
  });

  test('field errors and nested paths count only when the file has them', () => {
    const failure = describeTestFailure('bad `auth.basic.username` and `nope`', [{ field: 'configuration.port', message: 'too big' }, { field: 'ghost', message: 'x' }], {
      port: 99999,
      auth: { basic: { username: 'u' } },
    });
    assert.deepEqual(failure.fields, ['port', 'auth.basic.username']);
    assert.deepEqual(fieldPath('headers[1].value'), ['headers', 1, 'value']);
    assert.equal(describeTestFailure(undefined, undefined, {}).reason, 'Polytomic gave no reason');
  });
});
