import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_KEY, call, postgres, start } from './harness';

test('the request log names method, path and status, and never a key or a secret', async () => {
  const lines: string[] = [];
  const emulator = await start({ log: (line) => lines.push(line) });
  try {
    await call(emulator, 'POST', '/api/connections', { body: postgres() });
    await call(emulator, 'GET', '/api/connections', { auth: 'Bearer wrong-secret-key' });
    assert.deepEqual(lines, ['POST /api/connections -> 200', 'GET /api/connections -> 401']);
    assert.ok(lines.every((line) => !line.includes(API_KEY) && !line.includes('s3cret-value') && !line.includes('wrong-secret-key')));
  } finally {
    await emulator.close();
  }
});
