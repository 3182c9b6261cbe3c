// validate through the built dist/cli.js: formats, exit codes, folder search, --catalog, usage errors.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { BROKEN_POSTGRES, CLEAN_POSTGRES, REPO_ROOT, runCli, SHARED_CATALOG, tempFolder, WARNING_POSTGRES } from './support';

const HUMAN_LINE = /^(.+):(\d+):(\d+): (error|warning|info|hint): (.+) \[([a-z-]+)\]$/;

describe('validate: exit codes and the human format', () => {
  test('clean files: exit 0 and a summary line', async () => {
    const dir = tempFolder({ 'a.polytomic.json': CLEAN_POSTGRES, 'sub/b.polytomic.json': CLEAN_POSTGRES });
    const result = await runCli(['validate'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '0 errors, 0 warnings in 2 files\n');
    assert.equal(result.stderr, '');
  });

  test('warnings only: exit 0, each warning on a path:line:col line', async () => {
    const dir = tempFolder({ 'w.polytomic.json': WARNING_POSTGRES });
    const result = await runCli(['validate', dir]);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), '0 errors, 1 warning in 1 file');
    const match = HUMAN_LINE.exec(lines[0]);
    assert.ok(match, lines[0]);
    assert.equal(match[1], path.relative(REPO_ROOT, path.join(dir, 'w.polytomic.json')), 'paths are shown relative to the working folder');
    assert.equal(match[4], 'warning');
    assert.equal(match[6], 'literal-secret');
    // Line 8 of the pretty-printed file holds the password; the column is where its value starts.
    const text = WARNING_POSTGRES.split('\n');
    assert.equal(Number(match[2]), text.findIndex((l) => l.includes('"password"')) + 1);
    assert.equal(Number(match[3]), text[Number(match[2]) - 1].indexOf('"hunter2-literal"') + 1);
    assert.ok(!result.stdout.includes('hunter2-literal'), 'the literal secret itself is not echoed');
  });

  test('errors: exit 1, one line per problem, relative paths inside the working folder', async () => {
    const dir = tempFolder({ 'broken.polytomic.json': BROKEN_POSTGRES, 'ok.polytomic.json': CLEAN_POSTGRES });
    const result = await runCli(['validate', '.'], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), '2 errors, 0 warnings in 2 files');
    const problems = lines.slice(0, -1).map((l) => HUMAN_LINE.exec(l));
    assert.ok(problems.every((m) => m && m[1] === 'broken.polytomic.json' && m[4] === 'error'), result.stdout);
    assert.deepEqual(problems.map((m) => m![6]).sort(), ['missing-required', 'wrong-type']);
    const portLine = BROKEN_POSTGRES.split('\n').findIndex((l) => l.includes('"port"')) + 1;
    assert.ok(problems.some((m) => m![6] === 'wrong-type' && Number(m![2]) === portLine));
  });

  test('the playground: exit 1, the deliberately wrong file is the only one with problems', async () => {
    const result = await runCli(['validate', 'playground']);
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines.at(-1)!, /^2 errors, 1 warning in 5 files$/);
    for (const line of lines.slice(0, -1)) assert.ok(line.startsWith('playground/staging-postgres-with-errors.polytomic.json:'), line);
  });

  test('a folder search skips node_modules and .git and other file names; a named file is checked whatever its name', async () => {
    const dir = tempFolder({
      'node_modules/x/bad.polytomic.json': BROKEN_POSTGRES,
      '.git/bad.polytomic.json': BROKEN_POSTGRES,
      'notes.json': BROKEN_POSTGRES,
      'deep/er/ok.polytomic.json': CLEAN_POSTGRES,
    });
    const folder = await runCli(['validate'], { cwd: dir });
    assert.equal(folder.status, 0, folder.stdout);
    assert.equal(folder.stdout, '0 errors, 0 warnings in 1 file\n');
    const named = await runCli(['validate', 'notes.json', 'deep'], { cwd: dir });
    assert.equal(named.status, 1);
    assert.match(named.stdout, /^notes\.json:\d+:\d+: error: /m);
    assert.match(named.stdout, /2 errors, 0 warnings in 2 files\n$/);
  });

  test('a symbolic link to a folder is not followed (no loop), the same file named twice is checked once', async () => {
    const dir = tempFolder({ 'a/ok.polytomic.json': CLEAN_POSTGRES });
    symlinkSync(dir, path.join(dir, 'a', 'loop'));
    const result = await runCli(['validate', '.', 'a/ok.polytomic.json'], { cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '0 errors, 0 warnings in 1 file\n');
  });

  test('a folder without connection files: exit 0, and stderr says none were found', async () => {
    const result = await runCli(['validate'], { cwd: tempFolder({ 'readme.md': 'x' }) });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '0 errors, 0 warnings in 0 files\n');
    assert.match(result.stderr, /No \*\.polytomic\.json files/);
  });

  test('a byte order mark is dropped as the editor drops it', async () => {
    const dir = tempFolder({ 'bom.polytomic.json': '\ufeff' + CLEAN_POSTGRES });
    const result = await runCli(['validate'], { cwd: dir });
    assert.equal(result.status, 0, result.stdout);
  });
});

