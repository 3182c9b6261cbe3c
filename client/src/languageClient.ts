// Starts the Polytomic language server (over IPC, as a Node module) and speaks the custom catalog messages to it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CatalogChangedParams, CatalogTypeInfo, DiagnoseTextParams, Protocol, SchemaInfo, SkeletonResult, TextDiagnostic } from './languageProtocol';

export class PolytomicLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private started: Promise<void> | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  /**
   * Starts the server with the live catalog folders to prefer over the bundled catalog. Callers need not wait: every
   * request waits in `ready()`, so activation does not pay for the server's start.
   */
  start(catalogDirs: string[] | Promise<string[]>): Promise<void> {
    this.started = this.launch(catalogDirs);
    return this.started;
  }

  private async launch(catalogDirsPromise: string[] | Promise<string[]>): Promise<void> {
    const catalogDirs = await catalogDirsPromise;
    const module = this.context.asAbsolutePath(path.join('dist', 'server.js'));
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'polytomic' }],
      initializationOptions: { catalogDirs },
    };
    this.client = new LanguageClient('polytomic', 'Polytomic Language Server', serverOptions, clientOptions);
    await this.client.start();
  }

  private async ready(): Promise<LanguageClient> {
    if (!this.started) throw new Error('The Polytomic language server is not running.');
    await this.started;
    if (!this.client) throw new Error('The Polytomic language server is not running.');
    return this.client;
  }

  /** Tells the server the catalog folders changed (new profile) or were rewritten (omit `catalogDirs`). */
  async catalogChanged(catalogDirs?: string[]): Promise<void> {
    const params: CatalogChangedParams = catalogDirs ? { catalogDirs } : {};
    await (await this.ready()).sendNotification(Protocol.catalogChanged, params);
  }

  async schemaInfo(uri: vscode.Uri): Promise<SchemaInfo> {
    return (await this.ready()).sendRequest<SchemaInfo>(Protocol.schemaInfo, { uri: uri.toString() });
  }

  async listTypes(): Promise<CatalogTypeInfo[]> {
    return (await this.ready()).sendRequest<CatalogTypeInfo[]>(Protocol.listTypes, {});
  }

  async skeleton(type: string, name?: string): Promise<string> {
    return (await (await this.ready()).sendRequest<SkeletonResult>(Protocol.skeleton, { type, name })).text;
  }

  /** The diagnostics the server gives `text` as if it were the open document `uri` (the workspace plan's check). */
  async diagnoseText(uri: string, text: string): Promise<TextDiagnostic[]> {
    const params: DiagnoseTextParams = { uri, text };
    return (await this.ready()).sendRequest<TextDiagnostic[]>(Protocol.diagnoseText, params);
  }

  /** Stops the server; safe while it is still starting (deactivation right after activation) or after it failed. */
  async stop(): Promise<void> {
    await this.started?.catch(() => undefined);
    if (this.client?.isRunning()) await this.client.stop();
  }

  dispose(): void {
    void this.stop();
  }
}
