// Unit tests of the error-to-range mapping: ajv errors to plain-words problems on the right path and part,
// branch selection for oneOf/anyOf/if, and the lazy locator that turns paths into offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapAjvErrors, toJsonPath } from '../../server/src/validation/errorMapping';
import { createAjv } from '../../server/src/validation/validators';
import { normaliseSchema } from '../../server/src/catalog/dialect';
import { locateAll } from '../../server/src/validation/locate';
import type { JsonSchema } from '../../server/src/catalog/types';
import { checkFieldRules } from '../../server/src/validation/fieldRules';

function problems(rawSchema: unknown, data: unknown) {
  const schema: JsonSchema = normaliseSchema(rawSchema);
  const validate = createAjv().compile(schema);
  assert.equal(validate(data), false, 'the fixture is invalid');
  return mapAjvErrors(validate.errors ?? [], { basePath: ['configuration'], data, schema }).map(({ code, message, path, target, data: d }) => ({
    code,
    message,
    path,
    target,
    ...(d === undefined ? {} : { data: d }),
  }));
}

test('instance paths become JSON paths, with numbers only for array items', () => {
  const data = { headers: [{ name: 'x' }], '0': { 'a/b': 1 } };
  assert.deepEqual(toJsonPath('/headers/0/name', data), ['headers', 0, 'name']);
  assert.deepEqual(toJsonPath('/0/a~1b', data), ['0', 'a/b']);
  assert.deepEqual(toJsonPath('', data), []);
});

test('a missing field is reported on the enclosing object, with the value its quick fix inserts', () => {
  const schema = { type: 'object', required: ['port', 'mode'], properties: { port: { type: 'integer', default: 5432 }, mode: { enum: [{ value: 'a', label: 'A' }] } } };
  assert.deepEqual(problems(schema, {}), [
    {
      code: 'missing-required',
      message: 'missing required field `port` in `configuration`',
      path: ['configuration'],
      target: 'key',
      data: { objectPath: ['configuration'], field: 'port', value: 5432 },
    },
    {
      code: 'missing-required',
      message: 'missing required field `mode` in `configuration`',
      path: ['configuration'],
      target: 'key',
      data: { objectPath: ['configuration'], field: 'mode', value: 'a' },
    },
  ]);
});

test('type, enum and format errors are on the value; unknown keys on the key, with a suggestion', () => {
  const schema = {
    type: 'object',
    properties: {
      auth: {
        type: 'object',
        additionalProperties: false,
        properties: { username: { type: 'string' }, style: { type: 'integer' }, kind: { enum: [{ value: 'x', label: 'Ex' }, { value: 'y', label: 'y' }] } },
      },
      site: { type: 'string', format: 'uri' },
    },
  };
  assert.deepEqual(problems(schema, { auth: { usernme: 'me', style: '1', kind: 'z' }, site: 'nope' }), [
    { code: 'unknown-field', message: 'unknown field `usernme` in `auth` (did you mean `username`?)', path: ['configuration', 'auth', 'usernme'], target: 'key', data: { suggestion: 'username' } },
    { code: 'wrong-type', message: '`style` must be an integer', path: ['configuration', 'auth', 'style'], target: 'value' },
    { code: 'enum', message: '`kind` must be one of: x (Ex), y', path: ['configuration', 'auth', 'kind'], target: 'value' },
    { code: 'format', message: '`site` must be a full URI, such as https://example.com', path: ['configuration', 'site'], target: 'value' },
  ]);
});

test('array items are named by their list and index', () => {
  const schema = { properties: { headers: { type: 'array', items: { type: 'object', required: ['name'] } } } };
  assert.deepEqual(problems(schema, { headers: [{ name: 'a' }, {}] }).map((p) => [p.message, p.path]), [
    ['missing required field `name` in `headers[1]`', ['configuration', 'headers', 1]],
  ]);
});

test('${env:} and ${secret:} references pass enum, format, pattern and length, but not a non-string type', () => {
  const schema = {
    properties: {
      mode: { type: 'string', enum: ['a'] },
      site: { type: 'string', format: 'uri' },
      code: { type: 'string', pattern: '^[0-9]+$', maxLength: 3 },
      port: { type: 'integer' },
      bad: { type: 'string', enum: ['a'] },
    },
  };
  const data = { mode: '${env:MODE}', site: '${secret:SITE}', code: '${env:CODE_VALUE}', port: '${env:PORT}', bad: '${env:}' };
  assert.deepEqual(problems(schema, data).map((p) => p.message), ['`port` must be an integer', '`bad` must be one of: a']);
});

const BRANCHING = {
  type: 'object',
  required: ['auth_mode'],
  properties: { auth_mode: { type: 'string' }, key: { type: 'string' }, secret: { type: 'string' }, role: { type: 'string' } },
  oneOf: [
    { properties: { auth_mode: { const: 'key' } }, required: ['key', 'secret'] },
    { properties: { auth_mode: { const: 'role' } }, required: ['role'] },
  ],
};

