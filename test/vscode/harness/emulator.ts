// Runs the project's Polytomic API emulator (dist/emulator.js) on a free loopback port, seeded with demo data.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { startProcess } from './child-process';
import { freePort } from './free-port';
import { connectionTypesCatalog, emulatorBundle } from './repo';
import { RunScope } from './scope';

export interface RunningEmulator {
  url: string;
  /** A throw-away key valid only for this emulator; never printed. */
  apiKey: string;
}

export async function startEmulator(scope: RunScope): Promise<RunningEmulator> {
  if (!existsSync(emulatorBundle)) throw new Error(`${emulatorBundle} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const apiKey = `test-${randomBytes(16).toString('hex')}`;
  const url = `http://127.0.0.1:${port}`;
  const args = [emulatorBundle, '--port', String(port), '--api-key', apiKey, '--catalog', connectionTypesCatalog, '--seed', 'demo'];
  const emulator = startProcess('emulator', process.execPath, args, { echo: !!process.env.VERBOSE });
  scope.own(() => emulator.stop());
  await Promise.race([waitUntilServing(url), emulator.rejectOnExit()]);
  return { url, apiKey };
}

/** Polls the emulator's admin endpoint until it answers (it is up within a second or so). */
async function waitUntilServing(url: string): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(`${url}/__emulator/state`);
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
