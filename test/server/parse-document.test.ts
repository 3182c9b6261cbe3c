// Unit tests of document reading: the fast path for well-formed documents (scanner + JSON.parse) and the tolerant
// pass agree on the value and the duplicate keys, and syntax errors take the tolerant pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, parseTolerant } from '../../server/src/validation/parseDocument';
import { scanWellFormed } from '../../server/src/validation/scanDocument';

const WELL_FORMED = [
  '{"name": "x", "configuration": {"port": 5432, "list": [1, 2, {"a": null}], "flag": true}}',
  '// a comment\n{\n  "name": "x", /* inline */ "n": -1.5e3,\n  /* a block\n  over lines */ "s": "a // not a comment"\n}',
  '{ "a": [1, 2, ], "b": { "c": 1, }, }',
  '{ "a": 1, "b": { "a": 2, "a": 3 }, "a": 4 }',
  '{ "__proto__": { "polluted": true } }',
  '{ "s": "\\u00e9\\n\\"quoted\\"" }',
];

test('well-formed documents (comments and trailing commas included) take the fast path and agree with the tolerant pass', () => {
  for (const text of WELL_FORMED) {
    const fast = scanWellFormed(text);
    assert.ok(fast, `fast path for ${text}`);
    const tolerant = parseTolerant(text);
    assert.deepEqual(tolerant.syntaxErrors, [], text);
    assert.deepEqual(fast.value, tolerant.value, text);
    assert.deepEqual(fast.duplicateKeys, tolerant.duplicateKeys, text);
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
});

test('duplicate keys are found per object, with the offset of the first occurrence', () => {
  const text = '{ "a": 1, "b": { "a": 2, "a": 3 }, "a": 4 }';
  const { duplicateKeys, value } = parseDocument(text);
  assert.deepEqual(
    duplicateKeys.map((d) => [d.key, d.offset, d.firstOffset]),
    [
      ['a', text.indexOf('"a": 3'), text.indexOf('"a": 2')],
      ['a', text.lastIndexOf('"a"'), text.indexOf('"a"')],
    ],
  );
  assert.deepEqual(value, { a: 4, b: { a: 3 } }, 'the last one counts');
});

test('documents with syntax errors take the tolerant pass: errors, and as much value as can be read', () => {
  for (const text of ['{ "a": 1 "b": 2 }', '{ "a": ', '', '{ "a": 1 } { }', '{ "a": tru }', "{ 'a': 1 }"]) {
    assert.equal(scanWellFormed(text), undefined, text);
    assert.ok(parseDocument(text).syntaxErrors.length > 0, text);
  }
  assert.deepEqual(parseDocument('{ "a": 1 "b": 2 }').value, { a: 1, b: 2 });
});
