// Schema precision over a real LSP connection (issue 14): inherited properties, ambiguous oneOf, propertyNames on the
// key, keys declared outside `properties`, `$ref`s resolved against the root `$id`, and read-only secrets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession } from './lsp-session';
import { newUri } from './fixtures';
import { connectionFile, writeTempCatalog, type TempCatalog } from './temp-catalog';

const text = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

const SCHEMAS = {
  inherited_required: { type: 'object', required: ['constructor'], properties: { constructor: { type: 'string' } } },
  inherited_typed: { type: 'object', properties: { constructor: { type: 'number' }, toString: { type: 'number' } } },
  ambiguous: {
    type: 'object',
    properties: {
      auth: {
        oneOf: [
          { title: 'API key', type: 'object', required: ['key'], properties: { key: { type: 'string' } } },
          { title: 'Token', type: 'object', properties: { token: { type: 'string' } } },
          { type: 'object', required: ['user'], properties: { user: { type: 'string' } } },
        ],
      },
    },
  },
  key_names: { type: 'object', propertyNames: { maxLength: 8 }, properties: { hostname_long: { type: 'string' }, tags: { type: 'object', propertyNames: { pattern: '^[a-z]+$' } } } },
  declared_elsewhere: {
    type: 'object',
    properties: { host: { type: 'string' }, flag: true },
    dependentSchemas: { host: { properties: { port: { type: 'integer' } } } },
    if: { properties: { mode: { const: 'ssl' } } },
    then: { properties: { cert: { type: 'string' } } },
    else: { properties: { plain: { type: 'boolean' } } },
    not: { properties: { legacy: { const: true } }, required: ['legacy'] },
    allOf: [{ properties: { region: { type: 'string' } } }],
  },
  urn_ref: { $id: 'urn:polytomic:test', $defs: { port: { type: 'integer', title: 'Port number' } }, type: 'object', properties: { port: { $ref: 'urn:polytomic:test#/$defs/port' } } },
  relative_ref: {
    $id: 'https://example.com/schemas/relative.json',
    $defs: { port: { type: 'integer', title: 'Relative port' } },
    type: 'object',
    properties: { port: { $ref: 'relative.json#/$defs/port' } },
  },
  same_id: { $id: 'urn:polytomic:test', $defs: { port: { type: 'string' } }, type: 'object', properties: { port: { $ref: 'urn:polytomic:test#/$defs/port' } } },
  read_only_secret: { type: 'object', properties: { api_key: { type: 'string', readOnly: true, sensitive: true }, client_secret: { type: 'string' } } },
};

let catalog: TempCatalog;
let session: LspSession;

before(async () => {
  catalog = writeTempCatalog(SCHEMAS);
  ({ session } = await LspSession.start({ catalogDirs: [catalog.dir], debounceMs: 0 }));
});

after(async () => {
  await session.stop();
  catalog.dispose();
});

/** The diagnostics of `configuration`'s own problems (the envelope's are not under test). */
async function check(type: string, configuration: unknown): Promise<{ diagnostics: Diagnostic[]; lineOf: (d: Diagnostic) => string }> {
  const uri = newUri(type);
  const diagnostics = await session.open(uri, connectionFile(type, configuration));
  const lines = session.text(uri).split('\n');
  const { start, end } = { start: (d: Diagnostic) => d.range.start, end: (d: Diagnostic) => d.range.end };
  const lineOf = (d: Diagnostic) => lines[start(d).line].slice(start(d).character, start(d).line === end(d).line ? end(d).character : undefined);
  return { diagnostics, lineOf };
}

test('properties inherited from Object.prototype are not present: required `constructor` is missing from {}', async () => {
  const required = await check('inherited_required', {});
  assert.deepEqual(required.diagnostics.map(text), ['missing required field `constructor` in `configuration`']);
  const typed = await check('inherited_typed', {});
  assert.deepEqual(typed.diagnostics.map(text), [], '{} has no `constructor` or `toString` of the wrong type');
  const own = await check('inherited_typed', { constructor: 'x' });
  assert.deepEqual(own.diagnostics.map(text), ['`constructor` must be a number']);
});

