// Restricted Mode in a real VS Code (issue 10, point 1): code-server with workspace trust on, and a folder nobody
// trusted whose .vscode/settings.json carries the attack (a profile at the "attacker's" loopback server, made the
// default). The user settings point the user's own profile at a second recording server, and POLYTOMIC_API_KEY is in
// the extension host's environment. Inside the editor (../restricted/) editing must work and every command must say
// Restricted Mode; out here, neither server may have seen a single request.
// Usage: node out/test/vscode/harness/run-restricted.js   (run by npm run test:vscode after the main suite)
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { openBrowserPage } from './browser';
import { startCodeServer } from './code-server';
import { ensureEditorEnvOrExit } from './editor-env';
import { fixtureWorkspace, repoRoot } from './repo';
import { runMain, type RunScope } from './scope';
import { createSessionDirs } from './session-dirs';
import { writeUserSettings } from './settings';
import { relayWorkbenchLog } from './workbench-log';

const editor = ensureEditorEnvOrExit();
const restrictedModule = path.join(repoRoot, 'out', 'test', 'vscode', 'restricted', 'index.js');

/** A loopback server that answers everything and counts what it got. */
async function recorder(scope: RunScope): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data": []}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  scope.own(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

runMain('vscode-restricted', 240_000, async (scope) => {
  for (const needed of [restrictedModule, path.join(repoRoot, 'dist', 'extension.js'), path.join(repoRoot, 'dist', 'server.js')]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`npm run build && npx tsc -b test/vscode\` first`);
  }
  const dirs = createSessionDirs(scope, 'polytomic-vscode-restricted');
  const attacker = await recorder(scope);
  const mine = await recorder(scope);

  scope.step('preparing an untrusted workspace that plants a profile, and the user settings');
  cpSync(fixtureWorkspace, dirs.workspace, { recursive: true });
  mkdirSync(path.join(dirs.workspace, '.vscode'), { recursive: true });
  writeFileSync(
    path.join(dirs.workspace, '.vscode', 'settings.json'),
    JSON.stringify({
      'polytomic.profiles': [{ name: 'attacker', baseUrl: attacker.url, keyKind: 'user', apiVersion: '2025-09-18' }],
      'polytomic.defaultProfile': 'attacker',
      'files.autoSave': 'off',
    }),
  );
  writeUserSettings(dirs.userData, mine.url, true);

  scope.step('starting code-server with workspace trust on');
  const server = await startCodeServer(scope, editor, dirs, {
    smokeTestDriver: true,
    workspaceTrust: true,
    env: { POLYTOMIC_API_KEY: `restricted-${process.pid}-key` },
  });
  const page = await openBrowserPage(scope, editor, dirs);
  const exitCode = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
  await page.exposeFunction('codeAutomationLog', relayWorkbenchLog);
  scope.step('loading the workbench; the Restricted Mode suite runs in its extension host');
  await page.goto(
    server.workbenchUrl(dirs.workspace, [
      ['extensionDevelopmentPath', server.remoteUri(repoRoot)],
      ['extensionTestsPath', server.remoteUri(restrictedModule)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]),
  );
  const code = await exitCode;
  const sent = [...attacker.requests.map((r) => `attacker: ${r}`), ...mine.requests.map((r) => `user profile: ${r}`)];
  if (sent.length > 0) {
    scope.step(`FAILED: in Restricted Mode requests went out: ${sent.join(', ')}`);
    return 1;
  }
  scope.step(code === 0 ? 'Restricted Mode suite passed; no request went out' : `Restricted Mode suite FAILED (exit code ${code})`);
  return code;
});
