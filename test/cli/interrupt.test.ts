// Ctrl-C during apply, as a real signal to a real child process while slow creates are in flight (the emulator holds
// each POST before it commits). Before the fix the first Ctrl-C aborted the requests in flight, though the message
// said they would finish: Polytomic made the connections and their ids never reached the files.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { cleanEnv, runCli, SHARED_CATALOG, startCli, tempFolder } from './support';

const KEY = 'cli-interrupt-key-6a0d2f55';
const NAMES = ['A', 'B', 'C', 'D', 'E', 'F'];

function pg(name: string): string {
  return JSON.stringify({ name, type: 'postgresql', configuration: { hostname: 'db.example.com', port: 5432, database: 'app', username: 'u', password: '${env:PG_PASSWORD}' } }, null, 2) + '\n';
}

describe('Ctrl-C while creates are in flight', () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  let arrived = 0;
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG });
    env = cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url, PG_PASSWORD: 'interrupt-pg-password' });
    const decide = emulator.faults.decide.bind(emulator.faults);
    emulator.faults.decide = (method: string) => {
      if (method === 'POST') arrived++;
      return decide(method);
    };
  });
  afterEach(() => {
    emulator.faults.clear();
    emulator.reset();
    arrived = 0;
  });
  after(() => emulator.close());

  const folder = () => tempFolder(Object.fromEntries(NAMES.map((n) => [`${n.toLowerCase()}.polytomic.json`, pg(n)])));
  const idOf = (dir: string, name: string) => (JSON.parse(readFileSync(path.join(dir, `${name.toLowerCase()}.polytomic.json`), 'utf8')) as { id?: string }).id;
  const keysIn = (dir: string) => Object.keys(JSON.parse(readFileSync(path.join(dir, '.polytomic', 'create-keys.json'), 'utf8')) as object);
  async function untilArrived(count: number): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (arrived < count) {
      assert.ok(Date.now() < deadline, `${count} creates reach the emulator`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  test('once: the creates in flight finish and their ids are in the files; the rest are skipped, nothing sent for them', async () => {
    const dir = folder();
    emulator.faults.set({ latencyMs: 1200, methods: ['POST'] });
    const { child, done } = startCli(['apply', '--yes', '--concurrency', '2'], { cwd: dir, env });
    await untilArrived(2);
    child.kill('SIGINT');
    const result = await done;
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /Stopping: no further item starts; the ones being sent finish\. Press Ctrl-C again to cancel them\./);
    assert.equal(arrived, 2, 'no create started after Ctrl-C');
    const created = NAMES.filter((n) => idOf(dir, n) !== undefined);
    assert.deepEqual(created, ['A', 'B'], result.stdout);
    for (const name of created) assert.ok(emulator.state.connections.has(idOf(dir, name)!), `${name}'s id is the connection's`);
    assert.equal(emulator.state.connections.size, 2);
    for (const name of ['C', 'D', 'E', 'F']) {
      assert.match(result.stdout, new RegExp(`^skipped  ${name} \\(${name.toLowerCase()}\\.polytomic\\.json\\): cancelled before it started; nothing was sent for it$`, 'm'));
    }
    assert.match(result.stdout, /^Apply: 2 done, 4 skipped\.$/m);
    assert.deepEqual(keysIn(dir), [], 'both creates settled');
  });

  test('twice: the creates in flight are cancelled, their keys kept; the next apply replays them, no duplicate', async () => {
    const dir = folder();
    emulator.faults.set({ latencyMs: 1200, methods: ['POST'] });
    const { child, done } = startCli(['apply', '--yes', '--concurrency', '2'], { cwd: dir, env });
    await untilArrived(2);
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const result = await done;
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Cancelling the requests in flight/);
    assert.match(result.stdout, /^failed {3}A \(a\.polytomic\.json\): cancelled while it was being sent: it may have gone through/m);
    assert.equal(keysIn(dir).length, 2, 'the keys of the two cancelled creates are kept');
    assert.ok(NAMES.every((n) => idOf(dir, n) === undefined));

    emulator.faults.clear();
    const deadline = Date.now() + 20_000;
    while (emulator.state.connections.size < 2) {
      assert.ok(Date.now() < deadline, 'the cancelled creates commit on the server');
      await new Promise((r) => setTimeout(r, 20));
    }
    const again = await runCli(['apply', '--yes'], { cwd: dir, env });
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.equal(emulator.state.connections.size, 6, 'A and B replayed, not created twice');
    assert.ok(NAMES.every((n) => emulator.state.connections.has(idOf(dir, n) ?? '')));
  });
});
