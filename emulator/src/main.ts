// The emulator's CLI: `npm run emulator -- --port <port> --api-key <key> [...]`; prints its URL when ready.
import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { startEmulator } from './index';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`emulator: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator({ ...options, log: options.verbose ? (line) => console.log(line) : undefined });
  for (const warning of emulator.warnings) console.error(`emulator: warning: ${warning}`);
  console.log(`Polytomic emulator listening on ${emulator.url}`);
  console.log(`organization id ${emulator.orgId}; ${options.apiKeys.length} API key(s); catalog ${emulator.catalogDir ?? '(none)'}`);
  console.log(`${emulator.state.connections.size} connection(s)${options.dataFile ? `; state kept in ${options.dataFile}` : ''}`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`emulator: ${(error as Error).message}`);
  process.exit(1);
});
