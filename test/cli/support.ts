// Runs the built dist/cli.js as a child process (as `npx polytomic-connections` would) in temp folders.
// The child is started asynchronously: tests that point it at an in-process emulator must keep answering meanwhile.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunningEmulator, StoredConnection } from '../../emulator/src/index';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'cli.js');
/** The 232 real schemas, read in place (never copied). */
export const SHARED_CATALOG = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'connection-types');
export const PLAYGROUND = path.join(REPO_ROOT, 'playground');

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment without anything Polytomic from the shell that runs the tests, and a private cache folder. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('POLYTOMIC_') && !/_PROXY$/i.test(name)) env[name] = value;
  }
  env.XDG_CACHE_HOME = mkdtempSync(path.join(os.tmpdir(), 'cli-cache-'));
  return { ...env, ...extra };
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
}

/** Starts the CLI; `done` resolves when it exits (a test may kill `child` first, as a crash). */
export function startCli(args: string[], options: RunOptions = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd: options.cwd ?? REPO_ROOT, env: options.env ?? cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  const done = new Promise<CliResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  child.stdin!.end(options.input ?? '');
  return { child, done };
}

export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/** A temp folder holding the given files (paths relative to it; folders are made). */
export function tempFolder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-files-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

export const CLEAN_POSTGRES = JSON.stringify(
  {
    name: 'Warehouse',
    type: 'postgresql',
    configuration: { hostname: 'db.example.com', port: 5432, database: 'analytics', username: 'reader', password: '${env:PG_PASSWORD}' },
  },
  null,
  2,
) + '\n';

/** Two errors (a string port, a missing database). */
export const BROKEN_POSTGRES = '{\n  "name": "Broken",\n  "type": "postgresql",\n  "configuration": {\n    "hostname": "db.example.com",\n    "port": "not-a-port",\n    "username": "reader",\n    "password": "${env:PG_PASSWORD}"\n  }\n}\n';

/** A warning only: a literal password. */
export const WARNING_POSTGRES = JSON.stringify(
  { name: 'Literal', type: 'postgresql', configuration: { hostname: 'db.example.com', port: 5432, database: 'analytics', username: 'reader', password: 'hunter2-literal' } },
  null,
  2,
) + '\n';

/** util-linux `script`, which runs a command on a pseudo-terminal; undefined where it is missing. */
export const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));

/**
 * Runs the CLI on a terminal (through `script`): when `prompt` appears in the output, `answer` is typed. The output is
 * the terminal's (the typed answer echoed, lines ending in \r\n).
 */
export function runOnTerminal(args: string[], options: RunOptions & { prompt: string; answer: string }): Promise<{ status: number | null; output: string }> {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, CLI_PATH, ...args].map(quote).join(' ');
  const child = spawn(SCRIPT!, ['-qec', command, '/dev/null'], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    let answered = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!answered && output.includes(options.prompt)) {
        answered = true;
        child.stdin.write(`${options.answer}\n`);
      }
    });
    child.on('error', reject);
    child.on('close', (status) => {
      child.stdin.end();
      resolve({ status, output });
    });
  });
}

/** A connection put straight into the emulator's state (a name the API would store as given), returned with its id. */
export function putLive(emulator: RunningEmulator, name: string, configuration: Record<string, unknown> = { hostname: 'db.example.com', port: 5432, database: 'app', username: 'reader', password: 'live-password' }, type = 'postgresql'): StoredConnection {
  const now = new Date().toISOString();
  const actor = { id: randomUUID(), name: 'test', type: 'apikey' };
  const connection: StoredConnection = {
    id: randomUUID(),
    name,
    organization_id: emulator.orgId,
    type,
    type_name: type,
    configuration,
    status: 'healthy',
    saved: true,
    policies: [],
    created_at: now,
    updated_at: now,
    created_by: actor,
    updated_by: actor,
  };
  emulator.state.putConnection(connection);
  return connection;
}

/**
 * Text every line of which is inert: no control character but the line feed, and no line a GitHub runner would run
 * as a workflow command ("::" after leading whitespace).
 */
export function assertInert(text: string, what: string): void {
  for (const line of text.split('\n')) {
    assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(line), `${what}: a control character in ${JSON.stringify(line)}`);
    assert.ok(!/^\s*::/.test(line), `${what}: a workflow command line ${JSON.stringify(line)}`);
  }
}
