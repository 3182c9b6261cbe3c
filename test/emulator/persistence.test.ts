import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, createConnection, postgres, start } from './harness';

describe('--data persistence', () => {
  test('a restart with the same file loses nothing, secrets included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-data-'));
    try {
      const file = join(dir, 'state.json');
      const first = await start({ dataFile: file });
      const created = await createConnection(first, postgres());
      const model = await call(first, 'POST', '/api/models', { body: { name: 'm', connection_id: created.id } });
      await first.close();

      const second = await start({ dataFile: file, seed: 'demo' });
      try {
        const got = await call(second, 'GET', `/api/connections/${created.id}`);
        assert.equal(got.status, 200);
        assert.equal(got.json.data.name, 'Warehouse');
        assert.equal(second.state.connections.get(created.id)?.configuration.password, 's3cret-value');
        assert.equal((await call(second, 'GET', `/api/models/${model.json.data.id}`)).status, 200);
        // The seed applies to an empty organisation only.
        assert.equal(second.state.connections.size, 1);
        const removed = await call(second, 'DELETE', `/api/connections/${created.id}?force=true`);
        assert.equal(removed.status, 200);
      } finally {
        await second.close();
      }
      const third = await start({ dataFile: file });
      assert.equal(third.state.connections.size, 0);
      await third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a file that is not emulator state is refused and left untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-data-'));
    try {
      const file = join(dir, 'state.json');
      writeFileSync(file, '{"something": "else"}');
      await assert.rejects(start({ dataFile: file }), /is not an emulator state file/);
      writeFileSync(file, 'not json');
      await assert.rejects(start({ dataFile: file }), /is not valid JSON/);
      assert.equal(readFileSync(file, 'utf8'), 'not json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
