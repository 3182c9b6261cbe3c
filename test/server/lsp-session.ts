// Starts dist/server.js as a separate process and speaks LSP to it over stdio.
import { spawn, ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, MessageConnection } from 'vscode-jsonrpc/node';
import {
  CodeAction,
  CodeActionParams,
  Diagnostic,
  InitializeParams,
  InitializeResult,
  PublishDiagnosticsParams,
  TextEdit,
} from 'vscode-languageserver-protocol';

export const SERVER_PATH = resolve(__dirname, '../../../dist/server.js');
export const REPO_ROOT = resolve(__dirname, '../../..');

/** Waits for the diagnostics of one version of a document, or (version undefined) for the next ones published. */
type DiagnosticsWaiter = { uri: string; version?: number; resolve: (diagnostics: Diagnostic[]) => void };

export class LspSession {
  /** The latest diagnostics published per document, with the version they are for. */
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private waiters: DiagnosticsWaiter[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  /** The versions of every publication per document, in order (undefined for a clear). */
  readonly publications = new Map<string, (number | undefined)[]>();
  /** What the server logged (window/logMessage), for tests that check a problem was reported. */
  readonly logs: string[] = [];

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      if (!this.publications.has(params.uri)) this.publications.set(params.uri, []);
      this.publications.get(params.uri)!.push(params.version);
      const ready = this.waiters.filter((w) => w.uri === params.uri && (w.version === undefined || params.version === w.version));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const waiter of ready) waiter.resolve(params.diagnostics);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
  }

  static async start(initializationOptions: unknown = {}): Promise<{ session: LspSession; result: InitializeResult }> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    connection.listen();
    const params: InitializeParams = { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions };
    const result = await connection.sendRequest<InitializeResult>('initialize', params);
    await connection.sendNotification('initialized', {});
    return { session, result };
  }

  /** Opens a document and resolves with the first diagnostics the server publishes for it. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    const diagnostics = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'polytomic', version: 1, text } });
    return diagnostics;
  }

  /** Replaces the whole text (a new version) and resolves with the diagnostics of that version. */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    const diagnostics = this.diagnosticsFor(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return diagnostics;
  }

  /** Resolves with the diagnostics of the given version (the current one by default) once published. */
  diagnosticsFor(uri: string, version = this.versions.get(uri) ?? 1): Promise<Diagnostic[]> {
    return new Promise((resolveDiagnostics) => this.waiters.push({ uri, version, resolve: resolveDiagnostics }));
  }

  /** Resolves with the next diagnostics published for the document, whatever version they are for. */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolveDiagnostics) => this.waiters.push({ uri, resolve: resolveDiagnostics }));
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  async codeActions(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics.length > 0 ? diagnostics[0].range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const params: CodeActionParams = { textDocument: { uri }, range, context: { diagnostics } };
    return (await this.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', params)) ?? [];
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    await new Promise<void>((done) => (this.process.exitCode !== null ? done() : this.process.once('exit', () => done())));
  }
}

/** Applies LSP text edits (non-overlapping, as a workspace edit's changes for one document are) to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offsetOf = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = edits
    .map((e) => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