describe('validate --format json and github', () => {
  test('json: the array of problems with 1-based positions, and [] when clean', async () => {
    const dir = tempFolder({ 'broken.polytomic.json': BROKEN_POSTGRES });
    const result = await runCli(['validate', '--format', 'json'], { cwd: dir });
    assert.equal(result.status, 1);
    const entries = JSON.parse(result.stdout) as Record<string, unknown>[];
    assert.equal(entries.length, 2);
    for (const entry of entries) {
      assert.deepEqual(Object.keys(entry).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
      assert.equal(entry.file, 'broken.polytomic.json');
      assert.equal(entry.severity, 'error');
      assert.ok((entry.line as number) >= 1 && (entry.column as number) >= 1);
    }
    const clean = await runCli(['validate', '--format=json'], { cwd: tempFolder({ 'ok.polytomic.json': CLEAN_POSTGRES }) });
    assert.equal(clean.status, 0);
    assert.deepEqual(JSON.parse(clean.stdout), []);
  });

  test('github: ::error and ::warning commands with escaped properties', async () => {
    const dir = tempFolder({ 'odd,name:1.polytomic.json': BROKEN_POSTGRES, 'w.polytomic.json': WARNING_POSTGRES });
    const result = await runCli(['validate', '--format', 'github'], { cwd: dir });
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), '2 errors, 1 warning in 2 files');
    const commands = lines.slice(0, -1);
    assert.equal(commands.length, 3);
    const json = JSON.parse((await runCli(['validate', '--format', 'json'], { cwd: dir })).stdout) as { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
    assert.deepEqual(
      commands,
      json.map(
        (e) =>
          `::${e.severity} file=${e.file.replace(',', '%2C').replace(':', '%3A')},line=${e.line},col=${e.column},endLine=${e.endLine},endColumn=${e.endColumn}::${e.message} [${e.code}]`,
      ),
    );
    assert.ok(commands.some((c) => c.startsWith('::error file=odd%2Cname%3A1.polytomic.json,line=')));
    assert.ok(commands.some((c) => c.startsWith('::warning file=w.polytomic.json,')));
  });
});

