// Run in a fresh Node process by activationBench.ts: require(dist/extension.js) and activate() it against the
// stand-in `vscode` module (vscodeMock.ts), as the extension host would on opening a connection file. activate()
// starts the language server without waiting for it; deactivate() then waits for the start and stops it. Prints the
// timings as one JSON line.
import { now } from './stats';
import { installVscodeMock, mockContext, outputLines } from './vscodeMock';
import { EXTENSION_BUNDLE, SNAPSHOT_ROOT } from './paths';

interface ExtensionModule {
  activate(context: unknown): Promise<unknown>;
  deactivate?(): Promise<void>;
}

async function main(): Promise<void> {
  installVscodeMock();
  const context = mockContext(SNAPSHOT_ROOT, '0.0.0-bench');
  const start = now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(EXTENSION_BUNDLE) as ExtensionModule;
  const requireMs = now() - start;
  const activateStart = now();
  await extension.activate(context);
  const activateMs = now() - activateStart;
  await extension.deactivate?.();
  process.stdout.write(JSON.stringify({ requireMs, activateMs, totalMs: requireMs + activateMs, output: outputLines }) + '\n');
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
