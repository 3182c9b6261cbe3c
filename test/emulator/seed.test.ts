import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { call, start } from './harness';

describe('seeds', () => {
  test('demo: a dozen connections of several types, some unhealthy, some in use', async () => {
    const emulator = await start({ seed: 'demo' });
    try {
      const list = (await call(emulator, 'GET', '/api/connections')).json.data as any[];
      assert.equal(list.length, 12);
      assert.ok(new Set(list.map((c) => c.type.id)).size >= 10);
      const unhealthy = list.filter((c) => c.status === 'unhealthy');
      assert.ok(unhealthy.length >= 3);
      assert.ok(unhealthy.every((c) => typeof c.status_error === 'string' && c.status_error.length > 0));
      const used = list.filter((c) => emulator.state.usedBy(c.id).length > 0);
      assert.ok(used.length >= 4);
      const inUse = await call(emulator, 'DELETE', `/api/connections/${used[0].id}`);
      assert.equal(inUse.status, 422);
      assert.ok(list.every((c) => !JSON.stringify(c).includes('demo-not-a-real')));
    } finally {
      await emulator.close();
    }
  });

  test('demo: every connection round-trips an update with its masked configuration', async () => {
    const emulator = await start({ seed: 'demo' });
    try {
      const list = (await call(emulator, 'GET', '/api/connections')).json.data as any[];
      const failures: string[] = [];
      for (const connection of list) {
        const storedBefore = structuredClone(emulator.state.connections.get(connection.id)!.configuration);
        const result = await call(emulator, 'PUT', `/api/connections/${connection.id}`, {
          body: { name: connection.name, configuration: connection.configuration, validate: false },
        });
        if (result.status !== 200) failures.push(`${connection.type.id}: ${result.text}`);
        else if (!isDeepStrictEqual(emulator.state.connections.get(connection.id)!.configuration, storedBefore)) failures.push(`${connection.type.id}: configuration changed`);
      }
      assert.deepEqual(failures, []);
    } finally {
      await emulator.close();
    }
  });

  test('demo loads even when the catalog lacks its types', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-catalog-'));
    try {
      writeFileSync(join(dir, 'index.json'), JSON.stringify([{ id: 'postgresql', name: 'PostgreSQL', use_oauth: false }]));
      const emulator = await start({ catalogDir: dir, seed: 'demo' });
      try {
        const list = (await call(emulator, 'GET', '/api/connections')).json.data as any[];
        assert.equal(list.length, 12);
        const stripe = list.find((c) => c.type.id === 'stripe');
        assert.deepEqual(stripe.type, { id: 'stripe', name: 'Stripe' });
        assert.equal(stripe.configuration.api_key, '********');
      } finally {
        await emulator.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('many:5000 serves five thousand connections', async () => {
    const emulator = await start({ seed: 'many:5000' });
    try {
      const list = await call(emulator, 'GET', '/api/connections');
      assert.equal(list.json.data.length, 5000);
      assert.equal(new Set(list.json.data.map((c: any) => c.id)).size, 5000);
      assert.doesNotMatch(list.text, /demo-not-a-real/);
    } finally {
      await emulator.close();
    }
  });

  test('seeds are deterministic and unknown seeds are refused', async () => {
    const a = await start({ seed: 'demo' });
    const b = await start({ seed: 'demo' });
    try {
      assert.deepEqual([...a.state.connections.keys()], [...b.state.connections.keys()]);
    } finally {
      await a.close();
      await b.close();
    }
    await assert.rejects(start({ seed: 'everything' }), /unknown seed "everything"; use "demo" or "many:N"/);
  });
});
