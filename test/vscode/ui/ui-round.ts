// The UI round: the PACKAGED extension (.vsix from `npm run package`) installed into code-server, driven through the
// workbench like a user would, against the emulator. Each step waits for what it expects on screen and saves a
// screenshot to test-results/screenshots/. Exit code 0 = every step passed.
// Usage: npm run test:ui      (VERBOSE=1, KEEP_TMP=1, POLYTOMIC_VSCODE_TIMEOUT=<seconds>, default 300)
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { openBrowserPage } from '../harness/browser';
import { installVsix, startCodeServer } from '../harness/code-server';
import { ensureEditorEnvOrExit } from '../harness/editor-env';
import { packagedVsix, repoRoot } from '../harness/repo';
import { runMain } from '../harness/scope';
import { createSessionDirs } from '../harness/session-dirs';
import { prepareTestWorkspace } from '../harness/test-workspace';
import { PolytomicLive } from './polytomic-live';
import { UI_STEPS } from './steps';
import { Workbench } from './workbench';

const screenshots = path.join(repoRoot, 'test-results', 'screenshots');
const editor = ensureEditorEnvOrExit();
const timeoutSeconds = Number(process.env.POLYTOMIC_VSCODE_TIMEOUT ?? 300);
/** A stand-in for the fixture's ${env:POSTGRESQL_PASSWORD}: must never appear on screen either. */
const FIXTURE_PASSWORD = 'fixture-password-not-for-screens';

runMain('vscode-ui', timeoutSeconds * 1000, async (scope) => {
  const vsix = packagedVsix();
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
  rmSync(screenshots, { recursive: true, force: true });
  mkdirSync(screenshots, { recursive: true });
  const dirs = createSessionDirs(scope, 'polytomic-vscode-ui');

  scope.step(`installing ${path.basename(vsix)} into a fresh extensions folder`);
  installVsix(editor, dirs, vsix);

  const emulator = await prepareTestWorkspace(scope, dirs);

  scope.step('starting code-server and Chromium');
  const server = await startCodeServer(scope, editor, dirs, {
    smokeTestDriver: false,
    env: { POLYTOMIC_API_KEY: emulator.apiKey, POSTGRESQL_PASSWORD: FIXTURE_PASSWORD },
  });
  const page = await openBrowserPage(scope, editor, dirs);
  const workbench = new Workbench(page, dirs.workspace);
  await page.goto(server.workbenchUrl(dirs.workspace));
  await workbench.waitUntilLoaded('connections');

  const live = new PolytomicLive(emulator.url, emulator.apiKey);
  const secrets = { 'the API key': emulator.apiKey, 'the fixture password': FIXTURE_PASSWORD };
  /** Saves a screenshot only when no secret is on screen; a secret on screen fails the round. */
  const screenshot = async (name: string) => {
    const html = await page.content();
    const leaked = Object.entries(secrets).find(([, value]) => html.includes(value))?.[0];
    if (leaked) throw new Error(`${leaked} is on screen; no screenshot taken`);
    await page.screenshot({ path: path.join(screenshots, name) });
  };
  for (const step of UI_STEPS) {
    scope.step(step.title);
    try {
      await step.run(workbench, live);
      await screenshot(step.screenshot);
      await step.tidyUp?.(workbench);
    } catch (error) {
      scope.log(`step failed: ${step.title}: ${(error as Error).message.split('\n')[0]}`);
      await screenshot(`FAILED-${step.screenshot}`).catch((reason: Error) => scope.log(reason.message));
      scope.log(`screenshots in ${screenshots}`);
      return 1;
    }
  }
  scope.step(`all ${UI_STEPS.length} UI steps passed; screenshots in ${screenshots}`);
  return 0;
});
