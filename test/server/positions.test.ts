// Positions of diagnostics: one walk over the text gives what TextDocument.positionAt gives, whatever the line breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { positionsAt } from '../../server/src/diagnostics/positions';

test('positions agree with TextDocument for \\n, \\r\\n and lone \\r, offsets inside a break, out of range and unsorted', () => {
  for (const text of ['', 'abc', 'a\nb\n', 'a\r\nbc\r\n\r\nd', 'a\rb\r\r\nc', '\n\n\r', '{\r\n  "x": 1\n}\r']) {
    const document = TextDocument.create('file:///t.polytomic.json', 'polytomic', 1, text);
    const offsets = [text.length + 3, -1];
    for (let offset = text.length; offset >= 0; offset--) offsets.push(offset);
    assert.deepEqual(positionsAt(text, offsets), offsets.map((offset) => document.positionAt(offset)), JSON.stringify(text));
  }
});
