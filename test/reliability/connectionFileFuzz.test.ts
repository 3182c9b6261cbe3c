// The extension's pure file helpers under the fuzzer's documents: reading a connection file never throws, writing the
// id into any file that parses yields a file that still parses, holds exactly that id and keeps every other value,
// and resolving placeholders in hostile strings never throws and never leaves a resolved value unaccounted for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { nestingDepth } from '../../server/src/util/nesting';
import { applyEdits, duplicateTopLevelKeys, envelopeProblems, parseConnectionText, removeIdEdits, setIdEdits, setValueEdits } from '../../core/src/connectionFile';
import { findPlaceholders, resolvePlaceholders } from '../../core/src/placeholders';
import { baseDocuments } from './fuzz/baseDocuments';
import { SMALL_MUTATIONS } from './fuzz/mutations';
import { Prng } from './support/prng';
import { SHARED_CATALOG } from './support/paths';

const ID = '0b6d2f1e-7c3a-4e59-9d8b-1a2b3c4d5e6f';

/** Files with two top-level `id` keys: the id is written into each (test below), and removing it removes only one. */
function hasDuplicateTopLevelId(text: string): boolean {
  const root = parseTree(text, [], { allowTrailingComma: true });
  return (root?.children ?? []).filter((property) => property.children?.[0]?.value === 'id').length > 1;
}

test('1,000 mutated files: reading never throws; an id written into a file that parses is the only change', () => {
  const bases = baseDocuments(SHARED_CATALOG);
  const prng = new Prng(77);
  let written = 0;
  for (let i = 0; i < 1000; i++) {
    let text = bases[i % bases.length].text;
    for (let n = prng.between(0, 2); n > 0; n--) text = prng.pick(SMALL_MUTATIONS)[1](text, prng, { typeIds: ['api'] });
    const before = parseConnectionText(text);
    // A file with two ids is refused before sending (duplicateTopLevelKeys); its id write is the test's below.
    // Past a few hundred levels assert.deepEqual itself overflows the stack: such files are not compared.
    if (before.syntaxErrors.length > 0 || before.value === undefined || hasDuplicateTopLevelId(text) || nestingDepth(text) > 400) continue;
    const withId = applyEdits(text, setIdEdits(text, ID));
    const after = parseConnectionText(withId);
    assert.deepEqual(after.syntaxErrors, [], `document ${i}: writing the id broke the file`);
    assert.deepEqual(after.value, { ...before.value, id: ID }, `document ${i}: writing the id changed something else`);
    const removed = parseConnectionText(applyEdits(withId, removeIdEdits(withId)));
    const { id: _dropped, ...rest } = before.value;
    assert.deepEqual(removed.value, rest, `document ${i}: removing the id changed something else`);
    written++;
  }
  assert.ok(written > 150, `only ${written} mutated documents still parsed`);
});

test('placeholders in hostile strings resolve without throwing, and every resolved value is reported for scrubbing', async () => {
  const prng = new Prng(78);
  const pieces = ['${env:A}', '${secret:B}', '${env:}', '${env:A', '$${env:A}}', '${ env:A}', '\ud800', '${env:A}${env:A}', '${secret:B}\u0000', 'x'];
  const env: Record<string, string> = { A: 'value-of-a-1234' };
  for (let i = 0; i < 500; i++) {
    const value = Array.from({ length: prng.between(1, 6) }, () => prng.pick(pieces)).join('');
    const configuration = { field: value, nested: { list: [value, { deep: value }] } };
    const resolved = await resolvePlaceholders(configuration, { env: (name) => env[name], secret: async (name) => (name === 'B' ? 'value-of-b-5678' : undefined) });
    const text = JSON.stringify(resolved.value);
    for (const secret of ['value-of-a-1234', 'value-of-b-5678']) {
      if (text.includes(secret)) assert.ok(resolved.resolvedValues.includes(secret), `"${value}": ${secret} was resolved but not reported`);
    }
    // A malformed nest such as `${env:A${env:A}` is reported missing under its whole odd name: refused, not guessed.
    assert.deepEqual(resolved.missing.filter((m) => m.name === 'A' || m.name === 'B'), [], `"${value}": a placeholder with a value was reported missing`);
    assert.equal(findPlaceholders(resolved.value).length, resolved.missing.length, `"${value}": a placeholder was left unresolved`);
  }
});

test('a created file whose `id` key appears twice (empty) reads back with the new id', () => {
  const text = '{"id": "", "name": "A", "type": "api", "configuration": {}, "id": ""}';
  assert.deepEqual(parseConnectionText(applyEdits(text, setIdEdits(text, ID))).value?.id, ID);
});

test('a file whose top-level key appears twice is refused before sending, the message naming the key and its line', () => {
  const text = '{\n  "id": "",\n  "name": "A",\n  "type": "api",\n  "configuration": {"id": 1, "nested": {"id": 2}},\n  "id": ""\n}';
  const duplicates = duplicateTopLevelKeys(text);
  assert.deepEqual(duplicates, [{ key: 'id', line: 6 }]);
  assert.deepEqual(envelopeProblems(parseConnectionText(text).value, duplicates), ['line 6: the top-level key `id` appears more than once; keep one']);
  assert.deepEqual(duplicateTopLevelKeys('{"name": "A", "list": [{"name": "B"}], "configuration": {"name": "C"}}'), []);
});

test('an id is written into a file that holds a value nested 100 deep', () => {
  const text = `{"name": "A", "type": "api", "configuration": {"deep": ${'{"a":'.repeat(100)}1${'}'.repeat(100)}}}`;
  const edits = setIdEdits(text, ID);
  assert.ok(edits.every((edit) => typeof edit.content === 'string'));
  const after = parseConnectionText(applyEdits(text, edits));
  assert.deepEqual(after.syntaxErrors, []);
  assert.deepEqual(after.value, { ...parseConnectionText(text).value, id: ID });
});

test('a value is set into a file nested 100 deep (the same formatter fallback as the id)', () => {
  const text = `{"name": "A", "type": "api", "configuration": {"deep": ${'{"a":'.repeat(100)}1${'}'.repeat(100)}}}`;
  const after = parseConnectionText(applyEdits(text, setValueEdits(text, ['configuration', 'port'], 5432)));
  assert.deepEqual(after.syntaxErrors, []);
  assert.equal((after.value?.configuration as Record<string, unknown>).port, 5432);
});
