// `npm start`: try the extension against the local emulator with demo data.
// Builds, starts the emulator (--seed demo) on a free port, copies playground/ to a temporary workspace with a profile
// pointing at the emulator, then opens desktop VS Code (`code` on PATH) or, without it, code-server in the browser
// (installed and cached by scripts/editor-env.mjs on first use) with the packaged extension. Ctrl+C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import childEnvModule from './child-env.cjs';

// Children get an allow-listed environment: under `npm start` the outer npm's npm_config_*, npm_package_*, NODE and
// INIT_CWD would reach code-server (on Node 24) and the editor as if they were their own.
const { childEnv } = childEnvModule;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedCatalog = resolve(root, '..', 'shared', 'data', 'connection-types');
const apiKey = `playground-${randomBytes(16).toString('hex')}`; // valid only for this emulator run
// Demo values for the ${env:...} placeholders of the playground files (the emulator accepts any).
const PLACEHOLDER_VALUES = { POSTGRESQL_PASSWORD: 'demo-password', SNOWFLAKE_PASSWORD: 'demo-password', S3_AWS_SECRET_ACCESS_KEY: 'demo-secret' };

const children = [];
const work = mkdtempSync(join(tmpdir(), 'polytomic-playground-'));
const say = (message) => console.log(`[playground] ${message}`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, env: childEnv(), ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** Starts a long-running child in its own process group; resolves once `ready` matches its output. */
function startChild(name, command, args, env, ready) {
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (data) => {
      output += data;
      if (process.env.VERBOSE) process.stdout.write(`[${name}] ${data}`);
      const match = ready.exec(output);
      if (match) resolvePromise(match);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${name} exited with code ${code}:\n${output.slice(-2000)}`)));
  });
}

function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
}

function freePort() {
  return new Promise((resolvePromise) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

async function startEmulator() {
  const args = [join(root, 'dist', 'emulator.js'), '--port', '0', '--api-key', apiKey, '--seed', 'demo'];
  if (existsSync(sharedCatalog)) args.push('--catalog', sharedCatalog); // all 232 types; else the bundled catalog
  const match = await startChild('emulator', process.execPath, args, childEnv(), /listening on (http:\/\/\S+)/);
  return match[1];
}

function emulatorProfileSettings(emulatorUrl) {
  return {
    'polytomic.profiles': [{ name: 'emulator', baseUrl: emulatorUrl, keyKind: 'user', apiVersion: '2025-09-18' }],
    'polytomic.defaultProfile': 'emulator',
  };
}

/** The workspace's profile settings, for code-server's throw-away user settings: a profile the user chose is sent to unasked. */
function profileSettingsOf(workspace) {
  const settings = JSON.parse(readFileSync(join(workspace, '.vscode', 'settings.json'), 'utf8'));
  return { 'polytomic.profiles': settings['polytomic.profiles'], 'polytomic.defaultProfile': settings['polytomic.defaultProfile'] };
}

function prepareWorkspace(emulatorUrl) {
  const workspace = join(work, 'playground');
  cpSync(join(root, 'playground'), workspace, { recursive: true });
  // Desktop VS Code runs with your own user settings, which the playground never writes: there the profile comes
  // from the workspace, so VS Code asks to trust the folder and the extension asks once before sending the key to it.
  writeJson(join(workspace, '.vscode', 'settings.json'), emulatorProfileSettings(emulatorUrl));
  return workspace;
}

async function openDesktopVsCode(workspace, env) {
  say('opening VS Code; close its window (or press Ctrl+C) to stop the emulator');
  const code = spawn('code', ['--new-window', '--wait', `--extensionDevelopmentPath=${root}`, workspace], { env, stdio: 'inherit' });
  await new Promise((resolvePromise) => code.on('exit', resolvePromise));
}

async function openCodeServer(workspace, env) {
  const answer = spawnSync(process.execPath, [join(root, 'scripts', 'editor-env.mjs'), '--json'], {
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (answer.status !== 0) throw new Error('could not prepare code-server (see above)');
  const editor = JSON.parse(answer.stdout);

  // Without the smoke-test driver code-server loads no development extension: install the packaged one.
  run(process.execPath, [join(root, 'scripts', 'package.mjs')]);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(root, `${manifest.name}-${manifest.version}.vsix`);
  const dirs = { userData: join(work, 'user-data'), extensions: join(work, 'extensions') };
  const editorEnv = { ...env, XDG_CONFIG_HOME: join(work, 'xdg-config'), XDG_DATA_HOME: join(work, 'xdg-data') };
  run(editor.node, [editor.codeServer, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix], {
    env: editorEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  writeJson(join(dirs.userData, 'User', 'settings.json'), {
    'files.autoSave': 'off',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'remote.autoForwardPorts': false, // the emulator's port is not something to offer the user
    ...profileSettingsOf(workspace),
  });

  const port = await freePort();
  const args = [editor.codeServer, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  // --auth none: no password, so it listens on loopback only; anyone who can open a connection on this machine can
  // use this editor (and its terminal) while the playground runs.
  await startChild('code-server', editor.node, args, editorEnv, /HTTP server listening/);
  say(`code-server runs without a password (--auth none), reachable from this machine only (127.0.0.1:${port})`);
  say(`open http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)} in your browser; Ctrl+C stops everything`);
  await new Promise(() => undefined); // until Ctrl+C
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    say('stopping');
    stopAll();
    process.exit(0);
  });
}

try {
  say('building');
  run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
  const emulatorUrl = await startEmulator();
  say(`emulator with demo data at ${emulatorUrl}`);
  const workspace = prepareWorkspace(emulatorUrl);
  say(`workspace: ${workspace}`);
  // The key reaches the extension through POLYTOMIC_API_KEY (used when the profile has no stored key); never printed.
  const env = childEnv({ POLYTOMIC_API_KEY: apiKey, ...PLACEHOLDER_VALUES });
  if (onPath('code')) await openDesktopVsCode(workspace, env);
  else await openCodeServer(workspace, env);
  stopAll();
} catch (error) {
  console.error(`[playground] FAILED: ${error.message}`);
  stopAll();
  process.exit(1);
}
