// Quick fixes over a real LSP connection: each applies cleanly and leaves a document without the diagnostic it fixes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession, applyTextEdits } from './lsp-session';
import { CORE_CATALOG, newUri } from './fixtures';

describe('quick fixes', () => {
  let session: LspSession;
  before(async () => {
    session = (await LspSession.start({ catalogDirs: [CORE_CATALOG], debounceMs: 0 })).session;
  });
  after(() => session.stop());

  function apply(uri: string, action: CodeAction): string {
    const edits = action.edit?.changes?.[uri];
    assert.ok(edits && edits.length > 0, `${action.title} has edits`);
    assert.equal(action.kind, 'quickfix');
    return applyTextEdits(session.text(uri), edits);
  }

  async function fixesFor(uri: string, diagnostics: Diagnostic[], code: string): Promise<CodeAction[]> {
    return session.codeActions(uri, diagnostics.filter((d) => d.code === code));
  }

  test('add all missing required fields, with defaults, in the document\'s indentation', async () => {
    const uri = newUri();
    const text = '{\n    "name": "pg",\n    "type": "postgresql",\n    "configuration": {\n        "hostname": "db.example.com"\n    }\n}\n';
    const diagnostics = await session.open(uri, text);
    assert.equal(diagnostics.filter((d) => d.code === 'missing-required').length, 4);
    const actions = await fixesFor(uri, diagnostics, 'missing-required');
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Add the missing field `username`',
        'Add the missing field `password`',
        'Add the missing field `database`',
        'Add the missing field `port`',
        'Add all 4 missing required fields to `configuration`',
      ],
    );
    const fixed = apply(uri, actions[4]);
    assert.deepEqual(JSON.parse(fixed).configuration, { hostname: 'db.example.com', username: '', password: '', database: '', port: 5432 });
    assert.match(fixed, /\n {8}"port": 5432\n {4}\}/, 'indented like its neighbours');
    // What is left: the blanks to fill in (a warning each, issue 11 point 12), nothing else.
    assert.deepEqual((await session.change(uri, fixed)).map((d) => `${d.code} ${d.message}`), [
      'empty-required `username` is required and still empty: fill it in before sending',
      'empty-required `password` is required and still empty: fill it in before sending',
      'empty-required `database` is required and still empty: fill it in before sending',
    ]);
  });

  test('add one missing field, and a missing configuration object at the root', async () => {
    const uri = newUri();
    const diagnostics = await session.open(uri, '{ "name": "x", "type": "warehouse" }');
    const actions = await fixesFor(uri, diagnostics, 'missing-required');
    assert.deepEqual(actions.map((a) => a.title), ['Add the missing field `configuration`']);
    const withConfiguration = apply(uri, actions[0]);
    const next = await session.change(uri, withConfiguration);
    const missing = next.filter((d) => d.code === 'missing-required').map((d) => (d.data as { field: string }).field);
    assert.deepEqual(missing, ['hostname', 'auth_mode', 'region']);
    const all = (await fixesFor(uri, next, 'missing-required')).find((a) => a.title.startsWith('Add all'));
    assert.ok(all);
    const fixed = apply(uri, all);
    assert.deepEqual(JSON.parse(fixed).configuration, { hostname: '', auth_mode: 'access_key_and_secret', region: 'us-east-1' });
    assert.deepEqual((await session.change(uri, fixed)).map((d) => d.code), ['empty-required'], 'only the blank hostname is left to fill in');
  });

  test('rename a mistyped key to the suggestion', async () => {
    const uri = newUri();
    const diagnostics = await session.open(uri, '{ "name": "x", "type": "api", "configuration": { "url": "https://example.com", "helthcheck": "/h" } }');
    const [action] = await fixesFor(uri, diagnostics, 'unknown-field');
    assert.equal(action.title, 'Rename the field to `healthcheck`');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(await session.change(uri, apply(uri, action)), []);
  });

  test('replace a mistyped type with the suggestion', async () => {
    const uri = newUri();
    const diagnostics = await session.open(uri, '{ "name": "x", "type": "apii", "configuration": { "url": "https://example.com" } }');
    const [action] = await fixesFor(uri, diagnostics, 'unknown-type');
    assert.equal(action.title, 'Change the type to `api`');
    assert.deepEqual(await session.change(uri, apply(uri, action)), []);
  });

  test('move a literal secret to ${env:NAME}, without echoing it', async () => {
    const uri = newUri();
    const text = '{ "name": "x", "type": "postgresql", "configuration": { "hostname": "h", "username": "u", "password": "hunter2", "database": "d", "port": 5432 } }';
    const diagnostics = await session.open(uri, text);
    const [action] = await fixesFor(uri, diagnostics, 'literal-secret');
    assert.equal(action.title, 'Replace the literal secret with ${env:POSTGRESQL_PASSWORD} (set that environment variable)');
    assert.ok(!JSON.stringify(action).includes('hunter2'), 'the fix never carries the secret');
    const fixed = apply(uri, action);
    assert.equal(JSON.parse(fixed).configuration.password, '${env:POSTGRESQL_PASSWORD}');
    assert.deepEqual(await session.change(uri, fixed), []);
  });

  test('or move it to secret storage as ${secret:NAME}: a command for the client, which holds secrets; the value is not in it', async () => {
    const uri = newUri();
    const text = '{ "name": "x", "type": "postgresql", "configuration": { "hostname": "h", "username": "u", "password": "hunter2", "database": "d", "port": 5432 } }';
    const diagnostics = await session.open(uri, text);
    const [, move] = await fixesFor(uri, diagnostics, 'literal-secret');
    assert.equal(move.title, 'Move the literal secret to secret storage as ${secret:POSTGRESQL_PASSWORD}');
    assert.equal(move.command?.command, 'polytomic.moveToSecretStorage');
    assert.equal(move.command?.arguments?.[2], 'POSTGRESQL_PASSWORD');
    assert.ok(!JSON.stringify(move).includes('hunter2'), 'the fix never carries the secret');
  });

  test('remove an unknown field that has no near match', async () => {
    const uri = newUri();
    const text = '{\n  "name": "x",\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "h",\n    "zzqqxx_nothing_like_it": 1,\n    "username": "u",\n    "password": "${env:P}",\n    "database": "d",\n    "port": 5432\n  }\n}\n';
    const diagnostics = await session.open(uri, text);
    const [action] = await fixesFor(uri, diagnostics, 'unknown-field');
    assert.equal(action?.title, 'Remove the field "zzqqxx_nothing_like_it"');
    const fixed = apply(uri, action);
    assert.ok(!fixed.includes('zzqqxx'));
    assert.deepEqual(await session.change(uri, fixed), []);
  });

  test('no fix for a diagnostic whose range no longer holds what it reported', async () => {
    const uri = newUri();
    const diagnostics = await session.open(uri, '{ "name": "x", "type": "apii", "configuration": {} }');
    await session.change(uri, '{}');
    assert.deepEqual(await fixesFor(uri, diagnostics, 'unknown-type'), []);
  });
});
