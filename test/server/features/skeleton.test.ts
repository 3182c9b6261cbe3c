import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, type ParseError } from 'jsonc-parser';
import { buildSkeleton, UnknownTypeError } from '../../../server/src/features/skeleton';
import { schemaErrors } from './ajvValidator';
import { BUNDLED_CATALOG, FIXTURE_CATALOG, TestCatalog } from './testCatalog';

function parseSkeleton(text: string) {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: false });
  assert.deepEqual(errors, [], 'the skeleton is well-formed JSONC');
  return value;
}

describe('skeleton', () => {
  const fixtures = new TestCatalog([FIXTURE_CATALOG]);

  test('holds name, type and every required field, formatted, with a comment on each field left to fill in', () => {
    const text = buildSkeleton(fixtures, 'postgresql', { name: 'Warehouse DB' });
    assert.equal(
      text,
      [
        '{',
        '  "name": "Warehouse DB",',
        '  "type": "postgresql",',
        '  "configuration": {',
        '    "hostname": "", // Hostname, e.g. "database.example.com"',
        '    "username": "", // Username, e.g. "postgres"',
        '    "password": "${env:POSTGRESQL_PASSWORD}", // Password: set POSTGRESQL_PASSWORD in the environment',
        '    "database": "", // Database, e.g. "sampledb"',
        '    "port": 5432',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('without a name it names the connection after the type', () => {
    assert.equal(parseSkeleton(buildSkeleton(fixtures, 'postgresql')).name, 'PostgreSQL connection');
  });

  test('follows $ref, the if/then branch its defaults select, and the first oneOf branch', () => {
    const value = parseSkeleton(buildSkeleton(fixtures, 'warehouse'));
    assert.deepEqual(value.configuration, {
      auth_mode: 'access_key',
      region: 'us-east-1',
      access_key_id: '',
      secret_access_key: '${env:WAREHOUSE_SECRET_ACCESS_KEY}',
      format: 'csv',
    });
    assert.deepEqual(schemaErrors(fixtures.getConfigurationSchema('warehouse')!, value.configuration), []);
  });

  test('format-typed strings get a sample that satisfies the format', () => {
    const value = parseSkeleton(buildSkeleton(fixtures, 'apiish'));
    assert.deepEqual(value.configuration, { url: 'https://example.com' });
    assert.deepEqual(schemaErrors(fixtures.getConfigurationSchema('apiish')!, value.configuration), []);
  });

  test('an unknown type is refused with a clear message', () => {
    assert.throws(() => buildSkeleton(fixtures, 'nope'), (error: unknown) => error instanceof UnknownTypeError && /Unknown connection type "nope"/.test(error.message));
  });

  test('every bundled type: the skeleton validates against its type schema and the envelope', () => {
    const bundled = new TestCatalog([BUNDLED_CATALOG], { bundledDir: BUNDLED_CATALOG });
    const types = bundled.listTypes();
    assert.ok(types.length >= 19, 'the bundled catalog is there');
    for (const type of types) {
      const value = parseSkeleton(buildSkeleton(bundled, type.id));
      assert.equal(value.type, type.id);
      assert.deepEqual(schemaErrors(bundled.getConfigurationSchema(type.id)!, value.configuration), [], `${type.id} configuration`);
      assert.deepEqual(schemaErrors(bundled.getEnvelopeSchema(), value), [], `${type.id} envelope`);
    }
  });
});
