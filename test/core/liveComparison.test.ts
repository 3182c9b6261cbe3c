import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithLive } from '../../core/src/liveComparison';
import { schemaSensitiveKeys, secretRule } from '../../core/src/sensitiveFields';
import type { Connection } from '../../core/src/api/types';

const schema = { properties: { hostname: { type: 'string' }, password: { type: 'string', sensitive: true }, port: { type: 'integer' } } };
const rule = secretRule(schemaSensitiveKeys(schema));
const live: Connection = {
  id: 'c1',
  name: 'Warehouse',
  type: { id: 'postgresql', name: 'PostgreSQL' },
  configuration: { hostname: 'db.example.com', password: '********', port: 5432 },
};

describe('Apply comparison', () => {
  test('a file that matches the live connection is equal, whatever the secret (it cannot be compared)', () => {
    const file = { id: 'c1', name: 'Warehouse', type: 'postgresql', configuration: { port: 5432, hostname: 'db.example.com', password: '${env:PG}' } };
    const c = compareWithLive(file, live, rule);
    assert.equal(c.equal, true);
    assert.equal(c.fileText, c.liveText);
  });

  test('a changed field shows on both sides; secrets stay masked on both, literal or placeholder', () => {
    const file = { name: 'Warehouse', type: 'postgresql', configuration: { hostname: 'db2.example.com', password: 'hunter2-literal', port: 5432 } };
    const c = compareWithLive(file, live, rule);
    assert.equal(c.equal, false);
    assert.match(c.fileText, /"hostname": "db2\.example\.com"/);
    assert.match(c.liveText, /"hostname": "db\.example\.com"/);
    assert.ok(!c.fileText.includes('hunter2'), 'the literal secret is masked on the file side');
    assert.match(c.fileText, /"password": "\*{8}"/);
    assert.match(c.liveText, /"password": "\*{8}"/);
  });

  test('nested secrets (no schema flag) are masked by name, and fields only one side has still show', () => {
    const apiLive: Connection = { id: 'a', name: 'API', type: { id: 'api' }, configuration: { url: 'https://x', auth: { basic: { username: 'u', password: 'plain-on-server' } } } };
    const file = { name: 'API', type: 'api', configuration: { url: 'https://x', auth: { basic: { username: 'u', password: 'other' } }, body: '{}' } };
    const c = compareWithLive(file, apiLive, secretRule(new Set()));
    assert.ok(!c.liveText.includes('plain-on-server'));
    assert.ok(!c.fileText.includes('other'));
    assert.match(c.fileText, /"body": "\{\}"/);
    assert.ok(!c.liveText.includes('"body"'));
  });

  test('optional envelope fields are compared only when the file sets them', () => {
    const withPolicies = { ...live, policies: ['p1'], healthcheck_interval: '1h' };
    const file = { name: 'Warehouse', type: 'postgresql', configuration: { hostname: 'db.example.com', password: 'x', port: 5432 } };
    assert.equal(compareWithLive(file, withPolicies, rule).equal, true);
    assert.equal(compareWithLive({ ...file, healthcheck_interval: '2h' }, withPolicies, rule).equal, false);
  });
});

describe('header pairs', () => {
  test('the value of a secret-named header is masked on both sides; other headers show', () => {
    const apiLive: Connection = {
      id: 'a',
      name: 'API',
      type: { id: 'api' },
      configuration: { url: 'https://x', headers: [{ name: 'Authorization', value: 'Bearer live-token-123' }, { name: 'Accept', value: 'application/json' }] },
    };
    const file = { name: 'API', type: 'api', configuration: { url: 'https://x', headers: [{ name: 'Authorization', value: 'Bearer file-token-456' }, { name: 'Accept', value: 'text/csv' }] } };
    const c = compareWithLive(file, apiLive, secretRule(new Set()));
    assert.ok(!c.liveText.includes('live-token-123'));
    assert.ok(!c.fileText.includes('file-token-456'));
    assert.match(c.liveText, /application\/json/);
    assert.match(c.fileText, /text\/csv/);
    const onlyLive = compareWithLive({ name: 'API', type: 'api', configuration: {} }, apiLive, secretRule(new Set()));
    assert.ok(!onlyLive.liveText.includes('live-token-123'), 'also when the file has no headers at all');
  });
});
