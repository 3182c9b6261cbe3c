// Import: every unmanaged live connection into a file of its own, then a plan that finds them all unchanged.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { buildPlan, importOrganization, importSummary } from '../../core/src/workspace';
import { newFileWriter } from '../../core/src/workspace/nodeFiles';
import { sharedCatalogDir } from '../api/support/paths';
import { openWorkspace, sharedSchema, type Workspace } from './support';

const oauth = new Set((JSON.parse(readFileSync(path.join(sharedCatalogDir(), 'index.json'), 'utf8')) as { id: string; use_oauth?: boolean }[]).filter((t) => t.use_oauth).map((t) => t.id));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('importing an organisation', () => {
  let ws: Workspace;
  before(async () => {
    ws = await openWorkspace({ seed: 'demo' });
  });
  after(() => ws.close());

  test('writes each unmanaged connection once, secrets as placeholders, OAuth types skipped with why; a second import writes nothing', async () => {
    const live = await ws.client.listConnections();
    // Two connections of one name and type: each file gets the short id, neither overwrites the other.
    const twinA = await ws.client.createConnection({ name: 'Twin', type: 'postgresql', configuration: { hostname: 'a', port: 5432, database: 'd', username: 'u', password: 'twin-secret-a' } });
    const twinB = await ws.client.createConnection({ name: 'Twin', type: 'postgresql', configuration: { hostname: 'b', port: 5432, database: 'd', username: 'u', password: 'twin-secret-b' } });
    const all = [...live, twinA, twinB];
    const deps = { usesOauth: (t: string) => oauth.has(t), schemaFor: sharedSchema, placeholderKind: 'env' as const, writeNewFile: newFileWriter(path.join(ws.dir, 'imported')) };
    const result = await importOrganization(all, new Set(), deps);
    const expectedOauth = all.filter((c) => oauth.has(c.type?.id ?? ''));
    assert.ok(expectedOauth.length > 0, 'the demo organisation has an OAuth connection');
    assert.deepEqual(result.skipped.map((s) => s.id).sort(), expectedOauth.map((c) => c.id).sort());
    assert.match(result.skipped[0].reason, /OAuth, which a file cannot recreate/);
    assert.equal(result.written.length, all.length - expectedOauth.length);
    assert.ok(result.written.some((w) => w.relativePath === `postgresql/twin-${twinA.id.slice(0, 8)}.polytomic.json`));
    assert.ok(result.written.some((w) => w.relativePath === 'postgresql/production-postgres.polytomic.json'));
    assert.match(importSummary(result), /^\d+ connections written, \d+ skipped$/);

    const texts = filesUnder(path.join(ws.dir, 'imported')).map((f) => readFileSync(f, 'utf8'));
    for (const secret of ['demo-not-a-real-password', 'twin-secret-a', 'twin-secret-b']) {
      assert.ok(!texts.some((t) => t.includes(secret)), `${secret} is not written into any file`);
    }
    const twin = JSON.parse(readFileSync(path.join(ws.dir, 'imported', `postgresql/twin-${twinB.id.slice(0, 8)}.polytomic.json`), 'utf8'));
    assert.equal(twin.id, twinB.id);
    assert.equal(twin.configuration.password, `\${env:POSTGRESQL_TWIN_${twinB.id.slice(0, 8).toUpperCase()}_PASSWORD}`, "each file's secret has a name of its own");

    // What the files hold now is managed: nothing new on a second import, and the plan has nothing to change.
    const files = await ws.files();
    const managed = new Set(files.map((f) => JSON.parse(f.text).id as string));
    const second = await importOrganization(await ws.client.listConnections(), managed, deps);
    assert.deepEqual(second.written, []);
    const plan = await buildPlan(files, await ws.client.listConnections(), ws.planDeps());
    assert.equal(plan.counts.unchanged, result.written.length, JSON.stringify(plan.items.filter((i) => i.action !== 'unchanged' && i.action !== 'unmanaged').map((i) => [i.file?.label, i.action, i.reason, i.changes])));
    assert.equal(plan.counts.unmanaged, expectedOauth.length);
  });

  test('an existing file is never overwritten: the connection gets its short id in the name, or is skipped and says why', async () => {
    const live = (await ws.client.listConnections()).filter((c) => c.name === 'Production Postgres');
    const id8 = live[0].id.replace(/-/g, '').slice(0, 8);
    const writer = newFileWriter(path.join(ws.dir, 'again'));
    await writer('postgresql/production-postgres.polytomic.json', '{"name": "mine"}\n');
    const deps = { usesOauth: () => false, schemaFor: sharedSchema, placeholderKind: 'secret' as const, writeNewFile: writer };
    const result = await importOrganization(live, new Set(), deps);
    assert.deepEqual(result.written.map((w) => w.relativePath), [`postgresql/production-postgres-${id8}.polytomic.json`]);
    assert.equal(readFileSync(path.join(ws.dir, 'again', 'postgresql/production-postgres.polytomic.json'), 'utf8'), '{"name": "mine"}\n');
    const both = await importOrganization(live, new Set(), deps);
    assert.deepEqual(both.written, []);
    assert.match(both.skipped[0].reason, /production-postgres\.polytomic\.json and .*-[0-9a-f]{8}\.polytomic\.json exist already .*nothing was overwritten/);
    await assert.rejects(writer('../escape.polytomic.json', '{}'), /outside/);
  });

  test('names and ids from the API cannot choose where a file goes: long names are cut, odd ids are cleaned, links are not followed out', async () => {
    const [base] = (await ws.client.listConnections()).filter((c) => c.name === 'Production Postgres');
    const odd = [
      { ...base, id: '/../../../../x', name: 'Dup' },
      { ...base, id: '..\\..\\y', name: 'Dup' },
      { ...base, id: 'long-one', name: 'L'.repeat(300) },
      { ...base, id: 'slashes', name: '../../etc/passwd' },
    ];
    const root = path.join(ws.dir, 'odd');
    const result = await importOrganization(odd, new Set(), { usesOauth: () => false, schemaFor: sharedSchema, placeholderKind: 'env', writeNewFile: newFileWriter(root) });
    assert.deepEqual(result.skipped, []);
    for (const w of result.written) {
      assert.match(w.relativePath, /^postgresql\/[a-z0-9-]{1,80}\.polytomic\.json$/, w.relativePath);
    }
    assert.ok(filesUnder(root).every((f) => f.startsWith(path.join(root, 'postgresql') + path.sep)));

    const outside = path.join(ws.dir, 'outside');
    mkdirSync(outside);
    mkdirSync(path.join(ws.dir, 'linked'));
    symlinkSync(outside, path.join(ws.dir, 'linked', 'postgresql'));
    const linked = await importOrganization([base], new Set(), { usesOauth: () => false, schemaFor: sharedSchema, placeholderKind: 'env', writeNewFile: newFileWriter(path.join(ws.dir, 'linked')) });
    assert.deepEqual(linked.written, []);
    assert.match(linked.skipped[0].reason, /leads outside .* through a link/);
    assert.deepEqual(readdirSync(outside), []);
  });
});
