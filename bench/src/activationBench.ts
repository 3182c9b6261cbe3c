// Extension activation outside the editor: fresh processes each require dist/extension.js and await activate()
// against the stand-in `vscode` module; activate() starts the language server (dist/server.js)
// without waiting for it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LspClient } from './lspClient';
import { SHARED_CATALOG } from './paths';
import { now, summarise, type Summary } from './stats';

export interface ActivationResult {
  processes: number;
  require: Summary;
  activate: Summary;
  total: Summary;
  /** Spawning dist/server.js until its initialize result, alone (over stdio; the extension uses IPC): the part of activate() that waits for the server. */
  serverStart: Summary;
  /** What the extension wrote to its output channel in the last run, to show it activated without errors. */
  output: string[];
}

const PROCESSES = 5;

export async function benchActivation(): Promise<ActivationResult> {
  const runs: { requireMs: number; activateMs: number; totalMs: number; output: string[] }[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const result = spawnSync(process.execPath, [join(__dirname, 'activationWorker.js')], { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`the activation worker failed: ${result.stderr}`);
    runs.push(JSON.parse(result.stdout) as (typeof runs)[number]);
  }
  const serverStarts: number[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const start = now();
    const client = await LspClient.start({ catalogDirs: [SHARED_CATALOG] });
    serverStarts.push(now() - start);
    await client.stop();
  }
  return {
    processes: PROCESSES,
    serverStart: summarise(serverStarts),
    require: summarise(runs.map((r) => r.requireMs)),
    activate: summarise(runs.map((r) => r.activateMs)),
    total: summarise(runs.map((r) => r.totalMs)),
    output: runs[runs.length - 1].output,
  };
}
