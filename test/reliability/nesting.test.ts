// The server's linear nesting check (server/src/util/nesting.ts) against jsonc-parser's own visit of the same texts:
// the fuzzer's base documents, their mutations, and brackets hidden in strings and comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, visit, type ParseError } from 'jsonc-parser';
import { MAX_NESTING, nestingDepth, nestsTooDeep } from '../../server/src/util/nesting';
import { baseDocuments } from './fuzz/baseDocuments';
import { SMALL_MUTATIONS } from './fuzz/mutations';
import { Prng } from './support/prng';
import { SHARED_CATALOG } from './support/paths';

/** The depth as jsonc-parser sees it (recursive, so only for texts of modest depth). */
function visitedDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  visit(text, {
    onObjectBegin: () => void (deepest = Math.max(deepest, ++depth)),
    onArrayBegin: () => void (deepest = Math.max(deepest, ++depth)),
    onObjectEnd: () => void depth--,
    onArrayEnd: () => void depth--,
  });
  return deepest;
}

test('brackets in strings, escaped quotes and comments do not count; stray closers never go below zero', () => {
  assert.equal(nestingDepth(''), 0);
  assert.equal(nestingDepth('{"a": "{[{[", "b\\\\": "\\"{"}'), 1);
  assert.equal(nestingDepth('{ // {{{{\n "a": [ /* [[[[ */ 1 ] }'), 2);
  assert.equal(nestingDepth(']]]]{}'), 1);
  assert.equal(nestingDepth('{"a": "unterminated {{{\n"b": [[1]]}'), 3);
  assert.equal(nestingDepth('{"a": 1} /* {{{ unterminated'), 1);
});

test('the scan stops at stopAt, and nestsTooDeep is true only past the limit', () => {
  const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
  assert.equal(nestingDepth(deep(100_000), 10), 10);
  assert.equal(nestsTooDeep(deep(MAX_NESTING)), false);
  assert.equal(nestsTooDeep(deep(MAX_NESTING + 1)), true);
  assert.equal(nestsTooDeep(deep(1_000_000)), true);
  assert.equal(nestsTooDeep(`"${'['.repeat(MAX_NESTING + 1)}"`), false);
});

test('600 base and mutated documents: each that parses has the depth jsonc-parser visit finds', () => {
  const bases = baseDocuments(SHARED_CATALOG);
  const prng = new Prng(501);
  let compared = 0;
  for (let i = 0; i < 600; i++) {
    let text = bases[i % bases.length].text;
    for (let n = prng.between(0, 3); n > 0; n--) text = prng.pick(SMALL_MUTATIONS)[1](text, prng, { typeIds: ['api'] });
    const linear = nestingDepth(text);
    // Past a few hundred levels visit itself overflows; in a broken document the parser skips what the scan counts.
    const errors: ParseError[] = [];
    if (linear > 400 || (parse(text, errors, { allowTrailingComma: true }), errors.length > 0)) continue;
    assert.equal(linear, visitedDepth(text), `document ${i}`);
    compared++;
  }
  assert.ok(compared > 250, `only ${compared} documents compared`);
});
