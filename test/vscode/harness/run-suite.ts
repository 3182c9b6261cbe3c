// Runs the in-editor mocha suite (out/test/vscode/suite/index.js) inside a real VS Code: code-server + headless
// Chromium, against the emulator, on a temporary copy of the fixture workspace. Exits with the suite's exit code.
// Usage: node out/test/vscode/harness/run-suite.js        (VERBOSE=1 echoes code-server and browser output,
//        KEEP_TMP=1 keeps the temporary folder, POLYTOMIC_VSCODE_TIMEOUT=<seconds> changes the 360 s limit)
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { openBrowserPage } from './browser';
import { startCodeServer } from './code-server';
import { ensureEditorEnvOrExit } from './editor-env';
import { repoRoot, suiteModule } from './repo';
import { runMain } from './scope';
import { createSessionDirs } from './session-dirs';
import { prepareTestWorkspace } from './test-workspace';
import { relayWorkbenchLog } from './workbench-log';

const editor = ensureEditorEnvOrExit(); // a first install takes minutes: not counted in the run's time limit
const timeoutSeconds = Number(process.env.POLYTOMIC_VSCODE_TIMEOUT ?? 360);

runMain('vscode-suite', timeoutSeconds * 1000, async (scope) => {
  for (const needed of [suiteModule, path.join(repoRoot, 'dist', 'extension.js'), path.join(repoRoot, 'dist', 'server.js')]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`npm run build && npx tsc -b test/vscode\` first`);
  }
  const dirs = createSessionDirs(scope, 'polytomic-vscode-suite');

  const emulator = await prepareTestWorkspace(scope, dirs);

  scope.step('starting code-server');
  const server = await startCodeServer(scope, editor, dirs, {
    smokeTestDriver: true,
    env: {
      POLYTOMIC_API_KEY: emulator.apiKey,
      POLYTOMIC_EMULATOR_URL: emulator.url,
      ...(process.env.POLYTOMIC_E2E_GREP ? { POLYTOMIC_E2E_GREP: process.env.POLYTOMIC_E2E_GREP } : {}),
    },
  });

  scope.step('starting Chromium');
  const page = await openBrowserPage(scope, editor, dirs);
  const suiteExitCode = new Promise<number>((resolve) => {
    // The workbench calls these when the smoke-test driver is on: the extension host's console, then its exit code.
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', relayWorkbenchLog);
  if (process.env.VERBOSE) page.on('console', (message) => console.log(`[browser] ${message.text()}`));

  scope.step('loading the workbench; the suite runs in its extension host');
  await page.goto(
    server.workbenchUrl(dirs.workspace, [
      ['extensionDevelopmentPath', server.remoteUri(repoRoot)],
      ['extensionTestsPath', server.remoteUri(suiteModule)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]),
  );
  const code = await suiteExitCode;
  scope.step(code === 0 ? 'suite passed' : `suite FAILED (exit code ${code})`);
  return code;
});
