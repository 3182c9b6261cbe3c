// Runs the SAME in-editor suite (out/test/vscode/suite/index.js) in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code (laptops, hosted CI). Offline, it stops with a clear message;
// `npm run test:vscode` runs the same suite in code-server instead.
// Usage: node out/test/vscode/run-electron.js    (VSCODE_VERSION=stable|insiders|1.96.0, default stable)
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import { repoRoot, suiteModule } from './harness/repo';
import { runMain } from './harness/scope';
import { createSessionDirs } from './harness/session-dirs';
import { prepareTestWorkspace } from './harness/test-workspace';

const DOWNLOAD_LIMIT_MS = 5 * 60_000;

runMain('vscode-electron', 20 * 60_000, async (scope) => {
  const dirs = createSessionDirs(scope, 'polytomic-vscode-electron');
  const emulator = await prepareTestWorkspace(scope, dirs);

  const version = process.env.VSCODE_VERSION ?? 'stable';
  scope.step(`downloading VS Code ${version} (needs https://update.code.visualstudio.com)`);
  const vscodeExecutablePath = await withinLimit(
    downloadAndUnzipVSCode({ version, cachePath: path.join(repoRoot, '.vscode-test'), timeout: 30_000 }),
  ).catch((error: Error) => {
    throw new Error(
      `could not download VS Code ${version}: ${error.message}\n` +
        'This runner needs access to the VS Code update server. Offline, run the same suite in code-server: npm run test:vscode',
    );
  });

  scope.step('running the suite in VS Code');
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteModule,
      extensionTestsEnv: { POLYTOMIC_API_KEY: emulator.apiKey, POLYTOMIC_EMULATOR_URL: emulator.url },
      launchArgs: [
        dirs.workspace,
        '--user-data-dir', dirs.userData,
        '--extensions-dir', dirs.extensions,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (error) {
    if (error instanceof TestRunFailedError) return error.code ?? 1;
    throw error;
  }
});

/** The download's own timeout only covers idle sockets; this bounds the whole attempt. */
function withinLimit<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DOWNLOAD_LIMIT_MS / 1000}s`)), DOWNLOAD_LIMIT_MS);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
