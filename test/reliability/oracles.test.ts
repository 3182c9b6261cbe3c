// The fuzzer's own oracles and generators: a range check that missed a bad range, or a seed that did not replay the
// same documents, would make the fuzz results worthless.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineTable, symbolProblems, completionProblems, foldingProblems, textEditProblems } from './fuzz/rangeChecks';
import { SMALL_MUTATIONS, nesting, hugeString } from './fuzz/mutations';
import { baseDocuments } from './fuzz/baseDocuments';
import { Prng } from './support/prng';
import { SHARED_CATALOG } from './support/paths';

test('lines end at \\n, \\r\\n and \\r, and a position past a line or the last line is outside', () => {
  const lines = new LineTable('ab\r\ncde\rf\n');
  assert.equal(lines.lineCount, 4);
  assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineLength(l)), [2, 3, 1, 0]);
  assert.equal(lines.rangeProblem({ start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, 'r'), undefined);
  assert.match(lines.rangeProblem({ start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, 'r') ?? '', /character 3 is outside 0..2/);
  assert.match(lines.rangeProblem({ start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, 'r') ?? '', /line 4 is outside 0..3/);
  assert.match(lines.rangeProblem({ start: { line: 1, character: 2 }, end: { line: 1, character: 1 } }, 'r') ?? '', /starts after it ends/);
  assert.match(lines.rangeProblem({ start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, 'r') ?? '', /outside/);
});

test('bad ranges nested in symbols, completion edits and folding ranges are all found', () => {
  const lines = new LineTable('{\n  "a": 1\n}\n');
  const good = { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } };
  const bad = { start: { line: 1, character: 2 }, end: { line: 9, character: 0 } };
  const symbols = [{ name: 'root', range: good, selectionRange: good, children: [{ name: 'a', range: good, selectionRange: bad }] }];
  assert.equal(symbolProblems(lines, symbols).length, 1);
  assert.equal(completionProblems(lines, { items: [{ label: 'x', textEdit: { insert: good, replace: bad } }, { label: 'y', additionalTextEdits: [{ range: bad }] }] }).length, 2);
  assert.equal(foldingProblems(lines, [{ startLine: 0, endLine: 2 }, { startLine: 0, endLine: 4 }]).length, 1);
  assert.deepEqual(textEditProblems(lines, [{ range: good, newText: ' ' }, { range: good }], 'edit'), ['edit has no newText']);
});

test('a seed replays the same mutated documents, and the giants are as big as promised', () => {
  const bases = baseDocuments(SHARED_CATALOG);
  const mutate = (seed: number) => {
    const prng = new Prng(seed);
    return bases.slice(0, 30).map((b) => SMALL_MUTATIONS.reduce((text, [, m]) => m(text, prng, { typeIds: ['api'] }), b.text));
  };
  assert.deepEqual(mutate(5), mutate(5));
  assert.notDeepEqual(mutate(5), mutate(6));
  const deep = nesting(100_000, bases[0].text, new Prng(1));
  assert.ok(deep.includes('['.repeat(100_000)) || deep.includes('{"a":'.repeat(100_000)));
  assert.ok(hugeString(10 * 1024 * 1024, bases[0].text, 'plain').length > 10 * 1024 * 1024);
});

test('the base documents cover every type id and each is valid JSON with comments', () => {
  const bases = baseDocuments(SHARED_CATALOG);
  assert.equal(new Set(bases.map((b) => b.type)).size, bases.length);
  assert.ok(bases.length >= 200);
  for (const base of bases) {
    const json = JSON.parse(base.text.replace(/^\/\/.*$/m, '').replace('/* the envelope */', '')) as { type: string };
    assert.equal(json.type, base.type);
  }
});