describe('validate --catalog', () => {
  const affinity = '{\n  "name": "CRM",\n  "type": "affinity",\n  "configuration": {}\n}\n';

  test('a type only the given catalog has is checked against its schema', async () => {
    const dir = tempFolder({ 'crm.polytomic.json': affinity });
    const bundled = JSON.parse((await runCli(['validate', '--format', 'json'], { cwd: dir })).stdout) as { code: string }[];
    assert.deepEqual(bundled.map((e) => e.code), ['unknown-type'], 'the bundled catalog does not list affinity');
    const result = await runCli(['validate', '--format', 'json', '--catalog', SHARED_CATALOG], { cwd: dir });
    assert.equal(result.status, 1);
    const entries = JSON.parse(result.stdout) as { code: string; message: string }[];
    assert.deepEqual(entries.map((e) => e.code), ['missing-required']);
    assert.match(entries[0].message, /api_key/);
  });

  test('the earliest --catalog wins per type; a relative folder is read from the working folder', async () => {
    const dir = tempFolder({
      'crm.polytomic.json': affinity,
      'mine/index.json': JSON.stringify([{ id: 'affinity', name: 'Affinity', use_oauth: false }]),
      'mine/affinity.json': JSON.stringify({ type: 'object', properties: { workspace: { type: 'string' } }, required: ['workspace'] }),
    });
    const result = await runCli(['validate', '--format', 'json', '--catalog', 'mine', '--catalog', SHARED_CATALOG], { cwd: dir });
    const entries = JSON.parse(result.stdout) as { code: string; message: string }[];
    assert.equal(entries.length, 1);
    assert.match(entries[0].message, /workspace/);
  });

  test('a catalog that is missing, a file, or has an unreadable index: exit 2 with what to do', async () => {
    const dir = tempFolder({ 'ok.polytomic.json': CLEAN_POSTGRES, 'bad/index.json': '{ not json', 'afile.json': '{}', 'empty/readme.txt': '' });
    for (const [catalog, expected] of [
      ['nowhere', /--catalog nowhere: no such folder/],
      ['afile.json', /--catalog afile\.json is a file/],
      ['bad', /--catalog bad: index\.json cannot be read as JSON/],
      ['empty', /--catalog empty holds no index\.json/],
    ] as const) {
      const result = await runCli(['validate', '--catalog', catalog], { cwd: dir });
      assert.equal(result.status, 2, catalog);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, expected);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, 'one line');
    }
  });
});

describe('usage and environment errors exit 2 with one line on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown flag', ['validate', '--bogus'], /Unknown option --bogus for validate\. Run "polytomic-connections validate --help"/],
    ['missing path', ['validate', 'no/such/thing'], /no\/such\/thing: no such file or folder/],
    ['bad format', ['validate', '--format', 'xml'], /--format must be one of human, json, github \(got "xml"\)/],
    ['option without its value', ['validate', '--format'], /--format.*argument missing/],
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"\. Commands: validate/],
    ['bad max age', ['validate', '--catalog-max-age', 'soon'], /--catalog-max-age takes a number of hours/],
  ];
  for (const [name, args, expected] of cases) {
    test(name, async () => {
      const result = await runCli(args, { cwd: tempFolder({ 'ok.polytomic.json': CLEAN_POSTGRES }) });
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, expected);
      assert.equal(result.stderr.trimEnd().split('\n').length, 1);
    });
  }

  test('an unreadable file', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, async () => {
    const dir = tempFolder({ 'locked.polytomic.json': CLEAN_POSTGRES });
    chmodSync(path.join(dir, 'locked.polytomic.json'), 0o000);
    const result = await runCli(['validate'], { cwd: dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Cannot read locked\.polytomic\.json \(EACCES\)/);
  });

  test('a named file that cannot be opened (a link to itself)', async () => {
    const dir = tempFolder({ 'ok.polytomic.json': CLEAN_POSTGRES });
    symlinkSync('loop.polytomic.json', path.join(dir, 'loop.polytomic.json'));
    const walked = await runCli(['validate'], { cwd: dir });
    assert.equal(walked.status, 0, 'a folder search passes over it');
    const named = await runCli(['validate', 'loop.polytomic.json'], { cwd: dir });
    assert.equal(named.status, 2);
    assert.match(named.stderr, /loop\.polytomic\.json: cannot read it \(ELOOP\)/);
  });

  test('no command: the usage on stderr, exit 2', async () => {
    const result = await runCli([]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^Usage: polytomic-connections <command>/);
  });
});

describe('--help and --version', () => {
  test('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    assert.equal(result.status, 0);
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(result.stdout, `${version}\n`);
  });

  test('each help names its options and exits 0', async () => {
    const main = await runCli(['--help']);
    assert.equal(main.status, 0);
    assert.match(main.stdout, /validate \[paths\.\.\.\]/);
    for (const args of [['validate', '--help'], ['validate', '-h'], ['help', 'validate']]) {
      const result = await runCli(args);
      assert.equal(result.status, 0, args.join(' '));
      for (const option of ['--catalog', '--online', '--format', '--profile', '--profiles-file', '--api-key-file', '--base-url', '--api-version', '--verbose']) {
        assert.ok(result.stdout.includes(option), `${args.join(' ')} documents ${option}`);
      }
    }
  });
});

