import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeMissing, findPlaceholders, placeholderName, resolvePlaceholders } from '../../core/src/placeholders';

const sources = (env: Record<string, string>, secrets: Record<string, string>) => ({
  env: (name: string) => env[name],
  secret: async (name: string) => secrets[name],
});

describe('placeholders', () => {
  test('env and secret placeholders resolve deep inside the configuration, embedded ones too', async () => {
    const config = {
      hostname: 'db',
      password: '${env:PG_PASSWORD}',
      auth: { header: { value: 'Bearer ${secret:API_TOKEN}' } },
      list: ['${env:PG_PASSWORD}', 5],
    };
    const out = await resolvePlaceholders(config, sources({ PG_PASSWORD: 'pw-1' }, { API_TOKEN: 'tok-2' }));
    assert.deepEqual(out.value, { hostname: 'db', password: 'pw-1', auth: { header: { value: 'Bearer tok-2' } }, list: ['pw-1', 5] });
    assert.deepEqual(out.missing, []);
    assert.deepEqual(out.resolvedValues.sort(), ['pw-1', 'pw-1', 'tok-2']);
    assert.equal(config.password, '${env:PG_PASSWORD}', 'the input is not modified');
  });

  test('a missing placeholder is reported with its name and where it is used', async () => {
    const out = await resolvePlaceholders({ a: '${env:NOPE}', b: { c: '${secret:GONE}' } }, sources({}, {}));
    assert.deepEqual(out.missing, [
      { kind: 'env', name: 'NOPE', path: 'configuration.a' },
      { kind: 'secret', name: 'GONE', path: 'configuration.b.c' },
    ]);
    const message = describeMissing(out.missing);
    assert.match(message, /environment variable NOPE \(for configuration\.a\)/);
    assert.match(message, /secret GONE \(for configuration\.b\.c; set it with "Polytomic: Set Secret"\)/);
  });

  test('an empty environment variable counts as set', async () => {
    const out = await resolvePlaceholders({ a: '${env:EMPTY}' }, sources({ EMPTY: '' }, {}));
    assert.deepEqual(out.value, { a: '' });
    assert.deepEqual(out.missing, []);
  });

  test('findPlaceholders lists them in order', () => {
    assert.deepEqual(findPlaceholders({ x: '${env:A}-${secret:B}' }), [
      { kind: 'env', name: 'A', path: 'configuration.x' },
      { kind: 'secret', name: 'B', path: 'configuration.x' },
    ]);
  });

  test('generated names are valid environment variable names', () => {
    assert.equal(placeholderName('Sales Warehouse', 'password'), 'SALES_WAREHOUSE_PASSWORD');
    assert.equal(placeholderName('3rd party', 'auth', 'basic', 'password'), '_3RD_PARTY_AUTH_BASIC_PASSWORD');
    assert.equal(placeholderName('clientSecret'), 'CLIENT_SECRET');
  });
});
