// Starts code-server (VS Code's server + web workbench, with the real Node extension host) on a free loopback port.
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { EditorEnv } from './editor-env';
import { startProcess } from './child-process';
import { freePort } from './free-port';
import { RunScope } from './scope';
import { SessionDirs } from './session-dirs';

export interface CodeServerOptions {
  /** Needed for the ?payload= test parameters (extensionDevelopmentPath/extensionTestsPath) to be honoured. */
  smokeTestDriver: boolean;
  /** Extra environment for the extension host, e.g. POLYTOMIC_API_KEY. */
  env?: Record<string, string>;
  /** Keep workspace trust on (an untrusted folder opens in Restricted Mode); off by default. */
  workspaceTrust?: boolean;
}

export interface RunningCodeServer {
  /** The workbench URL opening `folder`, with optional test payload entries. */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  /** `vscode-remote://` URI of a path on this server, as the payload expects. */
  remoteUri(fsPath: string): string;
}

export async function startCodeServer(
  scope: RunScope,
  editor: EditorEnv,
  dirs: SessionDirs,
  options: CodeServerOptions,
): Promise<RunningCodeServer> {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const args = [
    editor.codeServer,
    '--auth', 'none',
    '--bind-addr', host,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--ignore-last-opened',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const server = startProcess('code-server', editor.node, args, {
    env: { ...dirs.processEnv(), ...options.env },
    echo: !!process.env.VERBOSE,
  });
  scope.own(() => server.stop());
  await server.waitForOutput(/HTTP server listening/);
  return {
    remoteUri: (fsPath) => `vscode-remote://${host}${fsPath}`,
    workbenchUrl(folder, payload) {
      const query = [`folder=${encodeURIComponent(folder)}`];
      if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `http://${host}/?${query.join('&')}`;
    },
  };
}

/** Installs a packaged extension into the session's extensions folder, as a user would. */
export function installVsix(editor: EditorEnv, dirs: SessionDirs, vsix: string): void {
  const result = spawnSync(
    editor.node,
    [editor.codeServer, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', path.resolve(vsix)],
    { env: dirs.processEnv(), encoding: 'utf8' },
  );
  if (result.status !== 0 || !/was successfully installed/.test(result.stdout)) {
    throw new Error(`code-server could not install ${vsix} (exit code ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}
