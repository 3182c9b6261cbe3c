// An id that never reached the repository (a CI run whose commit failed, a machine lost with its .polytomic/): the
// next apply sees a file to create whose name and type are those of a connection no file holds. Before the fix it
// created a second one on every run; now apply holds it back (skipped, saying to pull it), unless
// --allow-duplicate-name; on a terminal the question lists it.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { cleanEnv, runCli, runOnTerminal, SCRIPT, SHARED_CATALOG, tempFolder } from './support';

const KEY = 'cli-lookalike-key-2b8c4d10';

function pg(name: string): string {
  return JSON.stringify({ name, type: 'postgresql', configuration: { hostname: 'db.example.com', port: 5432, database: 'app', username: 'u', password: '${env:PG_PASSWORD}' } }, null, 2) + '\n';
}

describe('apply holds back a create that looks like a connection no file holds', () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  const requests: string[] = [];
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG, log: (line) => requests.push(line) });
    env = cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url, PG_PASSWORD: 'lookalike-pg-password' });
  });
  afterEach(() => {
    emulator.reset();
    requests.length = 0;
  });
  after(() => emulator.close());
  const cli = (args: string[], cwd: string) => runCli(args, { cwd, env });
  const posts = () => requests.filter((r) => r.startsWith('POST /api/connections')).length;

  test('the id never committed: the next run skips the file, no second connection; pull as it says fixes it', async () => {
    const first = tempFolder({ 'orders.polytomic.json': pg('Orders') });
    assert.equal((await cli(['apply', '--yes'], first)).status, 0);
    const [created] = [...emulator.state.connections.keys()];

    // The next run: a fresh checkout, the file without its id, no .polytomic/ state.
    const next = tempFolder({ 'orders.polytomic.json': pg('Orders'), 'billing.polytomic.json': pg('Billing') });
    requests.length = 0;
    const planned = await cli(['plan', '--format', 'json'], next);
    const items = (JSON.parse(planned.stdout) as { items: { name: string; lookalikeIds: string[] }[] }).items;
    assert.deepEqual(items.find((i) => i.name === 'Orders')?.lookalikeIds, [created]);
    const applied = await cli(['apply', '--yes'], next);
    assert.equal(applied.status, 1, 'a held-back file leaves the apply incomplete');
    assert.match(applied.stdout, /^1 file to create looks like a connection of the same name and type that no file holds/m);
    assert.match(
      applied.stdout,
      new RegExp(`^skipped  Orders \\(orders\\.polytomic\\.json\\): like connection ${created} \\(same name and type, in no file\\), most likely this file's own earlier create: not created\\. Pull it into the file \\(polytomic-connections pull ${created} --file orders\\.polytomic\\.json\\), or pass --allow-duplicate-name to create a second one$`, 'm'),
    );
    assert.match(applied.stdout, /^created  Billing /m, 'the other file is applied');
    assert.match(applied.stdout, /^Apply: 1 done, 1 skipped\.$/m);
    assert.equal(posts(), 1, 'only Billing was sent');
    assert.equal([...emulator.state.connections.values()].filter((c) => c.name === 'Orders').length, 1);

    const pulled = await cli(['pull', created, '--file', 'orders.polytomic.json'], next);
    assert.equal(pulled.status, 0, pulled.stderr);
    assert.equal(JSON.parse(readFileSync(path.join(next, 'orders.polytomic.json'), 'utf8')).id, created);
    const after = await cli(['apply', '--yes'], next);
    assert.equal(after.status, 0, after.stdout);
    assert.match(after.stdout, /No changes: the files and Polytomic agree\./);
  });

  test('--allow-duplicate-name creates it anyway, saying so', async () => {
    const first = tempFolder({ 'orders.polytomic.json': pg('Orders') });
    assert.equal((await cli(['apply', '--yes'], first)).status, 0);
    const next = tempFolder({ 'orders.polytomic.json': pg('Orders') });
    const applied = await cli(['apply', '--yes', '--allow-duplicate-name'], next);
    assert.equal(applied.status, 0, applied.stdout);
    assert.match(applied.stdout, /^--allow-duplicate-name: they are created anyway, each a second connection of that name\.$/m);
    assert.match(applied.stdout, /^created  Orders /m);
    assert.equal([...emulator.state.connections.values()].filter((c) => c.name === 'Orders').length, 2);
  });

  test('on a terminal the question lists the held-back files before it asks', { skip: SCRIPT ? false : 'no util-linux script for a terminal' }, async () => {
    const first = tempFolder({ 'orders.polytomic.json': pg('Orders') });
    assert.equal((await cli(['apply', '--yes'], first)).status, 0);
    const [created] = [...emulator.state.connections.keys()];
    const next = tempFolder({ 'orders.polytomic.json': pg('Orders'), 'billing.polytomic.json': pg('Billing') });
    const result = await runOnTerminal(['apply'], { cwd: next, env, prompt: 'Only "yes" goes on: ', answer: 'yes' });
    assert.equal(result.status, 1, result.output);
    const question = result.output.replace(/\r\n/g, '\n');
    assert.match(
      question,
      new RegExp(
        `1 file to create looks like a connection of the same name and type that no file holds \\(most likely a create whose id never reached the file\\):\\n  Orders \\(orders\\.polytomic\\.json\\): like id ${created}\\nThey are not created: pull each into its file \\(polytomic-connections pull ID --file FILE\\), or pass --allow-duplicate-name to create them anyway\\.\\n\\nApply 1 change to profile`,
      ),
    );
    assert.match(question, /created {2}Billing/);
    assert.equal(emulator.state.connections.size, 2);
  });
});
