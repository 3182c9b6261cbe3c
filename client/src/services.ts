// Everything a command needs, created once in activate() and handed to each command.
import type * as vscode from 'vscode';
import type { ApiSessions } from './apiSession';
import type { LiveCatalog } from './catalog/liveCatalog';
import type { ErrorReporter } from './errors';
import type { PolytomicLanguageClient } from './languageClient';
import type { LiveDocumentProvider } from './liveDocuments';
import type { PolytomicOutput } from './output';
import type { DriftTracker } from './plan/driftTracker';
import type { PlanTreeProvider } from './plan/planView';
import type { ProfileStore } from './profiles/profileStore';
import type { PlaceholderSecrets } from './secrets/placeholderSecrets';
import type { ConnectionsTreeProvider } from './tree/connectionsTree';
import type { PromptHolder } from './ui';
import type { WorkspaceIndex } from './workspaceIndex';

export interface Services {
  context: vscode.ExtensionContext;
  output: PolytomicOutput;
  prompts: PromptHolder;
  profiles: ProfileStore;
  sessions: ApiSessions;
  catalog: LiveCatalog;
  languageClient: PolytomicLanguageClient;
  tree: ConnectionsTreeProvider;
  index: WorkspaceIndex;
  liveDocs: LiveDocumentProvider;
  errors: ErrorReporter;
  secrets: PlaceholderSecrets;
  /** The Plan view and the last plan of the workspace. */
  plan: PlanTreeProvider;
  /** Which side moved, per file-held connection (the Connections view shows it). */
  drift: DriftTracker;
}
