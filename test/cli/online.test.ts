// validate --online against the emulator: the live catalog is fetched into the cache folder and wins over the
// bundled one; the cache is reused while fresh; the key comes from the environment or a file and never shows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { BROKEN_POSTGRES, cleanEnv, runCli, SHARED_CATALOG, tempFolder, type CliResult } from './support';

const KEY = 'cli-online-key-5b1e07c9';
const CRM = '{\n  "name": "CRM",\n  "type": "affinity",\n  "configuration": {}\n}\n';

function assertNoKey(result: CliResult): void {
  for (const secret of [KEY, Buffer.from(KEY).toString('base64')]) {
    assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), 'the key is never printed');
  }
}

describe('validate --online', () => {
  let emulator: RunningEmulator;
  const requests: string[] = [];
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG, log: (line) => requests.push(line) });
  });
  after(() => emulator.close());

  test('fetches the type list and the schemas of the files types, into $XDG_CACHE_HOME/polytomic-connections', async () => {
    requests.length = 0;
    const env = cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url });
    const dir = tempFolder({ 'crm.polytomic.json': CRM, 'pg.polytomic.json': BROKEN_POSTGRES });
    const result = await runCli(['validate', '--online', '--format', 'json'], { cwd: dir, env });
    assertNoKey(result);
    assert.equal(result.status, 1, result.stderr);
    const entries = JSON.parse(result.stdout) as { file: string; code: string; message: string }[];
    // affinity is not in the bundled catalog: only the live schema can say api_key is required.
    assert.ok(entries.some((e) => e.file === 'crm.polytomic.json' && e.code === 'missing-required' && /api_key/.test(e.message)), result.stdout);
    assert.deepEqual(requests.sort(), ['GET /api/connection_types -> 200', 'GET /api/connection_types/affinity -> 200', 'GET /api/connection_types/postgresql -> 200']);
    const catalogs = path.join(env.XDG_CACHE_HOME, 'polytomic-connections', 'catalogs');
    const [profileDir] = readdirSync(catalogs);
    assert.ok(existsSync(path.join(catalogs, profileDir, 'index.json')) && existsSync(path.join(catalogs, profileDir, 'affinity.json')));

    requests.length = 0;
    const again = await runCli(['validate', '--online', '--format', 'json'], { cwd: dir, env });
    assert.equal(again.stdout, result.stdout, 'the same verdict from the cache');
    assert.deepEqual(requests, [], 'a fresh cache is not fetched again');

    const refetched = await runCli(['validate', '--online', '--catalog-max-age', '0'], { cwd: dir, env });
    assert.equal(refetched.status, 1);
    assert.equal(requests.length, 3, 'max age 0 fetches everything again');
  });

  test('the live schema goes before the bundled one of the same type', async () => {
    const catalogDir = tempFolder({
      'index.json': JSON.stringify([{ id: 'postgresql', name: 'PostgreSQL', use_oauth: false }]),
      'postgresql.json': JSON.stringify({ type: 'object', properties: { dsn: { type: 'string' } }, required: ['dsn'] }),
    });
    const custom = await startEmulator({ apiKeys: [KEY], catalogDir });
    try {
      const dir = tempFolder({ 'pg.polytomic.json': '{ "name": "pg", "type": "postgresql", "configuration": { "dsn": "postgres://h/db" } }\n' });
      const offline = await runCli(['validate'], { cwd: dir });
      assert.equal(offline.status, 1, 'the bundled postgresql schema wants hostname and more');
      const online = await runCli(['validate', '--online', '--base-url', custom.url], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: KEY }) });
      assert.equal(online.status, 0, online.stdout + online.stderr);
      assert.equal(online.stdout, '0 errors, 0 warnings in 1 file\n');
    } finally {
      await custom.close();
    }
  });

  test('--verbose logs each request to stderr, never the key', async () => {
    const dir = tempFolder({ 'crm.polytomic.json': CRM });
    const result = await runCli(['validate', '--online', '--verbose', '--catalog-max-age', '0'], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url }) });
    assertNoKey(result);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^\[info\] GET \/api\/connection_types -> 200 \(\d+ ms, attempt 1\)$/m);
    assert.match(result.stderr, /^\[info\] GET \/api\/connection_types\/affinity -> 200 /m);
  });

  test('the key from --api-key-file (trimmed) wins over POLYTOMIC_API_KEY; an organization profile sends it as Basic', async () => {
    const keyDir = mkdtempSync(path.join(os.tmpdir(), 'cli-key-'));
    writeFileSync(path.join(keyDir, 'key'), `  ${KEY}\n`);
    const dir = tempFolder({
      'crm.polytomic.json': CRM,
      'polytomic.profiles.json': JSON.stringify({ profiles: [{ name: 'org', baseUrl: emulator.url, keyKind: 'organization', organizationId: emulator.orgId, apiVersion: '2024-02-08' }] }),
    });
    const env = cleanEnv({ POLYTOMIC_API_KEY: 'a-wrong-key-from-the-environment' });
    const result = await runCli(['validate', '--online', '--profile', 'org', '--base-url', emulator.url, '--api-key-file', path.join(keyDir, 'key')], { cwd: dir, env });
    assertNoKey(result);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /api_key/);
  });

  test('a refused key, a missing key, a bad API version: exit 2 with what to do, nothing secret', async () => {
    const dir = tempFolder({ 'crm.polytomic.json': CRM });
    const refused = await runCli(['validate', '--online'], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: 'not-the-key-9f8e7d', POLYTOMIC_BASE_URL: emulator.url }) });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /Could not fetch the live catalog of profile "default" from http:\/\/127\.0\.0\.1:\d+: .+ Run without --online/);
    assert.ok(!refused.stderr.includes('not-the-key-9f8e7d'));
    assert.equal(refused.stdout, '');

    const missing = await runCli(['validate', '--online', '--base-url', emulator.url], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /No API key: set POLYTOMIC_API_KEY, or pass --api-key-file FILE\./);

    const noFile = await runCli(['validate', '--online', '--base-url', emulator.url, '--api-key-file', 'nope.txt'], { cwd: dir });
    assert.equal(noFile.status, 2);
    assert.match(noFile.stderr, /Cannot read the API key file nope\.txt \(ENOENT\)/);

    const version = await runCli(['validate', '--online', '--api-version', '1999-01-01'], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url }) });
    assert.equal(version.status, 2);
    assert.match(version.stderr, /--api-version: "1999-01-01" is not a supported API version; use one of 2025-09-18, 2024-02-08, 2023-04-25\./);

    const plainHttp = await runCli(['validate', '--online', '--base-url', 'http://polytomic.example.com'], { cwd: dir, env: cleanEnv({ POLYTOMIC_API_KEY: KEY }) });
    assert.equal(plainHttp.status, 2);
    assert.match(plainHttp.stderr, /--base-url: Plain http:\/\/ is refused for polytomic\.example\.com/);
    for (const r of [refused, missing, noFile, version, plainHttp]) assertNoKey(r);
  });
});
