// Every one of the 232 real schemas (../shared/data/connection-types, read in place as a catalog folder) loads,
// compiles and validates a generated document without an error and without crashing the server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LspSession } from './lsp-session';
import { REAL_CATALOG, newUri } from './fixtures';
import { generateDocument } from './generate-config';

const index = JSON.parse(readFileSync(resolve(REAL_CATALOG, 'index.json'), 'utf8')) as { id: string }[];

let session: LspSession;
before(async () => {
  session = (await LspSession.start({ catalogDirs: [REAL_CATALOG], debounceMs: 0 })).session;
});
after(() => session.stop());

test('the real catalog lists 232 types and the server knows them all', async () => {
  assert.equal(index.length, 232);
  const types = await session.connection.sendRequest<{ id: string; catalogDir: string }[]>('polytomic/listTypes', {});
  for (const { id } of index) {
    const type = types.find((t) => t.id === id);
    assert.ok(type, `${id} is listed`);
    assert.equal(type.catalogDir, REAL_CATALOG, `${id} comes from the real catalog, which precedes the bundled one`);
  }
});

test('a generated document of every real type validates without an error-severity diagnostic', async () => {
  const failures: string[] = [];
  for (const { id } of index) {
    const schema: unknown = JSON.parse(readFileSync(resolve(REAL_CATALOG, `${id}.json`), 'utf8'));
    const document = generateDocument(id, schema);
    const diagnostics = await session.open(newUri(id), JSON.stringify(document, null, 2));
    // Information would mean the schema did not load or compile; an error, that the document or the mapping is wrong.
    const bad = diagnostics.filter((d) => d.severity === 1 || d.code === 'no-schema');
    if (bad.length > 0) failures.push(`${id}: ${bad.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  }
  assert.deepEqual(failures, []);
  assert.equal(session.process.exitCode, null, 'the server is still running');
});

test('a wrong value in a required field of every real type is reported as an error, not a crash', async () => {
  let checked = 0;
  for (const { id } of index) {
    const schema = JSON.parse(readFileSync(resolve(REAL_CATALOG, `${id}.json`), 'utf8')) as { required?: string[] };
    const document = generateDocument(id, schema);
    const field = schema.required?.[0];
    if (!field) continue;
    delete document.configuration[field];
    const diagnostics = await session.open(newUri(id), JSON.stringify(document));
    const missing = diagnostics.find((d) => d.code === 'missing-required');
    assert.ok(missing, `${id}: removing \`${field}\` is reported`);
    assert.equal(missing.message, `missing required field \`${field}\` in \`configuration\``);
    checked++;
  }
  assert.ok(checked > 150, `most real types have a required field (${checked})`);
});
