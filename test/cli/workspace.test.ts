// plan, apply, import and pull through the built CLI against the emulator: the round trip (apply creates, the next
// plan has no changes; import into an empty folder, then a plan with everything unchanged), exit codes, formats,
// placeholders from the environment, create keys that survive a lost answer, nothing secret in any output.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { cleanEnv, runCli, runOnTerminal, SCRIPT, SHARED_CATALOG, startCli, tempFolder, type CliResult } from './support';

const KEY = 'cli-workspace-key-3f9a1c77';
const PG_PASSWORD = 'pg-password-value-81d2';
const WAREHOUSE_SECRET = 'warehouse-secret-value-4c0e';
const SECRETS = [KEY, PG_PASSWORD, WAREHOUSE_SECRET, Buffer.from(KEY).toString('base64')];

function pg(name: string, password: string, port = 5432, comment = ''): string {
  return `${comment}{\n  "name": "${name}",\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "${name.toLowerCase().replace(/\W+/g, '-')}.example.com",\n    "port": ${port},\n    "database": "app",\n    "username": "polytomic",\n    "password": "${password}"\n  }\n}\n`;
}

function assertNothingSecret(...results: CliResult[]): void {
  for (const result of results) {
    for (const secret of SECRETS) assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), `no secret in the output:\n${result.stdout}${result.stderr}`);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return name === '.polytomic' ? [] : statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('plan, apply, import and pull against the emulator', () => {
  let emulator: RunningEmulator;
  const requests: string[] = [];
  let env: Record<string, string>;
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG, log: (line) => requests.push(line) });
    env = cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url, PG_PASSWORD, POLYTOMIC_SECRET_WAREHOUSE: WAREHOUSE_SECRET });
  });
  afterEach(() => {
    emulator.faults.clear();
    emulator.reset();
    requests.length = 0;
  });
  after(() => emulator.close());

  const cli = (args: string[], cwd: string, extra: Record<string, string> = {}) => runCli(args, { cwd, env: { ...env, ...extra } });
  const posts = () => requests.filter((r) => r.startsWith('POST /api/connections')).length;

  test('apply creates, ids go into the files, and the next plan shows no changes', async () => {
    const dir = tempFolder({
      'dbs/orders.polytomic.json': pg('Orders', '${env:PG_PASSWORD}', 5432, '// the orders replica\n'),
      'warehouse.polytomic.json': pg('Warehouse', '${secret:WAREHOUSE}'),
    });
    const planned = await cli(['plan', '--detailed-exitcode'], dir);
    assert.equal(planned.status, 2, planned.stderr);
    assert.match(planned.stdout, /^  \+ create    Orders \(postgresql\)\s+dbs\/orders\.polytomic\.json$/m);
    assert.match(planned.stdout, /^  \+ create    Warehouse \(postgresql\)\s+warehouse\.polytomic\.json$/m);
    assert.match(planned.stdout, /^Plan: 2 to create\.$/m);
    assert.equal((await cli(['plan'], dir)).status, 0, 'without --detailed-exitcode a plan with changes is a success');

    const json = await cli(['plan', '--format', 'json'], dir);
    const value = JSON.parse(json.stdout) as { profile: string; baseUrl: string; changes: boolean; counts: Record<string, number>; items: { action: string; file: string }[] };
    assert.equal(value.baseUrl, emulator.url);
    assert.equal(value.changes, true);
    assert.equal(value.counts.create, 2);
    assert.deepEqual(value.items.map((i) => [i.action, i.file]), [['create', 'dbs/orders.polytomic.json'], ['create', 'warehouse.polytomic.json']]);

    const refused = await cli(['apply'], dir);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /stdin is not a terminal: pass --yes/);
    assert.equal(posts(), 0, 'nothing was sent without --yes');

    const applied = await cli(['apply', '--yes', '--concurrency', '2'], dir);
    assert.equal(applied.status, 0, applied.stdout + applied.stderr);
    assert.match(applied.stdout, /^created  Orders \(dbs\/orders\.polytomic\.json\) id [0-9a-f-]{36}$/m);
    assert.match(applied.stdout, /^Apply: 2 done\.$/m);
    const orders = readFileSync(path.join(dir, 'dbs/orders.polytomic.json'), 'utf8');
    assert.match(orders, /^\/\/ the orders replica\n\{\n  "id": "[0-9a-f-]{36}",\n  "name": "Orders"/, 'the id written in, the comment kept');
    const stored = [...emulator.state.connections.values()];
    assert.deepEqual(stored.map((c) => c.configuration.password).sort(), [PG_PASSWORD, WAREHOUSE_SECRET].sort(), 'placeholders resolved on the wire');
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, '.polytomic/create-keys.json'), 'utf8')), {}, 'no create key left once the ids are in the files');

    const again = await cli(['plan', '--detailed-exitcode'], dir);
    assert.equal(again.status, 0, again.stdout);
    assert.match(again.stdout, /^Plan: 2 unchanged\.$/m);
    assert.match(again.stdout, /^No changes: the files and Polytomic agree\.$/m);
    const nothing = await cli(['apply', '--yes'], dir);
    assert.equal(nothing.status, 0);
    assert.ok(!nothing.stdout.includes('Apply:'), 'nothing to apply');
    assertNothingSecret(planned, json, applied, again, nothing);
  });

  test('an edit is an update; a rotated secret is one too (fingerprints in .polytomic/); both apply', async () => {
    const dir = tempFolder({ 'orders.polytomic.json': pg('Orders', '${env:PG_PASSWORD}') });
    assert.equal((await cli(['apply', '--yes'], dir)).status, 0);
    writeFileSync(path.join(dir, 'orders.polytomic.json'), readFileSync(path.join(dir, 'orders.polytomic.json'), 'utf8').replace('5432', '5433'));
    const edited = await cli(['plan', '--detailed-exitcode'], dir);
    assert.equal(edited.status, 2);
    assert.match(edited.stdout, /^  ~ update    Orders \(postgresql\)\s+orders\.polytomic\.json\n        ~ configuration\.port: 5432 → 5433$/m);
    assert.equal((await cli(['apply', '-y'], dir)).status, 0);
    assert.equal([...emulator.state.connections.values()][0].configuration.port, 5433);

    const rotated = 'pg-password-rotated-77';
    const planRotated = await cli(['plan', '--detailed-exitcode'], dir, { PG_PASSWORD: rotated });
    assert.equal(planRotated.status, 2);
    assert.match(planRotated.stdout, /~ configuration\.password: changed since the last apply/);
    const applyRotated = await cli(['apply', '--yes'], dir, { PG_PASSWORD: rotated });
    assert.equal(applyRotated.status, 0);
    assert.equal([...emulator.state.connections.values()][0].configuration.password, rotated);
    assert.equal((await cli(['plan', '--detailed-exitcode'], dir, { PG_PASSWORD: rotated })).status, 0);
    assertNothingSecret(edited, planRotated, applyRotated);
    assert.ok(!planRotated.stdout.includes(rotated) && !applyRotated.stdout.includes(rotated));
  });

  test('import into an empty folder, then a plan of it: everything unchanged; importing again writes nothing', async () => {
    emulator.reset('demo');
    const dir = tempFolder();
    const imported = await cli(['import', '--into', 'connections'], dir);
    assert.equal(imported.status, 0, imported.stderr);
    const written = filesUnder(path.join(dir, 'connections'));
    assert.ok(written.length >= 5, imported.stdout);
    assert.match(imported.stdout, /^wrote    connections\/postgresql\/[a-z0-9-]+\.polytomic\.json \(.+, id [0-9a-f-]{36}\); set \$\{env:POSTGRESQL_[A-Z0-9_]+\} before sending it$/m);
    assert.match(imported.stdout, /^skipped  .+: .+ is authorized through OAuth/m);
    assert.match(imported.stdout, new RegExp(`^Import: ${written.length} connections written, \\d+ skipped\\.$`, 'm'));

    const planned = await cli(['plan', 'connections', '--detailed-exitcode', '--format', 'json'], dir);
    assert.equal(planned.status, 0, planned.stdout + planned.stderr);
    const plan = JSON.parse(planned.stdout) as { counts: Record<string, number>; items: { action: string }[] };
    assert.equal(plan.counts.unchanged, written.length);
    assert.equal(plan.counts.create + plan.counts.update + plan.counts.blocked + plan.counts.stale + plan.counts.duplicate, 0);
    assert.ok(plan.items.filter((i) => i.action === 'unmanaged').length > 0, 'the OAuth connections stay unmanaged');

    const second = await cli(['import', '--into', 'connections'], dir);
    assert.equal(second.status, 0);
    assert.match(second.stdout, /^Import: 0 connections written, \d+ skipped\.$/m);
    assert.equal(filesUnder(path.join(dir, 'connections')).length, written.length);
    // Another folder of the same repository: the connections are held by files already, wherever they are.
    const elsewhere = await cli(['import', '--into', 'elsewhere'], dir);
    assert.match(elsewhere.stdout, /^Import: 0 connections written, \d+ skipped\.$/m);
    assertNothingSecret(imported, planned, second, elsewhere);
  });

  test('pull writes a new file, updates the file that holds the id, and refuses a file of another connection', async () => {
    emulator.reset('demo');
    const dir = tempFolder();
    const list = JSON.parse((await cli(['plan', '--format', 'json'], dir)).stdout) as { items: { id: string; type: string; name: string }[] };
    const target = list.items.find((i) => i.type === 'postgresql')!;
    assert.ok(target, 'a postgresql connection in the demo organisation');

    const pulled = await cli(['pull', target.id, '--into', 'pulled'], dir);
    assert.equal(pulled.status, 0, pulled.stderr);
    const file = readdirSync(path.join(dir, 'pulled'))[0];
    assert.match(pulled.stdout, new RegExp(`^Wrote pulled/${file} from "${target.name}" \\(id ${target.id}\\)\\.$`, 'm'));
    assert.match(pulled.stdout, /Secrets are not written to files: set \$\{env:[A-Z0-9_]+\}/);
    const text = readFileSync(path.join(dir, 'pulled', file), 'utf8');
    assert.equal(JSON.parse(text).id, target.id);

    writeFileSync(path.join(dir, 'pulled', file), '// mine\n' + text.replace(/"port": \d+/, '"port": 1'));
    const again = await cli(['pull', target.id], dir);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`^Updated pulled/${file} from`, 'm'), 'found by its id under the working folder');
    const merged = readFileSync(path.join(dir, 'pulled', file), 'utf8');
    assert.ok(merged.startsWith('// mine\n') && !merged.includes('"port": 1,'), 'the comment kept, the live value back');

    const other = list.items.find((i) => i.id !== target.id && i.type !== 'postgresql')!;
    const clash = await cli(['pull', other.id, '--file', path.join('pulled', file)], dir);
    assert.equal(clash.status, 1);
    assert.match(clash.stderr, /holds another connection/);
    const missing = await cli(['pull', '00000000-0000-4000-8000-000000000000'], dir);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /has no connection 00000000-/);
    assertNothingSecret(pulled, again, clash, missing);
  });

  test('blocked and stale files: plan and apply exit 1 and say why; the rest still applies', async () => {
    const dir = tempFolder({
      'good.polytomic.json': pg('Good', '${env:PG_PASSWORD}'),
      'broken.polytomic.json': pg('Broken', '${env:PG_PASSWORD}').replace('5432', '"not-a-port"'),
      'gone.polytomic.json': pg('Gone', '${env:PG_PASSWORD}').replace('{\n', '{\n  "id": "00000000-0000-4000-8000-000000000000",\n'),
    });
    for (const args of [['plan'], ['plan', '--detailed-exitcode']]) {
      const result = await cli(args, dir);
      assert.equal(result.status, 1, args.join(' '));
      assert.match(result.stdout, /^  ! blocked   Broken \(postgresql\)\s+broken\.polytomic\.json\n        line 6: `port` must be an integer: fix it, then plan again$/m);
      assert.match(result.stdout, /^  \? stale     Gone \(postgresql\)\s+gone\.polytomic\.json\n        no connection with id 00000000-/m);
    }
    const applied = await cli(['apply', '--yes'], dir);
    assert.equal(applied.status, 1);
    assert.match(applied.stdout, /^created  Good/m);
    assert.equal(emulator.state.connections.size, 1);
  });

  test('a missing placeholder fails only its file and names the variable to set; --secret-env maps a secret', async () => {
    const dir = tempFolder({
      'a.polytomic.json': pg('A', '${env:NOT_SET_ANYWHERE}'),
      'b.polytomic.json': pg('B', '${secret:DB_B}'),
      'c.polytomic.json': pg('C', '${env:PG_PASSWORD}'),
    });
    const planned = await cli(['plan'], dir);
    assert.match(planned.stdout, /needs environment variable NOT_SET_ANYWHERE \(for configuration\.password\)/);
    assert.match(planned.stdout, /needs secret DB_B \(for configuration\.password; set POLYTOMIC_SECRET_DB_B\)/);
    const mapped = await cli(['plan', '--secret-env', 'DB_B=MY_DB_B'], dir);
    assert.match(mapped.stdout, /needs secret DB_B \(for configuration\.password; set MY_DB_B\)/);

    const applied = await cli(['apply', '--yes', '--secret-env', 'DB_B=MY_DB_B'], dir, { MY_DB_B: 'db-b-secret-value' });
    assert.equal(applied.status, 1);
    assert.match(applied.stdout, /^failed   A \(a\.polytomic\.json\): nothing was sent: Missing environment variable NOT_SET_ANYWHERE/m);
    assert.match(applied.stdout, /^created  B /m);
    assert.match(applied.stdout, /^created  C /m);
    assert.match(applied.stdout, /^Apply: 2 done, 1 failed\.$/m);
    assert.ok(!applied.stdout.includes('db-b-secret-value'));
    assert.ok([...emulator.state.connections.values()].some((c) => c.configuration.password === 'db-b-secret-value'));
  });

  test('on a terminal apply asks: anything but "yes" sends nothing; "yes" applies with a counts line rewritten in place', { skip: SCRIPT ? false : 'no util-linux script for a terminal' }, async () => {
    const dir = tempFolder({ 'a.polytomic.json': pg('A', '${env:PG_PASSWORD}'), 'b.polytomic.json': pg('B', '${env:PG_PASSWORD}') });
    const prompt = 'Only "yes" goes on: ';
    const declined = await runOnTerminal(['apply'], { cwd: dir, env, prompt, answer: 'y' });
    assert.equal(declined.status, 1);
    assert.match(declined.output, /Apply 2 changes to profile "default" at http:\/\/127\.0\.0\.1:\d+\? Only "yes" goes on: y\r\nApply cancelled: nothing was sent\./);
    assert.equal(posts(), 0);
    const accepted = await runOnTerminal(['apply'], { cwd: dir, env, prompt, answer: 'yes' });
    assert.equal(accepted.status, 0, accepted.output);
    assert.match(accepted.output, /\r\x1b\[2KApplying: 1\/2 \(1 done, 0 failed, 0 skipped\)\r\x1b\[2KApplying: 2\/2 \(2 done, 0 failed, 0 skipped\)\r\x1b\[2Kcreated  /);
    assert.match(accepted.output, /Apply: 2 done\./);
    assert.equal(emulator.state.connections.size, 2);
  });

  test('apply killed while a create is in flight: the key kept in .polytomic/create-keys.json replays it, no duplicate', async () => {
    const dir = tempFolder({ 'lost.polytomic.json': pg('Lost', '${env:PG_PASSWORD}') });
    const keysFile = path.join(dir, '.polytomic/create-keys.json');
    // The create is held before it commits, long enough to kill the process that sent it once it has arrived.
    emulator.faults.set({ latencyMs: 1500, methods: ['POST'] });
    let arrived = false;
    const decide = emulator.faults.decide.bind(emulator.faults);
    emulator.faults.decide = (method: string) => {
      if (method === 'POST') arrived = true;
      return decide(method);
    };
    const { child, done } = startCli(['apply', '--yes'], { cwd: dir, env });
    const deadline = Date.now() + 20_000;
    while (!arrived) {
      assert.ok(Date.now() < deadline, 'the create reaches the emulator');
      await new Promise((r) => setTimeout(r, 10));
    }
    emulator.faults.decide = decide;
    assert.equal(Object.keys(JSON.parse(readFileSync(keysFile, 'utf8'))).length, 1, 'its key was written before it was sent');
    child.kill('SIGKILL');
    const crashed = await done;
    assert.equal(crashed.signal, 'SIGKILL', 'a crash, not an exit');
    emulator.faults.clear();
    while (emulator.state.connections.size === 0) {
      assert.ok(Date.now() < deadline, 'the create commits though its sender is gone');
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(JSON.parse(readFileSync(path.join(dir, 'lost.polytomic.json'), 'utf8')).id, undefined, 'the id never reached the file');
    assert.ok(!readFileSync(keysFile, 'utf8').includes(PG_PASSWORD), 'the kept digest is keyed, not the body');

    const second = await cli(['apply', '--yes'], dir);
    assert.equal(second.status, 0, second.stdout + second.stderr);
    assert.equal(emulator.state.connections.size, 1, 'replayed, not created twice');
    assert.equal(JSON.parse(readFileSync(path.join(dir, 'lost.polytomic.json'), 'utf8')).id, [...emulator.state.connections.keys()][0]);
    assert.deepEqual(JSON.parse(readFileSync(keysFile, 'utf8')), {});
  });

  test('usage errors: exit 2, or 1 when --detailed-exitcode makes 2 mean changes; nothing sent', async () => {
    const dir = tempFolder({ 'a.polytomic.json': pg('A', '${env:PG_PASSWORD}') });
    const cases: [string[], number, RegExp][] = [
      [['plan', '--bogus'], 2, /Unknown option --bogus for plan/],
      [['plan', '--detailed-exitcode', '--bogus'], 1, /Unknown option --bogus for plan/],
      [['plan', '--format', 'github'], 2, /--format must be one of human, json/],
      [['apply', '--yes', '--concurrency', '0'], 2, /--concurrency takes a whole number from 1 to 32/],
      [['apply', '--yes', '--secret-env', 'NOEQUALS'], 2, /--secret-env takes NAME=ENVVAR/],
      [['import'], 2, /import needs --into DIR/],
      [['pull'], 2, /pull takes one connection id/],
      [['pull', 'x', '--into', 'a', '--file', 'b'], 2, /Give --into DIR or --file FILE, not both/],
      [['plan', 'missing-folder'], 2, /missing-folder: no such file or folder/],
    ];
    for (const [args, status, message] of cases) {
      const result = await cli(args, dir);
      assert.equal(result.status, status, args.join(' '));
      assert.match(result.stderr, message);
    }
    assert.equal(requests.length, 0, 'no request for a usage error');
    const noKey = await runCli(['plan', '--detailed-exitcode'], { cwd: dir, env: cleanEnv({ POLYTOMIC_BASE_URL: emulator.url }) });
    assert.equal(noKey.status, 1);
    assert.match(noKey.stderr, /No API key/);
  });

  test('an API failure is exit 1 with what failed', async () => {
    const dir = tempFolder({ 'a.polytomic.json': pg('A', '${env:PG_PASSWORD}') });
    const wrongKey = await cli(['plan'], dir, { POLYTOMIC_API_KEY: 'a-key-the-emulator-refuses' });
    assert.equal(wrongKey.status, 1);
    assert.match(wrongKey.stderr, /Listing the connections of profile "default" \(http:\/\/127\.0\.0\.1:\d+\) failed: /);
    assert.ok(!wrongKey.stderr.includes('a-key-the-emulator-refuses'));
    assert.ok(!existsSync(path.join(dir, '.polytomic', 'create-keys.json')));
  });
});
