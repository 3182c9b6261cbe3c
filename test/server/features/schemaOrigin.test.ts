import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaOrigin } from '../../../server/src/features/schemaOrigin';

describe('the hover on `type` says where its schema came from', () => {
  test('a live schema names its profile and its age, never the cache path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const now = Date.parse('2026-12-02T12:00:00Z');
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ baseUrl: 'https://x', profileName: 'staging', schemas: { postgresql: '2026-12-02T09:00:00Z' } }));
    const said = schemaOrigin(dir, false, 'postgresql', now);
    assert.equal(said, 'the live schema of profile staging, fetched 3 hours ago');
    assert.ok(!said.includes(dir));
    assert.equal(schemaOrigin(dir, false, 'mysql', now), 'the live schema of profile staging');
    assert.equal(schemaOrigin(join(dir, 'nope'), false, 'postgresql', now), 'the live schema of a profile');
    assert.equal(schemaOrigin(dir, true, 'postgresql', now), "the extension's bundled catalog");
  });
});
