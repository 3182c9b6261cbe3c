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
        password: '${env:SALES_WAREHOUSE_PASSWORD}',
        nested: { client_secret: '${env:SALES_WAREHOUSE_NESTED_CLIENT_SECRET}' },
      },
    });
    assert.ok(!out.text.includes('***'));
    assert.deepEqual(out.placeholders, ['${env:SALES_WAREHOUSE_PASSWORD}', '${env:SALES_WAREHOUSE_NESTED_CLIENT_SECRET}']);
  });

  test('secret placeholders when asked', () => {
    const out = connectionToFileText(live, { placeholderKind: 'secret' });
    assert.match(out.text, /"\$\{secret:SALES_WAREHOUSE_PASSWORD\}"/);
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
    assert.deepEqual(out.placeholders, ['${env:SALES_WAREHOUSE_NESTED_CLIENT_SECRET}']);
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
    assert.match(out.text, /"value": "\$\{env:PARTNER_API_HEADERS_0_VALUE\}"/);
    assert.match(out.text, /"password": "\$\{env:PARTNER_API_AUTH_BASIC_PASSWORD\}"/);
    assert.match(out.text, /"value": "application\/json"/);
    assert.match(out.text, /"username": "u"/);
  });
});
