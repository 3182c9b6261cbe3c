// The state folder (.polytomic/): one apply at a time (two at once each rewrote create-keys.json from memory and
// both created the same files), a stale lock taken over, a corrupt create-keys.json said on stderr rather than
// silently started anew, a .gitignore of its own, and its place at the root of the git repository.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { cleanEnv, runCli, SHARED_CATALOG, startCli, tempFolder } from './support';

const KEY = 'cli-state-key-4f2a9c18';

function pg(name: string): string {
  return JSON.stringify({ name, type: 'postgresql', configuration: { hostname: 'db.example.com', port: 5432, database: 'app', username: 'u', password: '${env:PG_PASSWORD}' } }, null, 2) + '\n';
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('the state folder: lock, lost create keys, .gitignore, place', () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  const requests: string[] = [];
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG, log: (line) => requests.push(line) });
    env = cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url, PG_PASSWORD: 'state-pg-password' });
  });
  afterEach(() => {
    emulator.faults.clear();
    emulator.reset();
    requests.length = 0;
  });
  after(() => emulator.close());
  const cli = (args: string[], cwd: string) => runCli(args, { cwd, env });
  const files = () => ({ 'a.polytomic.json': pg('A'), 'b.polytomic.json': pg('B'), 'c.polytomic.json': pg('C') });
  const lockFile = (dir: string) => path.join(dir, '.polytomic', 'apply.lock');

  test('two applies at once in one folder: one runs, the other exits 2 naming its pid; each connection is made once', async () => {
    const dir = tempFolder(files());
    emulator.faults.set({ latencyMs: 400, methods: ['POST'] });
    const first = startCli(['apply', '--yes'], { cwd: dir, env });
    const second = startCli(['apply', '--yes'], { cwd: dir, env });
    const results = await Promise.all([first.done, second.done]);
    const refused = results.findIndex((r) => r.status === 2);
    assert.ok(refused >= 0, results.map((r) => r.stdout + r.stderr).join('\n---\n'));
    const ran = results[1 - refused];
    assert.equal(ran.status, 0, ran.stdout + ran.stderr);
    const holder = [first, second][1 - refused].child.pid;
    assert.match(results[refused].stderr, new RegExp(`another apply is running with this state folder \\(pid ${holder}\\): wait for it to end\\. If no such process runs, remove .*apply\\.lock\\.`));
    assert.equal(emulator.state.connections.size, 3, 'no connection created twice');
    const ids = ['a', 'b', 'c'].map((n) => JSON.parse(readFileSync(path.join(dir, `${n}.polytomic.json`), 'utf8')).id as string);
    assert.equal(new Set(ids).size, 3);
    assert.ok(ids.every((id) => emulator.state.connections.has(id)));
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, '.polytomic', 'create-keys.json'), 'utf8')), {});
    assert.ok(!existsSync(lockFile(dir)), 'released');
  });

  test('a lock of a live process here refuses apply and pull; one of a dead process or of another host is taken over', async () => {
    const dir = tempFolder(files());
    mkdirSync(path.join(dir, '.polytomic'));
    // This test's own process: alive, on this host, not the CLI's.
    writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, host: os.hostname(), command: 'apply', token: 'x' }));
    const refused = await cli(['apply', '--yes'], dir);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, new RegExp(`another apply is running with this state folder \\(pid ${process.pid}\\)`));
    const pull = await cli(['pull', '00000000-0000-4000-8000-000000000000'], dir);
    assert.equal(pull.status, 2);
    assert.match(pull.stderr, /another apply is running/);
    assert.deepEqual(requests, [], 'nothing was sent while the lock was held');

    writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, host: 'another-runner', command: 'apply', token: 'x' }));
    const otherHost = await cli(['apply', '--yes', 'a.polytomic.json'], dir);
    assert.equal(otherHost.status, 0, otherHost.stderr);

    writeFileSync(lockFile(dir), JSON.stringify({ pid: await deadPid(), host: os.hostname(), command: 'apply', token: 'x' }));
    const dead = await cli(['apply', '--yes'], dir);
    assert.equal(dead.status, 0, dead.stderr);
    assert.equal(emulator.state.connections.size, 3);
    assert.ok(!existsSync(lockFile(dir)));
  });

  test('a corrupt create-keys.json is said on stderr (its keys are lost); fingerprints.json too; both start anew', async () => {
    const dir = tempFolder(files());
    mkdirSync(path.join(dir, '.polytomic'));
    writeFileSync(path.join(dir, '.polytomic', 'create-keys.json'), '{"polytomic.createKey:/x": {"key": "half a wri');
    writeFileSync(path.join(dir, '.polytomic', 'fingerprints.json'), '[]');
    const planned = await cli(['plan'], dir);
    assert.match(planned.stderr, /^warning: .*fingerprints\.json cannot be read \(it does not hold a JSON object\): whether a secret changed is not known until the next apply sends it\.$/m);
    const applied = await cli(['apply', '--yes'], dir);
    assert.equal(applied.status, 0, applied.stderr);
    assert.match(
      applied.stderr,
      /^warning: .*create-keys\.json cannot be read \(.*JSON.*\): the create keys it held are lost, and it is started anew\. A create whose answer was lost can no longer be replayed: a file to create that looks like a connection no file holds is held back \(pull that connection into it\)\.$/m,
    );
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, '.polytomic', 'create-keys.json'), 'utf8')), {});
    const again = await cli(['apply', '--yes'], dir);
    assert.ok(!again.stderr.includes('warning:'), again.stderr);
  });

  test('.polytomic/ made by the tool ignores itself; it lives at the root of the git repository, not the subfolder', async () => {
    const repo = tempFolder({ 'connections/a.polytomic.json': pg('A') });
    assert.equal(spawnSync('git', ['init', '--quiet'], { cwd: repo }).status, 0);
    const applied = await cli(['apply', '--yes', '.'], path.join(repo, 'connections'));
    assert.equal(applied.status, 0, applied.stderr);
    assert.ok(!existsSync(path.join(repo, 'connections', '.polytomic')), 'not in the subfolder');
    assert.equal(readFileSync(path.join(repo, '.polytomic', '.gitignore'), 'utf8'), '*\n');
    assert.ok(existsSync(path.join(repo, '.polytomic', 'create-keys.json')));
    const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: repo, encoding: 'utf8' }).stdout;
    assert.ok(!status.split('\n').some((line) => line.slice(3).startsWith('.polytomic/')), status);
    // From the root, the same state: the plan sees the secret sent from the subfolder as unchanged.
    const planned = await cli(['plan', '--detailed-exitcode'], repo);
    assert.equal(planned.status, 0, planned.stdout);
  });
});
