// Names from files and from the API reach the terminal and the CI log inert: the attacks of the review, performed.
// A folder named "ok\n::add-mask::hunter2\n::error file=x::PR injected" made plan print "::error ..." at the start of
// a line (a pull request's job would run it as a workflow command); a connection named with ESC ] 0 ; ... BEL and
// ESC [ 31 m was printed raw by import (a terminal title set, the colours changed).
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { inertLine, noWorkflowCommands } from '../../cli/src/inertLine';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { assertInert, cleanEnv, putLive, runCli, SHARED_CATALOG, tempFolder } from './support';

const KEY = 'cli-inert-key-5e1f0a93';
const INJECTED_FOLDER = 'ok\n::add-mask::hunter2\n::error file=x::PR injected';
const ESCAPES = '\x1b]0;pwned\x07\x1b[31mred\x1b[0m';

function pg(name: string, extra = ''): string {
  return `{${extra}\n  "name": ${JSON.stringify(name)},\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "db.example.com",\n    "port": 5432,\n    "database": "app",\n    "username": "polytomic",\n    "password": "\${env:PG_PASSWORD}"\n  }\n}\n`;
}

test('inertLine: breaks and tabs become one space; C0, DEL, C1 (the 8-bit CSI too) and bidi overrides go', () => {
  assert.equal(inertLine('a\r\n\t b\u2028c\u2029\u0085d'), 'a  b c d');
  assert.equal(inertLine('\u0000n\u0007\u001b[2Jx\u007f\u009b31my\u202eevil\u2066z'), 'n[2Jx31myevilz');
  assert.equal(inertLine('Zürich → 東京 ✓'), 'Zürich → 東京 ✓', 'printable text is kept');
  assert.equal(noWorkflowCommands('ok\n  ::error::x\n::add-mask::y\na ::b'), 'ok\n  : :error::x\n: :add-mask::y\na ::b');
});

describe('control characters and workflow commands in CLI output', () => {
  let emulator: RunningEmulator;
  let env: Record<string, string>;
  before(async () => {
    emulator = await startEmulator({ apiKeys: [KEY], catalogDir: SHARED_CATALOG });
    env = cleanEnv({ POLYTOMIC_API_KEY: KEY, POLYTOMIC_BASE_URL: emulator.url, PG_PASSWORD: 'inert-pg-password' });
  });
  afterEach(() => emulator.reset());
  after(() => emulator.close());
  const cli = (args: string[], cwd: string) => runCli(args, { cwd, env });

  test('plan and apply: a folder and a name with line breaks and escapes, a reason that starts with a file name', async () => {
    const dir = tempFolder({
      'escapes.polytomic.json': pg(`Orders ${ESCAPES}`),
      'split.polytomic.json': pg('ok\n::error file=y::from the name'),
      // Two files with one id: the reason line begins with the other file's name.
      '::warning::dup-a.polytomic.json': pg('Dup A', '\n  "id": "11111111-1111-4111-8111-111111111111",'),
      '::warning::dup-b.polytomic.json': pg('Dup B', '\n  "id": "11111111-1111-4111-8111-111111111111",'),
    });
    mkdirSync(path.join(dir, INJECTED_FOLDER));
    writeFileSync(path.join(dir, INJECTED_FOLDER, 'a.polytomic.json'), pg('Injected'));

    const planned = await cli(['plan'], dir);
    assert.equal(planned.status, 1, planned.stdout + planned.stderr);
    assertInert(planned.stdout, 'plan stdout');
    assertInert(planned.stderr, 'plan stderr');
    assert.match(planned.stdout, /^ {2}\+ create {4}Injected \(postgresql\)\s+ok ::add-mask::hunter2 ::error file=x::PR injected\/a\.polytomic\.json$/m, 'the path on one line');
    assert.match(planned.stdout, /^ {2}\+ create {4}Orders \]0;pwned\[31mred\[0m \(postgresql\)/m, 'the escapes dropped, their text shown');
    assert.match(planned.stdout, /^ {2}\+ create {4}ok ::error file=y::from the name \(postgresql\)/m);
    assert.match(planned.stdout, /^ {8}: :warning::dup-b\.polytomic\.json also holds id 11111111-/m, 'the reason that begins with "::" is no command');

    const applied = await cli(['apply', '--yes'], dir);
    assertInert(applied.stdout, 'apply stdout');
    assertInert(applied.stderr, 'apply stderr');
    assert.match(applied.stdout, /^created {2}Orders \]0;pwned\[31mred\[0m \(escapes\.polytomic\.json\) id /m);
    assert.match(applied.stdout, /^created {2}Injected \(ok ::add-mask::hunter2 ::error file=x::PR injected\/a\.polytomic\.json\) id /m);
    assert.ok([...emulator.state.connections.values()].some((c) => c.name === `Orders ${ESCAPES}`), 'the name itself is sent as written');
  });

  test('import, pull and their errors: connection names from the API with escapes and line breaks', async () => {
    const escaped = putLive(emulator, `Billing ${ESCAPES}`);
    const split = putLive(emulator, 'two\nlines\r\n::error::from the API');
    const dir = tempFolder();
    const imported = await cli(['import', '--into', 'connections'], dir);
    assert.equal(imported.status, 0, imported.stderr);
    assertInert(imported.stdout, 'import stdout');
    assertInert(imported.stderr, 'import stderr');
    const billing = new RegExp(`^wrote {4}(connections/postgresql/[a-z0-9-]+\\.polytomic\\.json) \\(Billing \\]0;pwned\\[31mred\\[0m, id ${escaped.id}\\)`, 'm').exec(imported.stdout);
    assert.ok(billing, imported.stdout);
    assert.match(imported.stdout, new RegExp(`\\(two lines ::error::from the API, id ${split.id}\\)`));

    const pulled = await cli(['pull', escaped.id, '--verbose'], dir);
    assert.equal(pulled.status, 0, pulled.stderr);
    assertInert(pulled.stdout, 'pull stdout');
    assertInert(pulled.stderr, 'pull --verbose stderr');
    assert.match(pulled.stdout, /from "Billing \]0;pwned\[31mred\[0m"/);

    // An error that quotes the name: pulling the other connection into this one's file.
    const clash = await cli(['pull', split.id, '--file', billing[1]], dir);
    assert.equal(clash.status, 1);
    assertInert(clash.stderr, 'pull error');
    assert.match(clash.stderr, /pull "two lines ::error::from the API" into a new file/);
  });

  test('validate: a file whose name begins with "::" prints no workflow command in the human format', async () => {
    const dir = tempFolder({ '::error::v.polytomic.json': pg('V').replace('5432', '"x"') });
    const result = await runCli(['validate'], { cwd: dir, env: cleanEnv() });
    assert.equal(result.status, 1);
    assertInert(result.stdout, 'validate stdout');
    assert.match(result.stdout, /^: :error::v\.polytomic\.json:6:\d+: error: `port` must be an integer/m);
  });
});
