// The trust rule, by attack: a repository's polytomic.profiles.json that points a profile at its own server must
// not receive the invoker's key. The key goes only to an address the invoker named (--base-url, POLYTOMIC_BASE_URL)
// or to the public default. A profiles file may not hold a key at all.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { cleanEnv, runCli, SHARED_CATALOG, tempFolder, type CliResult } from './support';

const KEY = 'trust-test-key-77c1d2e3';
const CRM = '{ "name": "CRM", "type": "affinity", "configuration": {} }\n';

/** A plain server standing in for the attacker's: it counts every request and every Authorization header. */
interface Listener {
  url: string;
  requests: number;
  authorizations: string[];
  server: Server;
}

async function attackerServer(): Promise<Listener> {
  const listener: Listener = { url: '', requests: 0, authorizations: [], server: undefined as unknown as Server };
  listener.server = createServer((req, res) => {
    listener.requests++;
    if (req.headers.authorization) listener.authorizations.push(req.headers.authorization);
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => listener.server.listen(0, '127.0.0.1', resolve));
  listener.url = `http://127.0.0.1:${(listener.server.address() as AddressInfo).port}`;
  return listener;
}

function profilesFile(baseUrl: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ profiles: [{ name: 'team', baseUrl, keyKind: 'user', apiVersion: '2025-09-18', ...extra }] });
}

function assertNoKey(result: CliResult): void {
  assert.ok(!result.stdout.includes(KEY) && !result.stderr.includes(KEY), 'the key is never printed');
}

describe('the key goes only to a base URL the invoker named', () => {
  let attacker: Listener;
  let emulator: RunningEmulator;
  const emulatorRequests: string[] = [];
  before(async () => {
    attacker = await attackerServer();
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG, log: (line) => emulatorRequests.push(line) });
  });
  after(async () => {
    attacker.server.close();
    await emulator.close();
  });

  test('a profiles file pointing at another server is refused before any request, with or without --profile', async () => {
    const dir = tempFolder({ 'crm.polytomic.json': CRM, 'polytomic.profiles.json': profilesFile(attacker.url) });
    const env = cleanEnv({ POLYTOMIC_API_KEY: KEY });
    for (const args of [['--profile', 'team'], [], ['--profiles-file', 'polytomic.profiles.json', '--verbose']]) {
      const result = await runCli(['validate', '--online', ...args], { cwd: dir, env });
      assertNoKey(result);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.equal(result.stderr.trimEnd().split('\n').length, 1);
      assert.ok(result.stderr.includes(`confirm it: pass --base-url ${attacker.url} (or set POLYTOMIC_BASE_URL)`), result.stderr);
    }
    assert.equal(attacker.requests, 0, 'the attacker saw no request');
    assert.deepEqual(attacker.authorizations, []);
  });

  test('the same file pointing at the emulator: the emulator receives nothing until the URL is confirmed', async () => {
    const dir = tempFolder({ 'crm.polytomic.json': CRM, 'polytomic.profiles.json': profilesFile(emulator.url) });
    emulatorRequests.length = 0;
    const refused = await runCli(['validate', '--online', '--profile', 'team'], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: KEY }) });
    assert.equal(refused.status, 2);
    assert.equal(emulatorRequests.length, 0, 'no request reached the emulator');

    const byFlag = await runCli(['validate', '--online', '--profile', 'team', '--base-url', emulator.url], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: KEY }) });
    assert.equal(byFlag.status, 1, byFlag.stderr);
    assert.match(byFlag.stdout, /api_key/);
    assert.ok(emulatorRequests.includes('GET /api/connection_types -> 200'));

    emulatorRequests.length = 0;
    const byEnv = await runCli(['validate', '--online', '--catalog-max-age', '0'], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url + '/' }) });
    assert.equal(byEnv.status, 1, byEnv.stderr);
    assert.ok(emulatorRequests.length > 0);
    for (const r of [refused, byFlag, byEnv]) assertNoKey(r);
  });

  test('--base-url overrides the file: the key goes where the invoker said, never to the file\'s server', async () => {
    const dir = tempFolder({ 'crm.polytomic.json': CRM, 'polytomic.profiles.json': profilesFile(attacker.url) });
    const result = await runCli(['validate', '--online', '--base-url', emulator.url, '--catalog-max-age', '0'], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: KEY }) });
    assert.equal(result.status, 1, result.stderr);
    assert.equal(attacker.requests, 0);
  });

  test('a profiles file with a key in it is refused, and the value is not echoed', async () => {
    for (const field of ['apiKey', 'api_key', 'token', 'password']) {
      const dir = tempFolder({ 'crm.polytomic.json': CRM, 'polytomic.profiles.json': profilesFile(emulator.url, { [field]: 'sk-committed-by-mistake' }) });
      const result = await runCli(['validate', '--online', '--base-url', emulator.url], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: KEY }) });
      assert.equal(result.status, 2, field);
      assert.ok(result.stderr.includes(`has a "${field}" field in profiles[0]: no key belongs in a file of the repository`), result.stderr);
      assert.ok(!result.stderr.includes('sk-committed-by-mistake'));
    }
  });

  test('an unknown profile, or --profile without a profiles file: exit 2 naming the way out', async () => {
    const withFile = tempFolder({ 'crm.polytomic.json': CRM, 'polytomic.profiles.json': profilesFile(emulator.url) });
    const unknown = await runCli(['validate', '--online', '--profile', 'prod'], { cwd: withFile, env: cleanEnv({ POLYTOMIC_API_KEY: KEY }) });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /has no profile "prod" \(it has: team\)/);
    const noFile = await runCli(['validate', '--online', '--profile', 'prod'], { cwd: tempFolder({ 'crm.polytomic.json': CRM }), env: cleanEnv({ POLYTOMIC_API_KEY: KEY }) });
    assert.equal(noFile.status, 2);
    assert.match(noFile.stderr, /there is no profiles file/);
    const broken = await runCli(['validate', '--online'], { cwd: tempFolder({ 'crm.polytomic.json': CRM, 'polytomic.profiles.json': '{"profiles": {}}' }), env: cleanEnv({ POLYTOMIC_API_KEY: KEY }) });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /must hold \{"profiles": \[ \.\.\. \]\}/);
  });

  test('offline validate does not read the profiles file at all', async () => {
    const dir = tempFolder({ 'ok.polytomic.json': '{ "name": "x", "type": "affinity", "configuration": { "api_key": "${env:K}" } }\n', 'polytomic.profiles.json': 'not json' });
    const result = await runCli(['validate', '--catalog', SHARED_CATALOG], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: KEY }) });
    assert.equal(result.status, 0, result.stderr);
  });
});
