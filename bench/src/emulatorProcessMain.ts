// Run in its own Node process by emulatorProcess.ts: the emulator (startEmulator) with the 232 real types, so that the
// benchmark's client and the API do not share one event loop, and the driver's memory is its own. Prints its URL as
// one JSON line; exits when its parent closes stdin.
import { startEmulator } from '../../emulator/src/index';
import { SHARED_CATALOG } from './paths';

async function main(): Promise<void> {
  const apiKey = process.argv[2];
  if (!apiKey) throw new Error('usage: emulatorProcessMain.js <api-key>');
  const emulator = await startEmulator({ apiKeys: [apiKey], catalogDir: SHARED_CATALOG });
  process.stdout.write(JSON.stringify({ url: emulator.url }) + '\n');
  process.stdin.resume();
  process.stdin.on('end', () => void emulator.close().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
