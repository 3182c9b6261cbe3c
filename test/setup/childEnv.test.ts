// The nested `npm install code-server` (and every other child the scripts start) must not inherit the outer npm's
// variables: under `npm test` they made code-server's postinstall read Node 20 from npm_config_user_agent and refuse.
// This test runs under `npm test`, so process.env really holds what the outer npm exported; the few it may lack when
// run by hand are added, so the check bites either way.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const scripts = path.resolve(__dirname, '..', '..', '..', 'scripts');

interface ChildEnvModule {
  childEnv(extra?: Record<string, string>, source?: NodeJS.ProcessEnv): Record<string, string>;
  npmExportedNames(env: Record<string, string | undefined>): string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { childEnv, npmExportedNames } = require(path.join(scripts, 'child-env.cjs')) as ChildEnvModule;

interface EditorEnvModule {
  useCache(dir: string, npmLock?: string): { nodeHome: string };
  codeServerInstallEnv(tmp: string, source?: NodeJS.ProcessEnv): Record<string, string>;
  codeServerInstallArgs(): string[];
  ensureCodeServer(): void;
}
const loadEditorEnv = () => import(pathToFileURL(path.join(scripts, 'editor-env.mjs')).href) as Promise<EditorEnvModule>;

/** What `npm run` exports (npm 11), on top of whatever the real outer npm already put there. */
const NPM_RUN_VARIABLES = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_nodedir: '/usr',
  npm_config_prefix: '/usr/local',
  npm_package_name: 'polytomic-connections',
  npm_package_json: '/work/package.json',
  npm_lifecycle_event: 'test',
  npm_lifecycle_script: 'node scripts/run-tests.mjs',
  npm_node_execpath: '/usr/bin/node',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_command: 'run-script',
  NODE: '/usr/bin/node',
  INIT_CWD: '/work',
  COLOR: '0',
  EDITOR: 'vi',
};
const FORBIDDEN = /^(npm_config_|npm_package_|npm_lifecycle_|npm_)|^(npm_node_execpath|NODE|INIT_CWD)$/i;

function withNpmVariables<T>(body: () => T): T {
  const added = Object.entries(NPM_RUN_VARIABLES).filter(([name]) => process.env[name] === undefined);
  for (const [name, value] of added) process.env[name] = value;
  try {
    return body();
  } finally {
    for (const [name] of added) delete process.env[name];
  }
}

test('childEnv keeps what a child needs (PATH, HOME, proxy, CA bundle) and nothing npm exported', () => {
  const source = {
    ...NPM_RUN_VARIABLES,
    PATH: '/work/node_modules/.bin:/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:/usr/local/bin:/usr/bin',
    HOME: '/home/me',
    HTTPS_PROXY: 'http://proxy.invalid:3128',
    NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
    LC_ALL: 'C.UTF-8',
    NODE_OPTIONS: '--require /tmp/evil.js',
    POLYTOMIC_API_KEY: 'not for children',
  };
  const env = childEnv({ TMPDIR: '/tmp/x' }, source);
  assert.deepEqual(npmExportedNames(env), []);
  assert.deepEqual(env, {
    PATH: '/usr/local/bin:/usr/bin',
    HOME: '/home/me',
    HTTPS_PROXY: 'http://proxy.invalid:3128',
    NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
    LC_ALL: 'C.UTF-8',
    TMPDIR: '/tmp/x',
  });
});

test('the nested install of code-server gets no npm_* variable, NODE or INIT_CWD, and Node 24 first on PATH', async () => {
  const editorEnv = await loadEditorEnv();
  const cache = mkdtempSync(path.join(os.tmpdir(), 'editor-env-test-'));
  try {
    const { nodeHome } = editorEnv.useCache(cache);
    const env = withNpmVariables(() => editorEnv.codeServerInstallEnv(path.join(cache, 'tmp')));
    assert.deepEqual(Object.keys(env).filter((name) => FORBIDDEN.test(name)), []);
    assert.ok(env.PATH.startsWith(`${path.join(nodeHome, 'bin')}:`), env.PATH);
    // Node 24's headers come by flag, not through the environment
    assert.ok(editorEnv.codeServerInstallArgs().includes(`--nodedir=${nodeHome}`));
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('what the nested npm really receives: a stand-in npm first on the installed Node 24 PATH records its environment', async () => {
  const editorEnv = await loadEditorEnv();
  const cache = mkdtempSync(path.join(os.tmpdir(), 'editor-env-test-'));
  try {
    const { nodeHome } = editorEnv.useCache(cache, path.join(cache, 'npm.lock'));
    const record = path.join(cache, 'npm-env.txt');
    mkdirSync(path.join(nodeHome, 'bin'), { recursive: true });
    const fakeNpm = path.join(nodeHome, 'bin', 'npm');
    // the stand-in fails, so nothing is marked installed
    writeFileSync(fakeNpm, `#!/bin/sh\nenv > '${record}'\necho "ARGS $*" >> '${record}'\nexit 3\n`);
    chmodSync(fakeNpm, 0o755);
    assert.throws(() => withNpmVariables(() => editorEnv.ensureCodeServer()), /exit code 3/);
    const lines = readFileSync(record, 'utf8').split('\n');
    const names = lines.filter((line) => line.includes('=') && !line.startsWith('ARGS ')).map((line) => line.slice(0, line.indexOf('=')));
    assert.deepEqual(names.filter((name) => FORBIDDEN.test(name)), [], 'variables the outer npm exported reached the nested npm');
    const pathLine = lines.find((line) => line.startsWith('PATH='));
    assert.ok(pathLine?.startsWith(`PATH=${path.join(nodeHome, 'bin')}:`), pathLine);
    assert.ok(lines.some((line) => line.startsWith('ARGS install code-server@') && line.includes(`--nodedir=${nodeHome}`)));
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
