// Checking a version from the previous one (an edit inside a string value) must give exactly what a check from scratch
// gives, and be quicker; and a document just opened is checked at once, while typing waits for the debounce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession } from './lsp-session';
import { CORE_CATALOG, newUri } from './fixtures';

const text = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const normalise = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${text(d)}`).sort();

const API_DOCUMENT = `// an api connection
{
  "name": "Orders API",
  "type": "api",
  "configuration": {
    "url": "https://api.example.com",
    "headers": [
      { "name": "X-Trace", "value": "abc" },
      { "name": "Accept", "value": "json" }
    ],
    "auth": { "basic": { "username": "me", "password": "\${env:API_PASSWORD}" } },
    "parameters": [{ "name": "page", "value": "1" }]
  }
}
`;

/** Each step replaces `find` (its first occurrence) with `replace` in the current text. */
const STEPS: [string, string][] = [
  ['"Orders API"', '"Orders APIs"'], // a string value: the envelope's name
  ['"X-Trace"', '"Authorization"'], // a pair's name: its sibling value becomes a literal secret
  ['"abc"', '"abcd"'], // that value, edited
  ['"Authorization"', '"X-Trace"'], // and the name back: the warning goes
  ['"json"', '"js\\non"'], // an escape typed inside a string
  ['"js\\non"', '"js\\non'], // unbalanced: a syntax error (a full parse)
  ['"js\\non', '"json"'], // and repaired
  ['"url"', '"urls"'], // a key: unknown field and missing required field
  ['"urls"', '"url"'],
  ['"https://api.example.com"', '"ftp:x"'], // a value against a format
  ['"${env:API_PASSWORD}"', '"hunter2"'], // a literal password under auth
  ['"1"', '"2"'], // an item of an array of pairs
  ['"api"', '"postgresql"'], // the type itself: every rule changes
  ['"postgresql"', '"api"'],
  ['"name": "Orders APIs",', '"name": "Orders APIs", "name": "",'], // a repeated key: the last (empty) one counts
  ['"Orders APIs"', '"Orders"'], // the value that does not count, edited: the empty one still counts
];

/** The document with comments (the scanning parse) and as plain JSON (JSON.parse alone, containers indexed on demand). */
const VARIANTS: [string, string][] = [
  ['with a comment', API_DOCUMENT],
  ['plain JSON', API_DOCUMENT.slice(API_DOCUMENT.indexOf('\n') + 1)],
];

for (const [variant, document] of VARIANTS) test(`every edit checked from the previous version gives the diagnostics of a check from scratch (${variant})`, async () => {
  const { session: editing } = await LspSession.start({ catalogDirs: [CORE_CATALOG], debounceMs: 0 });
  const { session: fresh } = await LspSession.start({ catalogDirs: [CORE_CATALOG], debounceMs: 0 });
  try {
    const uri = newUri('edited');
    let current = document;
    await editing.open(uri, current);
    const seen = new Set<string>();
    for (const [find, replace] of STEPS) {
      assert.ok(current.includes(find), `step ${find} -> ${replace} applies`);
      current = current.replace(find, replace);
      const incremental = normalise(await editing.change(uri, current));
      const scratch = normalise(await fresh.open(newUri('fresh'), current));
      assert.deepEqual(incremental, scratch, `after ${find} -> ${replace}`);
      for (const line of scratch) seen.add(line.replace(/^\S+ /, ''));
    }
    // The steps did exercise the rules whose answers an edit of a string can change.
    assert.ok([...seen].some((l) => l.startsWith('literal-secret `value`')), [...seen].join('\n'));
    assert.ok([...seen].some((l) => l.startsWith('literal-secret `password`')), [...seen].join('\n'));
    assert.ok([...seen].some((l) => l.startsWith('syntax')), [...seen].join('\n'));
    assert.ok([...seen].some((l) => l.startsWith('duplicate-key')), [...seen].join('\n'));
  } finally {
    await editing.stop();
    await fresh.stop();
  }
});

test('an incremental keystroke inside a string of a 1 MB document is checked far quicker than the whole document', async () => {
  const items = Array.from({ length: 4500 }, (_, i) => ({ name: `X-Header-${String(i).padStart(5, '0')}`, value: `value-${'v'.repeat(150)}-${i}` }));
  const big = JSON.stringify({ name: 'Big', type: 'api', configuration: { url: 'https://api.example.com', headers: items } }, null, 2);
  assert.ok(big.length > 1_000_000, `${big.length} characters`);
  const { session } = await LspSession.start({ catalogDirs: [CORE_CATALOG], debounceMs: 0 });
  try {
    const uri = newUri('big');
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await session.open(newUri('big-open'), big);
      opens.push(performance.now() - start);
    }
    await session.open(uri, big);
    const line = big.split('\n').findIndex((l) => l.includes('"Big"'));
    const character = big.split('\n')[line].indexOf('"Big"') + 1;
    const keystrokes: number[] = [];
    for (let version = 2; version < 12; version++) {
      const published = session.diagnosticsFor(uri, version);
      const start = performance.now();
      const change = { range: { start: { line, character }, end: { line, character: character + 1 } }, text: version % 2 === 0 ? 'b' : 'B' };
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      assert.deepEqual(await published, []);
      keystrokes.push(performance.now() - start);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    assert.ok(median(keystrokes) < median(opens) / 2, `keystroke ${median(keystrokes).toFixed(1)} ms, whole document ${median(opens).toFixed(1)} ms`);
  } finally {
    await session.stop();
  }
});

test('a document just opened is checked at once; typing waits for the debounce', async () => {
  const { session } = await LspSession.start({ catalogDirs: [CORE_CATALOG], debounceMs: 1500 });
  try {
    const uri = newUri();
    const start = performance.now();
    const opened = await session.open(uri, '{ "name": 1 }');
    const openMs = performance.now() - start;
    assert.ok(openMs < 1000, `the open was checked after ${openMs.toFixed(0)} ms, not after the 1500 ms debounce`);
    assert.ok(opened.some((d) => d.code === 'wrong-type'));
    const changeStart = performance.now();
    const changed = await session.change(uri, '{ "name": 2 }');
    const changeMs = performance.now() - changeStart;
    assert.ok(changeMs >= 1400, `a change waits for the debounce (${changeMs.toFixed(0)} ms)`);
    assert.ok(changed.some((d) => d.code === 'wrong-type'));
  } finally {
    await session.stop();
  }
});
