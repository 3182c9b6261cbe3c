import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CatalogCache, CatalogSource } from '../../core/src/catalog/catalogCache';
import type { ApiProfile } from '../../core/src/api/profile';

const profile: ApiProfile = { name: 'staging', baseUrl: 'https://staging.example.com', keyKind: 'user', apiVersion: '2025-09-18' };

function fakeSource(calls: string[]): CatalogSource {
  return {
    async listConnectionTypes() {
      calls.push('list');
      return [
        { id: 'postgresql', name: 'PostgreSQL', use_oauth: false },
        { id: 'hubspot', name: 'HubSpot', use_oauth: true },
        { id: '../evil', name: 'Evil' },
      ];
    },
    async getConnectionTypeSchema(id) {
      calls.push(`schema ${id}`);
      return { type: 'object', properties: { hostname: { type: 'string' } }, required: ['hostname'] };
    },
  };
}

describe('live catalog cache', () => {
  test('writes the API layout; index.json lists only the schemas present, so the bundled ones are not hidden', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'catalog-'));
    try {
      const cache = new CatalogCache(root);
      const calls: string[] = [];
      const source = fakeSource(calls);
      const types = await cache.refreshTypes(source, profile);
      assert.deepEqual(types.map((t) => t.id), ['postgresql', 'hubspot'], 'ids that are not plain names are dropped');
      const dir = cache.dirFor(profile);
      assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')), []);

      assert.equal(await cache.ensureSchema(source, profile, 'postgresql'), true);
      assert.equal(await cache.ensureSchema(source, profile, 'postgresql'), false, 'a cached schema is not fetched again');
      assert.equal(await cache.ensureSchema(source, profile, 'postgresql', { force: true }), true);
      assert.deepEqual(calls, ['list', 'schema postgresql', 'schema postgresql']);

      assert.deepEqual(JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')), [{ id: 'postgresql', name: 'PostgreSQL', use_oauth: false }]);
      assert.deepEqual((await cache.readSchema(profile, 'postgresql'))?.required, ['hostname']);
      const meta = await cache.readMeta(profile);
      assert.ok(meta.typesFetchedAt && meta.schemas.postgresql);
      assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'no temporary files are left');
      await assert.rejects(cache.ensureSchema(source, profile, '../evil'), /not a connection type id/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('overlapping refreshes (the warm-up and a Refresh) all succeed and lose no schema from meta.json', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'catalog-'));
    try {
      const cache = new CatalogCache(root);
      const source = fakeSource([]);
      const ids = Array.from({ length: 12 }, (_, i) => `type_${i}`);
      const now = Date.now;
      Date.now = () => 1_700_000_000_000; // every write in the same millisecond, as on a fast machine
      try {
        await Promise.all([
          cache.refreshTypes(source, profile),
          cache.refreshTypes(source, profile),
          ...ids.map((id) => cache.ensureSchema(source, profile, id)),
          cache.refreshTypes(source, profile),
        ]);
      } finally {
        Date.now = now;
      }
      const meta = await cache.readMeta(profile);
      assert.deepEqual(Object.keys(meta.schemas).sort(), [...ids].sort());
      assert.deepEqual((await cache.cachedTypeIds(profile)), [...ids].sort());
      const index = JSON.parse(readFileSync(path.join(cache.dirFor(profile), 'index.json'), 'utf8')) as Array<{ id: string }>;
      assert.deepEqual(index.map((t) => t.id).sort(), [...ids].sort());
      assert.deepEqual(readdirSync(cache.dirFor(profile)).filter((n) => n.endsWith('.tmp')), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('each profile (name and URL) has its own folder', () => {
    const cache = new CatalogCache('/tmp/x');
    const other = cache.dirFor({ ...profile, baseUrl: 'https://other.example.com' });
    assert.notEqual(cache.dirFor(profile), other);
    assert.match(path.basename(other), /^staging-[0-9a-f]{10}$/);
  });
});
