// Runs the project's Polytomic API emulator (dist/emulator.js) on a free loopback port, seeded with demo data.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { startProcess } from './child-process';
import { connectionTypesCatalog, emulatorBundle } from './repo';
import { RunScope } from './scope';

export interface RunningEmulator {
  url: string;
  /** A throw-away key valid only for this emulator; never printed. */
  apiKey: string;
}

export async function startEmulator(scope: RunScope): Promise<RunningEmulator> {
  if (!existsSync(emulatorBundle)) throw new Error(`${emulatorBundle} is missing: run \`npm run build\` first`);
  const apiKey = `test-${randomBytes(16).toString('hex')}`;
  const args = [emulatorBundle, '--port', '0', '--api-key', apiKey, '--catalog', connectionTypesCatalog, '--seed', 'demo'];
  const emulator = startProcess('emulator', process.execPath, args, { echo: !!process.env.VERBOSE });
  scope.own(() => emulator.stop());
  // it picks a free port itself and prints its URL once it is listening
  const [, url] = await emulator.waitForOutput(/listening on (http:\/\/\S+)/);
  return { url, apiKey };
}
