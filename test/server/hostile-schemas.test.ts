// Served schemas built to freeze the server, over a real LSP connection: a catastrophic pattern, a pattern the
// linear-time engine cannot run, a schema that refers to itself without end, and schemas too large or too deep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession } from './lsp-session';
import { newUri } from './fixtures';
import { connectionFile, writeTempCatalog } from './temp-catalog';

/** Diagnostics that take longer than this mean the server hung (a backtracking engine needs hours for 2^40 paths). */
const PROMPT_MS = 3_000;

function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const text = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

function nested(depth: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < depth; i++) schema = { type: 'object', properties: { inner: schema } };
  return schema;
}

test('a catastrophic pattern (^(a+)+$ against 40 characters) is checked promptly, and other documents stay served', async () => {
  const catalog = writeTempCatalog({
    evil: { type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' } }, patternProperties: { '^(b+)+$': { type: 'number' } } },
    plain: { type: 'object', required: ['host'], properties: { host: { type: 'string' } } },
  });
  const { session } = await LspSession.start({ catalogDirs: [catalog.dir], debounceMs: 0 });
  try {
    const attack = `${'a'.repeat(40)}!`;
    const keyAttack = `${'b'.repeat(40)}!`;
    const uri = newUri();
    const diagnostics = await within(PROMPT_MS, 'diagnostics of the attacking document', session.open(uri, connectionFile('evil', { name: attack, [keyAttack]: 'x' })));
    assert.ok(
      diagnostics.some((d) => d.code === 'constraint' && text(d) === '`name` must match the pattern ^(a+)+$'),
      `the pattern still judges the value: ${JSON.stringify(diagnostics)}`,
    );
    // The editing features match patternProperties keys themselves (features/documentSchema.ts): hover on the key.
    const lines = session.text(uri).split('\n');
    const line = lines.findIndex((l) => l.includes(keyAttack));
    const position = { line, character: lines[line].indexOf(keyAttack) + 3 };
    await within(PROMPT_MS, 'hover on the attacking key', session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }));
    const next = await within(PROMPT_MS, 'diagnostics of a later document', session.open(newUri(), connectionFile('plain', {})));
    assert.deepEqual(next.map(text), ['missing required field `host` in `configuration`']);
  } finally {
    await session.stop();
    catalog.dispose();
  }
});

test('a pattern the linear-time engine cannot run is skipped with an information diagnostic naming it, on the value', async () => {
  const pattern = '^(?=.*[0-9]).{8,}$';
  const catalog = writeTempCatalog({ lookahead: { type: 'object', properties: { password: { type: 'string', pattern } } } });
  const { session } = await LspSession.start({ catalogDirs: [catalog.dir], debounceMs: 0 });
  try {
    const uri = newUri();
    const diagnostics = await within(PROMPT_MS, 'diagnostics', session.open(uri, connectionFile('lookahead', { password: 'hunter22' })));
    const skipped = diagnostics.filter((d) => d.code === 'pattern-skipped');
    assert.equal(skipped.length, 1, JSON.stringify(diagnostics));
    assert.equal(skipped[0].severity, 3, 'information');
    assert.ok(text(skipped[0]).includes(JSON.stringify(pattern)), text(skipped[0]));
    assert.match(text(skipped[0]), /^`password` is not checked against the schema's pattern .* linear-time engine/);
    const line = session.text(uri).split('\n')[skipped[0].range.start.line];
    assert.ok(line.includes('"password"'), `on the password line: ${line}`);
  } finally {
    await session.stop();
    catalog.dispose();
  }
});

test('a schema of {"$ref": "#"} still gives the file its diagnostics, and says why the configuration is not checked', async () => {
  const catalog = writeTempCatalog({ loop: { $ref: '#' } });
  const { session } = await LspSession.start({ catalogDirs: [catalog.dir], debounceMs: 0 });
  try {
    const uri = newUri();
    const document = JSON.stringify({ type: 'loop', configuration: { a: 1 }, extra: true }, null, 2);
    const diagnostics = await within(PROMPT_MS, 'diagnostics', session.open(uri, document));
    const messages = diagnostics.map(text);
    assert.ok(messages.includes('missing required field `name` in the connection'), JSON.stringify(messages));
    assert.ok(
      messages.some((m) => m.startsWith('no schema is available for connection type `loop`') && m.includes('refers back to itself without end')),
      JSON.stringify(messages),
    );
    // The editing features read the same schema: they answer too.
    const hover = await within(PROMPT_MS, 'hover', session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 6 } }));
    assert.ok(hover === null || typeof hover === 'object');
  } finally {
    await session.stop();
    catalog.dispose();
  }
});

test('an over-deep or oversized schema gives a clear message instead of a hang', async () => {
  const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`field${i}`, { type: 'string' }])) };
  const catalog = writeTempCatalog({ deep: nested(200), wide, huge: `{"type": "object", "description": "${'x'.repeat(3 * 1024 * 1024)}"}` });
  const { session } = await LspSession.start({ catalogDirs: [catalog.dir], debounceMs: 0 });
  try {
    const deep = await within(PROMPT_MS, 'deep', session.open(newUri(), connectionFile('deep', { inner: {} })));
    assert.ok(
      deep.some((d) => d.code === 'no-schema' && /too big to compile: it nests more than 64 levels deep/.test(text(d))),
      JSON.stringify(deep.map(text)),
    );
    const wideDiagnostics = await within(PROMPT_MS, 'wide', session.open(newUri(), connectionFile('wide', {})));
    assert.ok(
      wideDiagnostics.some((d) => d.code === 'no-schema' && /too big to compile: it has more than 20,000 objects and arrays/.test(text(d))),
      JSON.stringify(wideDiagnostics.map(text)),
    );
    const huge = await within(PROMPT_MS, 'huge', session.open(newUri(), connectionFile('huge', {})));
    assert.ok(huge.some((d) => d.code === 'no-schema' && /the schema is 3\.0 MB, over the 2 MB a schema may take/.test(text(d))), JSON.stringify(huge.map(text)));
  } finally {
    await session.stop();
    catalog.dispose();
  }
});
