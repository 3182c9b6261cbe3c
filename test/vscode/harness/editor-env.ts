// Finds (and on first use installs) Node 24, code-server and Chromium through scripts/editor-env.mjs.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { childEnv } from './child-env';
import { repoRoot } from './repo';

export interface EditorEnv {
  /** Node 24, the engine code-server requires. */
  node: string;
  /** code-server's entry script, run with `node`. */
  codeServer: string;
  chromium: string;
  cache: string;
}

export function ensureEditorEnv(): EditorEnv {
  const script = path.join(repoRoot, 'scripts', 'editor-env.mjs');
  // stderr (progress of a first install) goes straight to the user; stdout carries the JSON answer
  const result = spawnSync(process.execPath, [script, '--json'], {
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`scripts/editor-env.mjs could not prepare code-server and Chromium (exit code ${result.status})`);
  }
  return JSON.parse(result.stdout) as EditorEnv;
}

/** For entry points: the paths, or a clear message and exit code 2. */
export function ensureEditorEnvOrExit(): EditorEnv {
  try {
    return ensureEditorEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
