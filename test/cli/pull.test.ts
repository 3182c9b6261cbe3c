// pull's target when no --file is given. The review's case: a local, not yet applied postgresql file
// orders-mysql.polytomic.json was rewritten as the live mysql connection "Orders MySQL" (its default file name).
// Now a file that holds another connection, or none, is never touched without --file: the new file is
// <name>-<id8>.polytomic.json. And the id is checked before it becomes part of a request path.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { cleanEnv, putLive, runCli, SHARED_CATALOG, tempFolder } from './support';

const KEY = 'cli-pull-key-0c4e8a61';
const LOCAL = '// mine, not applied yet\n{\n  "name": "Orders (postgres)",\n  "type": "postgresql",\n  "configuration": { "hostname": "pg.example.com", "port": 5432, "database": "app", "username": "u", "password": "${env:PG}" }\n}\n';

describe('pull without --file writes a new file rather than over another', () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  const requests: string[] = [];
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG, log: (line) => requests.push(line) });
    env = cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url });
  });
  afterEach(() => {
    emulator.reset();
    requests.length = 0;
  });
  after(() => emulator.close());
  const cli = (args: string[], cwd: string) => runCli(args, { cwd, env });
  const mysql = () => putLive(emulator, 'Orders MySQL', { hostname: 'mysql.example.com', port: 3306, database: 'orders', username: 'u', password: 'live-mysql-password' }, 'mysql');
  const idIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8').replace(/^\/\/.*\n/, '')) as { id?: string }).id;

  test('the default name is a local file without an id: it is left alone, the connection goes to <name>-<id8>', async () => {
    const live = mysql();
    const dir = tempFolder({ 'orders-mysql.polytomic.json': LOCAL });
    const pulled = await cli(['pull', live.id], dir);
    assert.equal(pulled.status, 0, pulled.stderr);
    const expected = `orders-mysql-${live.id.replace(/-/g, '').slice(0, 8)}.polytomic.json`;
    assert.match(pulled.stdout, new RegExp(`^Wrote ${expected} from "Orders MySQL" \\(id ${live.id}\\)\\.$`, 'm'));
    assert.equal(readFileSync(path.join(dir, 'orders-mysql.polytomic.json'), 'utf8'), LOCAL, 'the local file is untouched');
    assert.equal(idIn(path.join(dir, expected)), live.id);

    // Again: the file that holds the id now is updated, no third file.
    const again = await cli(['pull', live.id], dir);
    assert.match(again.stdout, new RegExp(`^Updated ${expected} from`, 'm'));
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.polytomic.json')).sort(), [expected, 'orders-mysql.polytomic.json'].sort());
  });

  test('both names taken by other files: nothing is overwritten, exit 1 naming --file', async () => {
    const live = mysql();
    const other = `orders-mysql-${live.id.replace(/-/g, '').slice(0, 8)}.polytomic.json`;
    const held = LOCAL.replace('{\n', '{\n  "id": "11111111-1111-4111-8111-111111111111",\n');
    const dir = tempFolder({ 'orders-mysql.polytomic.json': LOCAL, [other]: held });
    const pulled = await cli(['pull', live.id], dir);
    assert.equal(pulled.status, 1);
    assert.match(pulled.stderr, new RegExp(`orders-mysql\\.polytomic\\.json and ${other} exist already and do not hold connection ${live.id}: nothing was overwritten\\. Pull it into a file of your choice with --file FILE\\.`));
    assert.equal(readFileSync(path.join(dir, 'orders-mysql.polytomic.json'), 'utf8'), LOCAL);
    assert.equal(readFileSync(path.join(dir, other), 'utf8'), held);
  });

  test('--into DIR: the same rule in DIR; a file elsewhere under the working folder that holds the id is updated instead', async () => {
    const live = mysql();
    const dir = tempFolder({ 'pulled/orders-mysql.polytomic.json': LOCAL });
    const into = await cli(['pull', live.id, '--into', 'pulled'], dir);
    assert.equal(into.status, 0, into.stderr);
    assert.equal(readFileSync(path.join(dir, 'pulled/orders-mysql.polytomic.json'), 'utf8'), LOCAL);
    const written = readdirSync(path.join(dir, 'pulled')).find((n) => n !== 'orders-mysql.polytomic.json')!;
    assert.equal(idIn(path.join(dir, 'pulled', written)), live.id);

    const elsewhere = await cli(['pull', live.id, '--into', 'other'], dir);
    assert.equal(elsewhere.status, 0, elsewhere.stderr);
    assert.match(elsewhere.stdout, new RegExp(`^Updated pulled/${written} from`, 'm'), 'no second file holding the same id');
    assert.ok(!existsSync(path.join(dir, 'other')));

    // --file names the file: merging into one without an id is what it asks for.
    const local = tempFolder({ 'orders-mysql.polytomic.json': LOCAL });
    const merged = await cli(['pull', live.id, '--file', 'orders-mysql.polytomic.json'], local);
    assert.equal(merged.status, 0, merged.stderr);
    assert.equal(idIn(path.join(local, 'orders-mysql.polytomic.json')), live.id);
    assert.ok(readFileSync(path.join(local, 'orders-mysql.polytomic.json'), 'utf8').startsWith('// mine, not applied yet\n'));
  });

  test('an id that is not one (.., a path, a query) is a usage error before any request', async () => {
    const dir = tempFolder();
    for (const id of ['..', '../../api/connections', 'a/b', 'x?y=1', 'x%2F..', ' ']) {
      const result = await cli(['pull', id], dir);
      assert.equal(result.status, 2, id);
      assert.match(result.stderr, /is not a connection id: an id has letters, digits, - and _ only/, id);
    }
    assert.deepEqual(requests, [], 'nothing was requested');
  });
});
