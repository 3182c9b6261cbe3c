// The incremental re-parse must give exactly the tree a full parse gives, over many seeded random edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree, type Node } from 'jsonc-parser';
import { reparseIncrementally } from '../../../server/src/features/incrementalParse';

const OPTIONS = { allowTrailingComma: true, disallowComments: false };

function shape(node: Node | undefined): unknown {
  if (!node) return undefined;
  return [node.type, node.offset, node.length, node.value, node.colonOffset, (node.children ?? []).map(shape)];
}

/** Deterministic pseudo-random numbers (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const base = JSON.stringify(
  {
    name: 'big',
    type: 'api',
    configuration: {
      url: 'https://example.com',
      headers: Array.from({ length: 40 }, (_, i) => ({ name: `h${i}`, value: `v${i}`, flags: [i, i % 2 === 0, null] })),
      auth: { basic: { username: 'u', password: 'p' } },
    },
  },
  null,
  2,
).replace('"auth"', '// a comment\n    "auth"');

const PIECES = ['"', '{', '}', '[', ']', ',', ':', ' ', '\n', 'x', '1', '"k": 2', '/*', '*/', '// c\n', '"a"', 'true'];

test('random edits: every incremental result equals a full parse', () => {
  const next = random(20261124);
  let text = base;
  let root = parseTree(text, [], OPTIONS);
  let incremental = 0;
  for (let step = 0; step < 600; step++) {
    const at = Math.floor(next() * (text.length + 1));
    const removed = next() < 0.4 ? Math.floor(next() * 4) : 0;
    const inserted = next() < 0.7 ? PIECES[Math.floor(next() * PIECES.length)] : '';
    const edited = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
    const full = parseTree(edited, [], OPTIONS);
    const reused = reparseIncrementally(text, root, edited);
    if (reused) {
      incremental++;
      assert.deepEqual(shape(reused), shape(full), `step ${step}: edit at ${at}`);
    }
    root = reused ?? full;
    text = edited;
    // Every so often go back to a well-formed document, as a user finishing a value would.
    if (step % 50 === 49) {
      text = base;
      root = parseTree(text, [], OPTIONS);
    }
  }
  assert.ok(incremental > 120, `the incremental path was taken ${incremental} times`);
});

test('an unchanged text keeps the tree; an edit touching the root brackets declines', () => {
  const root = parseTree(base, [], OPTIONS);
  assert.equal(reparseIncrementally(base, root, base), root);
  assert.equal(reparseIncrementally(base, parseTree(base, [], OPTIONS), base.slice(1)), undefined);
});
