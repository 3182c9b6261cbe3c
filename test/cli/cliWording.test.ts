// The command line's remedies, not the editor's: a 401 said `Re-enter the key for profile "default"` and an unknown
// type "sign in to load your organization's catalog". Now they name POLYTOMIC_API_KEY / --api-key-file and --online.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { inCliWords } from '../../cli/src/cliWording';
import { errorFromResponse } from '../../core/src/api/errorResponse';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { cleanEnv, runCli, SHARED_CATALOG, tempFolder } from './support';

const KEY = 'cli-wording-key-8e5d1b47';
const WRONG = 'a-key-the-emulator-refuses-33';
const PG = JSON.stringify({ name: 'A', type: 'postgresql', configuration: { hostname: 'db.example.com', port: 5432, database: 'app', username: 'u', password: '${env:PG_PASSWORD}' } }, null, 2) + '\n';
const UNKNOWN = '{ "name": "X", "type": "no_such_type_anywhere", "configuration": {} }\n';
const KEY_REMEDY = /Polytomic rejected the API key \(401\)[^\n]*\. Check the key in POLYTOMIC_API_KEY, or the file given to --api-key-file: it must be a key of the organisation at this base URL\./;

test('by kind: 403 names where the key comes from, a 404 of an unknown path the base URL flag; the kind is kept', () => {
  const ctx = { method: 'GET', path: '/api/connections', action: 'list connections', profileName: 'default' };
  const forbidden = inCliWords(errorFromResponse(403, '{"message":"no"}', 'application/json', ctx));
  assert.equal(forbidden.kind, 'forbidden');
  assert.match(forbidden.message, /\(403\): no\. Use a key with access to this organization \(POLYTOMIC_API_KEY, or the file given to --api-key-file\)\.$/);
  const notFound = inCliWords(errorFromResponse(404, '', undefined, ctx));
  assert.equal(notFound.kind, 'not_found');
  assert.match(notFound.message, /Check the base URL \(--base-url or POLYTOMIC_BASE_URL\)\.$/);
  const server = errorFromResponse(500, '', undefined, ctx);
  assert.equal(inCliWords(server), server, 'other kinds keep the engine\'s words');
});

describe('CLI messages in the command line\'s words', () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG });
    env = cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url, PG_PASSWORD: 'wording-pg-password' });
  });
  afterEach(() => {
    emulator.faults.clear();
    emulator.reset();
  });
  after(() => emulator.close());

  test('a refused key names POLYTOMIC_API_KEY and --api-key-file, from the list, a pull, and an apply item', async () => {
    const dir = tempFolder({ 'a.polytomic.json': PG });
    for (const args of [['plan'], ['pull', 'abc'], ['import', '--into', 'x']]) {
      const result = await runCli(args, { cwd: dir, env: { ...env, POLYTOMIC_API_KEY: WRONG } });
      assert.equal(result.status, 1, args.join(' '));
      assert.match(result.stderr, KEY_REMEDY, args.join(' '));
      assert.ok(!result.stderr.includes('Re-enter') && !result.stderr.includes(WRONG), result.stderr);
    }
    writeFileSync(path.join(dir, 'wrong-key'), `${WRONG}\n`);
    const fromFile = await runCli(['plan', '--api-key-file', 'wrong-key'], { cwd: dir, env: { ...env, POLYTOMIC_API_KEY: '' } });
    assert.match(fromFile.stderr, KEY_REMEDY);

    // The list goes through, the create is refused: the item's reason is the engine's, in these words.
    emulator.faults.set({ errorRate: 1, errorStatuses: [401], methods: ['POST'] });
    const applied = await runCli(['apply', '--yes'], { cwd: dir, env });
    assert.equal(applied.status, 1);
    assert.match(applied.stdout, /^failed {3}A \(a\.polytomic\.json\): Polytomic rejected the API key \(401\)/m);
    assert.match(applied.stdout, KEY_REMEDY);
    assert.ok(!applied.stdout.includes('Re-enter'));
  });

  test('an unknown type: validate offline says --online; against the live catalog, that it does not list it either', async () => {
    const dir = tempFolder({ 'x.polytomic.json': UNKNOWN });
    const offline = await runCli(['validate'], { cwd: dir, env: cleanEnv() });
    assert.equal(offline.status, 1);
    assert.match(offline.stdout, /unknown connection type `no_such_type_anywhere`: no catalog lists it \(check the spelling, or run with --online to check against your organisation's catalog, or give it with --catalog DIR\)/);
    const online = await runCli(['validate', '--online'], { cwd: dir, env });
    assert.match(online.stdout, /no catalog lists it \(the organisation's live catalog does not list it either: check the spelling\)/);
    const planned = await runCli(['plan'], { cwd: dir, env });
    assert.equal(planned.status, 1);
    assert.match(planned.stdout, /^ {2}! blocked {3}X \(no_such_type_anywhere\)\s+x\.polytomic\.json\n {8}line 1: unknown connection type `no_such_type_anywhere`: no catalog lists it \(the organisation's live catalog does not list it either: check the spelling\)/m);
    for (const result of [offline, online, planned]) assert.ok(!result.stdout.includes('sign in'), result.stdout);
  });
});
