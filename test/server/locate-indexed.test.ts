// The locator's walk over the container index of a well-formed document gives the same spans as its pass of
// jsonc-parser's `visit`, which documents with syntax errors use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONPath } from 'jsonc-parser';
import { locateAll, type LocateRequest } from '../../server/src/validation/locate';
import { scanWellFormed } from '../../server/src/validation/scanDocument';

/** Every path of the value, and under each a child it lacks, as value and key requests. */
function requestsFor(value: unknown, path: JSONPath = [], out: LocateRequest[] = []): LocateRequest[] {
  out.push({ path, target: 'value' }, { path, target: 'key' }, { path: [...path, 'missing'], target: 'value' }, { path: [...path, 9], target: 'key' });
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) requestsFor(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

const DOCUMENTS = [
  '{\n  "configuration": { "port": "x", "port": "y", "headers": [ 1, { "name": 1 } ], "other": { "deep": [0] } }\n}',
  '// leading comment {\n{ "a": [ {"b": 1}, [2, [3]], "]", /* } */ 4, ], "c\\"d": { "e": null, }, "\\u0066": true }\n',
  '{ "x": { "y": 1 }, "x": { "z": [ { "w": "{[" } ] } }',
  '[ { "name": "h", "value": 1 }, { "name": "i", "nmae": "typo" }, 3 ]',
  '  "just a string"  ',
];

test('the indexed walk and the visit pass give the same spans, duplicate and escaped keys, comments and missing paths included', () => {
  for (const text of DOCUMENTS) {
    const scanned = scanWellFormed(text);
    assert.ok(scanned, text);
    const requests = requestsFor(scanned.value);
    assert.deepEqual(locateAll(text, requests, scanned.containers), locateAll(text, requests), text);
  }
});

test('the indexed walk reads an item late in a long array at its place', () => {
  const items = Array.from({ length: 500 }, (_, i) => `{ "name": "n${i}", "value": [${i}] }`);
  const text = `{ "list": [\n${items.join(',\n')}\n] }`;
  const scanned = scanWellFormed(text);
  assert.ok(scanned);
  const [span] = locateAll(text, [{ path: ['list', 437, 'value', 0], target: 'value' }], scanned.containers);
  assert.equal(span.offset, text.indexOf('[437]') + 1);
  assert.equal(span.length, 3);
});
