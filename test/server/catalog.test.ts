// Catalog folders over a real LSP connection: precedence of catalogDirs over the bundled catalog, the custom requests,
// and reloading on polytomic/catalogChanged with revalidation of the open documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspSession } from './lsp-session';
import { CORE_CATALOG, DOCS_POSTGRES_EXAMPLE, OVERRIDE_CATALOG, newUri } from './fixtures';

interface ListedType {
  id: string;
  name: string;
  useOauth: boolean;
  catalogDir: string;
  bundled: boolean;
}

test('earlier catalog folders win per type, then the bundled catalog fills in', async () => {
  const { session } = await LspSession.start({ catalogDirs: [OVERRIDE_CATALOG, CORE_CATALOG], debounceMs: 0 });
  try {
    const types = await session.connection.sendRequest<ListedType[]>('polytomic/listTypes', {});
    const byId = new Map(types.map((t) => [t.id, t]));
    assert.deepEqual(byId.get('postgresql'), { id: 'postgresql', name: 'PostgreSQL (live)', useOauth: false, catalogDir: OVERRIDE_CATALOG, bundled: false });
    assert.equal(byId.get('live_only')?.useOauth, true);
    assert.equal(byId.get('api')?.catalogDir, CORE_CATALOG);
    assert.equal(byId.get('snowflake')?.bundled, true, 'a type only the bundled catalog has');
    assert.deepEqual(types.map((t) => t.id), [...types.map((t) => t.id)].sort(), 'sorted by id');

    const diagnostics = await session.open(newUri(), DOCS_POSTGRES_EXAMPLE);
    assert.ok(diagnostics.some((d) => d.message === 'missing required field `sslmode` in `configuration`'), 'checked against the first folder');
  } finally {
    await session.stop();
  }
});

test('polytomic/schemaInfo names the type of a document and where its schema comes from', async () => {
  const { session } = await LspSession.start({ catalogDirs: [CORE_CATALOG], debounceMs: 0 });
  try {
    const uri = newUri();
    await session.open(uri, DOCS_POSTGRES_EXAMPLE);
    const info = await session.connection.sendRequest<{ type?: string; catalogType?: ListedType; schemaLoaded?: boolean }>('polytomic/schemaInfo', { uri });
    assert.equal(info.type, 'postgresql');
    assert.equal(info.catalogType?.catalogDir, CORE_CATALOG);
    assert.equal(info.schemaLoaded, true);
    const unknownUri = newUri();
    await session.open(unknownUri, '{ "type": "nope" }');
    assert.deepEqual(await session.connection.sendRequest('polytomic/schemaInfo', { uri: unknownUri }), {
      type: 'nope',
      problem: 'no catalog lists the connection type "nope"',
    });
    const ghostUri = newUri();
    await session.open(ghostUri, '{ "type": "ghost" }');
    const ghost = await session.connection.sendRequest<{ schemaLoaded?: boolean; problem?: string }>('polytomic/schemaInfo', { uri: ghostUri });
    assert.equal(ghost.schemaLoaded, false);
    assert.match(ghost.problem ?? '', /ghost\.json: the file is missing/);
    assert.deepEqual(await session.connection.sendRequest('polytomic/schemaInfo', { uri: 'file:///not-open.json' }), {});
  } finally {
    await session.stop();
  }
});

test('polytomic/catalogChanged with new folders reloads and revalidates the open documents', async () => {
  const { session } = await LspSession.start({ catalogDirs: [CORE_CATALOG], debounceMs: 0 });
  try {
    const uri = newUri();
    assert.deepEqual(await session.open(uri, DOCS_POSTGRES_EXAMPLE), []);
    const revalidated = session.nextDiagnostics(uri);
    await session.connection.sendNotification('polytomic/catalogChanged', { catalogDirs: [OVERRIDE_CATALOG, CORE_CATALOG] });
    const diagnostics = await revalidated;
    assert.ok(diagnostics.some((d) => d.message === 'missing required field `sslmode` in `configuration`'));
    const types = await session.connection.sendRequest<ListedType[]>('polytomic/listTypes', {});
    assert.ok(types.some((t) => t.id === 'live_only'));
  } finally {
    await session.stop();
  }
});

test('polytomic/catalogChanged without params re-reads the same folders (the client rewrote them)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'polytomic-catalog-'));
  cpSync(CORE_CATALOG, folder, { recursive: true });
  const { session } = await LspSession.start({ catalogDirs: [folder], debounceMs: 0 });
  try {
    const uri = newUri();
    assert.deepEqual(await session.open(uri, DOCS_POSTGRES_EXAMPLE), []);
    const stricter = { type: 'object', required: ['hostname', 'region'], properties: { hostname: { type: 'string' }, region: { type: 'string' } } };
    writeFileSync(join(folder, 'postgresql.json'), JSON.stringify(stricter));
    const revalidated = session.nextDiagnostics(uri);
    await session.connection.sendNotification('polytomic/catalogChanged', {});
    const messages = (await revalidated).map((d) => d.message);
    assert.ok(messages.includes('missing required field `region` in `configuration`'), messages.join('\n'));
    assert.ok(messages.includes('unknown field `port` in `configuration`'), 'the cached compiled validator was dropped');
  } finally {
    await session.stop();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a catalog folder that does not exist is skipped with a log line, not a failure', async () => {
  const missing = join(tmpdir(), 'polytomic-no-such-catalog');
  const { session } = await LspSession.start({ catalogDirs: [missing, CORE_CATALOG], debounceMs: 0 });
  try {
    assert.deepEqual(await session.open(newUri(), DOCS_POSTGRES_EXAMPLE), []);
    assert.ok(session.logs.some((line) => line.includes(missing) && line.includes('does not exist')), session.logs.join('\n'));
  } finally {
    await session.stop();
  }
});
