// locate() must agree with jsonc-parser's getLocation (which scans from the document start) at every offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLocation, parseTree } from 'jsonc-parser';
import { locate } from '../../../server/src/features/locate';

const texts = [
  '{"type":"postgresql","configuration":{"hostname":"h","port": 5432, "tags": ["a", {"b": 1}, [1,2]], "x": {}}}',
  '{\n "name": "x", // c\n "configuration": {\n  "a": [ 1, 2 ,\n 3 ],\n  "b": { "c": "d" } /* k */ ,\n  "e": tr\n }\n}',
  '{"type":"postgresql","configuration":{"ho}}',
  '{"a": {"b": [1, {"c": ',
  '{"ssl":\n "port": 1}',
  '[1, [2, 3], {"a": [4]}]',
  '{ "type": "postgresql", "configuration": { "port": 1  } }',
  '{"x": "a\\"b", "y": [ "c" , ] , }',
  '',
  '  {}  ',
];

test('locate agrees with getLocation at every offset, in well-formed and broken documents', () => {
  for (const text of texts) {
    const root = parseTree(text, [], { allowTrailingComma: true });
    for (let offset = 0; offset <= text.length; offset++) {
      const expected = getLocation(text, offset);
      const actual = locate(text, root, offset);
      const at = `${JSON.stringify(text.slice(0, offset))} | ${JSON.stringify(text.slice(offset))}`;
      assert.deepEqual(actual.path, expected.path, at);
      assert.equal(actual.isAtPropertyKey, expected.isAtPropertyKey, at);
      const span = (n: typeof expected.previousNode) => (n ? [n.type, n.offset, n.length] : undefined);
      assert.deepEqual(span(actual.previousNode), span(expected.previousNode), at);
    }
  }
});