test('a oneOf that several branches match is reported on the value as a warning, naming the branches that matched', async () => {
  const { diagnostics, lineOf } = await check('ambiguous', { auth: { key: 'k' } });
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics.map(text)));
  const [ambiguity] = diagnostics;
  assert.equal(ambiguity.code, 'ambiguous-branch');
  assert.equal(ambiguity.severity, 2, 'warning');
  assert.equal(
    text(ambiguity),
    '`auth` matches more than one of the schema\'s alternatives (oneOf branches #1 (API key) and #2 (Token)), but must match exactly one: make it fit only one of them',
  );
  assert.ok(lineOf(ambiguity).startsWith('{'), 'on the value');
  const clear = await check('ambiguous', { auth: { user: 'u', token: 5 } });
  assert.ok(!clear.diagnostics.some((d) => d.code === 'ambiguous-branch'), 'a value that matches one branch is not ambiguous');
});

test('propertyNames errors land on the offending key, saying what is wrong with the name', async () => {
  const { diagnostics, lineOf } = await check('key_names', { hostname_long: 'h', tags: { good: 1, Bad1: 2 } });
  assert.deepEqual(diagnostics.map(text).sort(), [
    'the key `Bad1` in `tags` must match the pattern ^[a-z]+$',
    'the key `hostname_long` in `configuration` must be at most 8 characters long',
  ]);
  assert.deepEqual(diagnostics.map(lineOf).sort(), ['"Bad1"', '"hostname_long"']);
});

test('keys declared in dependentSchemas, if/then/else, not, allOf and as `true` are known; a typo still is not', async () => {
  const { diagnostics } = await check('declared_elsewhere', { host: 'h', port: 1, mode: 'ssl', cert: 'c', plain: false, legacy: false, flag: [1], regoin: 'eu' });
  assert.deepEqual(diagnostics.map(text), ['unknown field `regoin` in `configuration` (did you mean `region`?)']);
});

test('$refs that resolve against the root $id (a URN, a relative path) still work, also for two types sharing one $id', async () => {
  const urn = await check('urn_ref', { port: 'x' });
  assert.deepEqual(urn.diagnostics.map(text), ['`port` must be an integer']);
  const relative = await check('relative_ref', { port: 'x' });
  assert.deepEqual(relative.diagnostics.map(text), ['`port` must be an integer']);
  const shared = await check('same_id', { port: 1 });
  assert.deepEqual(shared.diagnostics.map(text), ['`port` must be a string'], 'the second type with the same $id resolves to its own $defs');
  const again = await check('urn_ref', { port: 1 });
  assert.deepEqual(again.diagnostics.map(text), []);
  // The editing features follow the same references: hover on the key shows the referenced schema's title.
  for (const [type, title] of [['urn_ref', 'Port number'], ['relative_ref', 'Relative port']]) {
    const uri = newUri(type);
    await session.open(uri, connectionFile(type, { port: 1 }));
    const line = session.text(uri).split('\n').findIndex((l) => l.includes('"port"'));
    const character = session.text(uri).split('\n')[line].indexOf('"port"') + 2;
    const hover = await session.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.match(hover?.contents.value ?? '', new RegExp(title), `${type}: ${JSON.stringify(hover)}`);
  }
});

test('a read-only field holding a literal secret gets one warning, the read-only one', async () => {
  const { diagnostics } = await check('read_only_secret', { api_key: 'sk_live_abc', client_secret: 'plain' });
  const onApiKey = diagnostics.filter((d) => text(d).startsWith('`api_key`'));
  assert.deepEqual(onApiKey.map((d) => [d.code, text(d)]), [['read-only', '`api_key` is read-only: the server fills it in; remove it']]);
  assert.ok(diagnostics.some((d) => d.code === 'literal-secret' && text(d).startsWith('`client_secret`')), 'a writable secret is still reported');
});
