// Extension entry point: wires the profiles, the API sessions, the live catalog, the language server, the tree and
// the commands together. Each piece lives in its own file; this one only creates and connects them.
import * as vscode from 'vscode';
import { ApiSessions } from './apiSession';
import { LiveCatalog } from './catalog/liveCatalog';
import { registerCommands } from './commands';
import { ContextKeys } from './contextKeys';
import { ErrorReporter } from './errors';
import { createExtensionApi, PolytomicExtensionApi } from './extensionApi';
import { PolytomicLanguageClient } from './languageClient';
import { SchemaLanguageStatus } from './languageStatus';
import { LIVE_SCHEME, LiveDocumentProvider } from './liveDocuments';
import { PolytomicOutput } from './output';
import { registerWorkspacePlan } from './plan';
import { DriftTracker } from './plan/driftTracker';
import { PlanTreeProvider } from './plan/planView';
import { ProfileStore } from './profiles/profileStore';
import { PlaceholderSecrets } from './secrets/placeholderSecrets';
import { SendPermission } from './profiles/sendPermission';
import type { Services } from './services';
import { ProfileStatusBar } from './statusBar';
import { ConnectionsTreeProvider } from './tree/connectionsTree';
import { PromptHolder } from './ui';
import { WorkspaceIndex } from './workspaceIndex';

let languageClient: PolytomicLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PolytomicExtensionApi> {
  const output = new PolytomicOutput();
  const prompts = new PromptHolder();
  // A profile in the settings that cannot be used is said once, with the way to fix it.
  const profiles = new ProfileStore(context, (message) => {
    output.warn(message);
    void prompts.current.notify('warning', message, 'Open Settings').then((picked) => {
      if (picked) void vscode.commands.executeCommand('workbench.action.openSettings', 'polytomic.profiles');
    });
  });
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0';
  const sessions = new ApiSessions(profiles, output, `polytomic-connections-vscode/${version}`, new SendPermission(profiles, prompts));
  languageClient = new PolytomicLanguageClient(context);
  const catalog = new LiveCatalog(context, sessions, profiles, languageClient, output);
  const index = new WorkspaceIndex();
  const secrets = new PlaceholderSecrets(context.secrets);
  const drift = new DriftTracker({ catalog, secrets, output }, context.workspaceState);
  const tree = new ConnectionsTreeProvider(sessions, profiles, index, output, drift);
  const liveDocs = new LiveDocumentProvider();
  const errors = new ErrorReporter(output, prompts);
  const plan = new PlanTreeProvider();
  const services: Services = { context, output, prompts, profiles, sessions, catalog, languageClient, tree, index, liveDocs, errors, secrets, plan, drift };

  const treeView = vscode.window.createTreeView('polytomic.connections', { treeDataProvider: tree, showCollapseAll: true });
  tree.view = treeView;
  const statusBar = new ProfileStatusBar(profiles);
  const contextKeys = new ContextKeys(profiles);
  const languageStatus = new SchemaLanguageStatus(languageClient, catalog);
  context.subscriptions.push(
    output,
    profiles,
    sessions,
    catalog,
    index,
    drift,
    tree,
    treeView,
    plan,
    ...registerWorkspacePlan(services),
    liveDocs,
    statusBar,
    contextKeys,
    languageStatus,
    languageClient,
    vscode.workspace.registerTextDocumentContentProvider(LIVE_SCHEME, liveDocs),
    ...registerCommands(services),
  );

  // A profile or key change means another API, another catalog and another list of connections.
  let lastProfile = JSON.stringify(profiles.active() ?? null);
  context.subscriptions.push(
    profiles.onDidChange(async () => {
      contextKeys.updateProfileKey();
      await sessions.reset();
      void statusBar.update();
      const current = JSON.stringify(profiles.active() ?? null);
      if (current !== lastProfile) {
        lastProfile = current;
        void catalog.profileChanged();
      } else {
        void catalog.warmUp();
      }
      void tree.refreshWhenSeen();
    }),
  );

  contextKeys.updateProfileKey();
  void statusBar.update();
  // Not awaited: activation stays fast, and everything that talks to the server waits for it in ready().
  languageClient.start(catalog.catalogDirs()).catch((error) => {
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
  void catalog.warmUp();
  void tree.refreshWhenSeen();
  void languageStatus.update();
  output.info(`Polytomic Connections ${version} active${profiles.active() ? ` (profile ${profiles.active()?.name})` : ' (no profile yet)'}.`);
  return createExtensionApi(services, languageStatus);
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
}
