// The plain-JSON parse (JSON.parse plus a proof that no key repeats) against the scanning parse it stands in for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStrictJson } from '../../server/src/validation/strictJson';
import { parseDocument } from '../../server/src/validation/parseDocument';

test('plain JSON parses to the value JSON.parse gives, with its depth', () => {
  const text = JSON.stringify({ a: { b: [{ c: 1 }, 'x'] }, 'quote": in a value': 'say \\"hi\\": now', 'back\\\\': 'slash\\\\' }, null, 2);
  const parsed = parseStrictJson(text);
  assert.deepEqual(parsed?.value, JSON.parse(text));
  assert.equal(parsed?.maxDepth, 4);
});

test('a repeated key is never hidden: the text goes to the scanning parse, which reports it', () => {
  for (const text of ['{"a": 1, "a": 2}', '{"x": {"k\\\\": 1, "k\\\\" : 2}}', '{"__proto__": 1, "__proto__": 2}', '[{"a": ":"}, {"b": 1, "b": 1}]']) {
    assert.equal(parseStrictJson(text), undefined, text);
    const parsed = parseDocument(text);
    assert.equal(parsed.duplicateKeys.length, 1, text);
  }
});

test('what JSON.parse refuses (comments, trailing commas) is left to the scanning parse', () => {
  assert.equal(parseStrictJson('// c\n{"a": 1}'), undefined);
  assert.equal(parseStrictJson('{"a": 1,}'), undefined);
  assert.deepEqual(parseDocument('// c\n{"a": 1,}').value, { a: 1 });
});