test('oneOf: errors come from the branch whose discriminator matches, without the summary', () => {
  assert.deepEqual(problems(BRANCHING, { auth_mode: 'key', key: 'k' }).map((p) => p.message), ['missing required field `secret` in `configuration`']);
  assert.deepEqual(problems(BRANCHING, { auth_mode: 'role' }).map((p) => p.message), ['missing required field `role` in `configuration`']);
});

test('oneOf: a discriminator no branch accepts is one enum error listing every branch value', () => {
  assert.deepEqual(problems(BRANCHING, { auth_mode: 'token' }), [
    { code: 'enum', message: '`auth_mode` must be one of: key, role', path: ['configuration', 'auth_mode'], target: 'value' },
  ]);
});

test('anyOf over types: one error naming the types allowed', () => {
  const schema = { properties: { port: { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\$' }] } } };
  assert.deepEqual(problems(schema, { port: true }).map((p) => p.message), ['`port` must be an integer or a string']);
});

test('if/then: the then-errors stand, without "must match then schema"', () => {
  const schema = {
    properties: { ssh: { type: 'boolean' }, ssh_host: { type: 'string' } },
    allOf: [{ if: { properties: { ssh: { const: true } }, required: ['ssh'] }, then: { required: ['ssh_host'] } }],
  };
  assert.deepEqual(problems(schema, { ssh: true }).map((p) => p.message), ['missing required field `ssh_host` in `configuration`']);
});

test('the locator finds keys and values, falls back to the nearest ancestor, and marks the root by its brace', () => {
  const text = '{\n  "configuration": { "port": "x", "port": "y", "headers": [ 1, { "name": 1 } ], "other": { "deep": [0] } }\n}';
  const requests = [
    { path: ['configuration', 'port'], target: 'value' },
    { path: ['configuration', 'port'], target: 'key' },
    { path: ['configuration'], target: 'key' },
    { path: ['configuration', 'headers', 1, 'name'], target: 'value' },
    { path: ['configuration', 'headers', 1], target: 'key' },
    { path: ['configuration', 'headers'], target: 'value' },
    { path: ['configuration', 'missing', 'deeper'], target: 'value' },
    { path: [], target: 'key' },
    { path: [], target: 'value' },
  ] as const;
  const spans = locateAll(text, requests.map((r) => ({ path: [...r.path], target: r.target })));
  const at = (i: number) => text.slice(spans[i].offset, spans[i].offset + spans[i].length);
  const position = (i: number) => spans[i].offset;
  assert.equal(at(0), '"y"', 'a duplicate key: the value that counts, the last');
  assert.equal(at(1), '"port"');
  assert.equal(position(1), text.lastIndexOf('"port"'));
  assert.equal(at(2), '"configuration"');
  assert.equal(at(3), '1');
  assert.equal(position(3), text.indexOf('"name": 1') + 8);
  assert.equal(at(4), '{ "name": 1 }');
  assert.equal(at(5), '[ 1, { "name": 1 } ]');
  assert.equal(at(6), '"configuration"');
  assert.equal(at(7), '{');
  assert.equal(at(8), text);
});

test('the locator copes with a document cut short', () => {
  const text = '{ "configuration": { "port": ';
  const [span] = locateAll(text, [{ path: ['configuration', 'port'], target: 'value' }]);
  assert.equal(text.slice(span.offset, span.offset + span.length), '"port"', 'the key of the value that is missing');
});

test('other constraints in plain words; a pattern is explained by the schema\'s example', () => {
  const schema = {
    properties: {
      name: { type: 'string', minLength: 1 },
      interval: { type: 'string', pattern: '^[0-9]+[hms]$', examples: ['3h'] },
      code: { type: 'string', pattern: '^[A-Z]+$' },
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      scopes: { type: 'array', uniqueItems: true, minItems: 1 },
      tags: { type: 'array', minItems: 1 },
    },
  };
  const data = { name: '', interval: 'often', code: 'abc', port: 70000, scopes: ['a', 'a'], tags: [] };
  assert.deepEqual(problems(schema, data).map((p) => p.message), [
    '`name` must not be empty',
    '`interval` is not in the expected form, such as 3h',
    '`code` must match the pattern ^[A-Z]+$',
    '`port` must be at most 65535',
    '`scopes` must not list the same item twice (items 0 and 1 are equal)',
    '`tags` must list at least 1 item',
  ]);
});

test('unknown keys: flagged where a schema lists its properties only, never where $ref may add more', () => {
  const listed = normaliseSchema({ properties: { hostname: { type: 'string' } } });
  const withRef = normaliseSchema({ $defs: { base: { properties: { port: { type: 'integer' } } } }, allOf: [{ $ref: '#/$defs/base' }], properties: { hostname: { type: 'string' } } });
  const rules = (schema: JsonSchema) =>
    checkFieldRules({ hostnme: 'h', port: 1 }, schema, ['configuration'], { unknownFields: true, readOnly: false, secrets: false, deep: true }).map((p) => p.message);
  assert.deepEqual(rules(listed), ['unknown field `hostnme` in `configuration` (did you mean `hostname`?)', 'unknown field `port` in `configuration`']);
  assert.deepEqual(rules(withRef), []);
});
