// Unit tests of the dialect normaliser: Polytomic's schema dialect in, the JsonSchema of types.ts out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseSchema } from '../../server/src/catalog/dialect';
import { createAjv } from '../../server/src/validation/validators';

test('{value, label} enum entries become plain values with parallel labels', () => {
  const schema = normaliseSchema({
    type: 'string',
    enum: [{ value: '1.0', label: 'Version one' }, { value: '2.0' }, 'legacy'],
  });
  assert.deepEqual(schema.enum, ['1.0', '2.0', 'legacy']);
  assert.deepEqual(schema['x-enum-labels'], ['Version one', undefined, undefined]);
});

test('a plain enum stays as it is, without labels', () => {
  const schema = normaliseSchema({ enum: ['a', 'b', { nested: true }] });
  assert.deepEqual(schema.enum, ['a', 'b', { nested: true }]);
  assert.equal('x-enum-labels' in schema, false);
});

test('readonly becomes readOnly; an explicit readOnly wins', () => {
  assert.equal(normaliseSchema({ readonly: true }).readOnly, true);
  assert.equal('readonly' in normaliseSchema({ readonly: true }), false);
  assert.equal(normaliseSchema({ readonly: true, readOnly: false }).readOnly, false);
});

test('every subschema is normalised: properties, items, branches, $defs', () => {
  const schema = normaliseSchema({
    properties: { mode: { enum: [{ value: 'x', label: 'X' }] }, list: { items: { readonly: true } } },
    allOf: [{ if: { properties: { mode: { const: 'x' } } }, then: { properties: { key: { readonly: true } } } }],
    oneOf: [{ properties: { kind: { enum: [{ value: 1, label: 'One' }] } } }],
    $defs: { shared: { readonly: true } },
  });
  assert.deepEqual(schema.properties?.mode.enum, ['x']);
  assert.equal(schema.properties?.list.items?.readOnly, true);
  const allOf = schema.allOf as { then: { properties: { key: { readOnly: boolean } } } }[];
  assert.equal(allOf[0].then.properties.key.readOnly, true);
  const oneOf = schema.oneOf as { properties: { kind: { enum: unknown[] } } }[];
  assert.deepEqual(oneOf[0].properties.kind.enum, [1]);
  assert.equal((schema.$defs as { shared: { readOnly: boolean } }).shared.readOnly, true);
});

test("Polytomic's own keywords are kept for the features that read them", () => {
  const raw = {
    sensitive: true,
    password: true,
    hidden: true,
    api_field: true,
    widget: 'textarea',
    suffix: 'ms',
    completions: { source: 'x' },
    hierarchyCompletion: true,
    api_description: 'set through the API',
  };
  assert.deepEqual(normaliseSchema(raw), raw);
});

test('the input is never changed', () => {
  const raw = { properties: { a: { readonly: true, enum: [{ value: 'v', label: 'V' }] } } };
  const copy = structuredClone(raw);
  normaliseSchema(raw);
  assert.deepEqual(raw, copy);
});

test('ajv compiles the normalised dialect without choking on any keyword, and format json means parseable JSON', () => {
  const schema = normaliseSchema({
    type: 'object',
    properties: {
      body: { type: 'string', format: 'json', widget: 'textarea', leafSelectableOnly: true, some_future_keyword: 1 },
      mode: { type: 'string', enum: [{ value: 'a', label: 'A' }], readonly: true },
      site: { type: 'string', format: 'uri' },
    },
  });
  const validate = createAjv().compile(schema);
  assert.equal(validate({ body: '{"key":"value"}', mode: 'a', site: 'https://example.com' }), true);
  assert.equal(validate({ body: '{not json' }), false);
  assert.equal(validate.errors?.[0].keyword, 'format');
  assert.equal(validate({ mode: 'A' }), false, 'the label is not a valid value');
});
