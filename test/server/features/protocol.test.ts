// The editing features over a real LSP connection to dist/server.js (build it first: `npm run build server`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import type { CompletionList, DocumentSymbol, FoldingRange, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { LspSession, applyTextEdits } from '../lsp-session';
import { caret, documentOf } from './caret';
import { FIXTURE_CATALOG } from './testCatalog';

let session: LspSession;
let counter = 0;

before(async () => {
  session = (await LspSession.start({ catalogDirs: [FIXTURE_CATALOG], debounceMs: 0 })).session;
});

after(async () => {
  await session.stop();
});

/** Opens the caret fixture as a new document; returns its uri and the caret's position. */
async function openAt(marked: string) {
  const { text, offset } = caret(marked);
  const uri = `file:///work/protocol-${++counter}.polytomic.json`;
  await session.open(uri, text);
  return { uri, text, position: documentOf(text).positionAt(offset) };
}

describe('editing features over LSP', () => {
  test('completion of configuration keys for postgresql: required first, plain text for a client without snippets', async () => {
    const { uri, text, position } = await openAt('{\n  "name": "pg",\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "h",\n    |\n  }\n}');
    const list = await session.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    const labels = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    assert.deepEqual(labels.slice(0, 4), ['username', 'password', 'database', 'port']);
    assert.ok(!labels.includes('hostname') && !labels.includes('connected_user') && !labels.includes('internal_state'));
    const password = list.items.find((i) => i.label === 'password')!;
    const inserted = applyTextEdits(text, [password.textEdit as TextEdit]);
    assert.ok(inserted.includes('"password": "${env:POSTGRESQL_PASSWORD}"'), inserted);
  });

  test('completion of enum values with labels, and of the type', async () => {
    const values = await openAt('{ "type": "postgresql", "configuration": { "ssl_mode": "|" } }');
    const list = await session.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: values.uri }, position: values.position });
    assert.deepEqual(
      list.items.map((i) => [i.label, i.detail]),
      [
        ['"require"', 'Require TLS'],
        ['"verify-full"', 'Verify the certificate'],
        ['"disable"', 'No TLS'],
      ],
    );
    const types = await openAt('{ "name": "x", "type": | }');
    const typeList = await session.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: types.uri }, position: types.position });
    assert.ok(typeList.items.some((i) => i.label === '"warehouse"' && i.detail === 'Branching Warehouse'));
  });

  test('hover on a key', async () => {
    const { uri, position } = await openAt('{ "type": "postgresql", "configuration": { "po|rt": 5432 } }');
    const result = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    const text = (result?.contents as { value: string }).value;
    assert.match(text, /\*\*Port\*\* `port`/);
    assert.match(text, /Default: `5432`/);
    assert.match(text, /Required\./);
  });

  test('polytomic/skeleton answers a complete file, and refuses an unknown type', async () => {
    const { text } = await session.connection.sendRequest<{ text: string }>('polytomic/skeleton', { type: 'postgresql', name: 'Orders DB' });
    const value = parse(text);
    assert.equal(value.name, 'Orders DB');
    assert.equal(value.configuration.password, '${env:POSTGRESQL_PASSWORD}');
    await assert.rejects(session.connection.sendRequest('polytomic/skeleton', { type: 'nope' }), /Unknown connection type "nope"/);
    await assert.rejects(session.connection.sendRequest('polytomic/skeleton', {}), /needs a connection type id/);
  });

  test('symbols, formatting and folding', async () => {
    const { uri, text } = await openAt('{"name":"pg", // keep me\n"type":"postgresql","configuration":{"port":5432}}|');
    const symbols = await session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['name', 'type', 'configuration']);
    const edits = await session.connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = applyTextEdits(text, edits);
    assert.equal(formatted, '{\n  "name": "pg", // keep me\n  "type": "postgresql",\n  "configuration": {\n    "port": 5432\n  }\n}');
    await session.change(uri, formatted);
    const ranges = await session.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(ranges, [
      { startLine: 0, endLine: 5 },
      { startLine: 3, endLine: 4 },
    ]);
  });
});
