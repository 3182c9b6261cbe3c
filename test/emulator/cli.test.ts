import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, sharedCatalog } from './harness';

const mainScript = join(repoRoot, 'out', 'emulator', 'src', 'main.js');

/** Starts the CLI and resolves with its URL once it has printed its whole start-up banner. */
function runCli(args: string[]): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [mainScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match && /\d+ connection\(s\)/.test(output)) {
        resolve({
          url: match[1],
          output: () => output,
          stop: () => new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before printing its URL:\n${output}`)));
  });
}

describe('the CLI', () => {
  test('prints its URL and organisation, then serves the seeded organisation', async () => {
    const cli = await runCli(['--port', '0', '--api-key', 'cli-key-1', '--api-key', 'cli-key-2', '--seed', 'demo', '--catalog', sharedCatalog, '--org-id', '0a8f3c6e-0000-4e7a-9c1f-2b3d4e5f6a7b']);
    try {
      assert.match(cli.output(), /organization id 0a8f3c6e-0000-4e7a-9c1f-2b3d4e5f6a7b/);
      assert.doesNotMatch(cli.output(), /cli-key-/);
      const response = await fetch(`${cli.url}/api/connections`, { headers: { authorization: 'Bearer cli-key-2' } });
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { data: unknown[] }).data.length, 12);
    } finally {
      await cli.stop();
    }
  });

  test('fault flags take effect', async () => {
    const cli = await runCli(['--api-key', 'k', '--catalog', sharedCatalog, '--rate-limit-every', '1', '--retry-after', '3']);
    try {
      const response = await fetch(`${cli.url}/api/connections`, { headers: { authorization: 'Bearer k' } });
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), '3');
    } finally {
      await cli.stop();
    }
  });

  test('bad flags exit with 2 and say what is wrong', () => {
    const noKey = spawnSync(process.execPath, [mainScript, '--port', '0'], { encoding: 'utf8' });
    assert.equal(noKey.status, 2);
    assert.match(noKey.stderr, /--api-key is required/);
    const badRate = spawnSync(process.execPath, [mainScript, '--api-key', 'k', '--error-rate', '1.5'], { encoding: 'utf8' });
    assert.equal(badRate.status, 2);
    assert.match(badRate.stderr, /errorRate must be a number from 0 to 1/);
  });
});
