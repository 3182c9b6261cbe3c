// One language server process (dist/server.js --stdio) driven over a real LSP connection, watched for the three ways
// it can fail under bad input: the process exits, a request goes unanswered, or something reaches stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_BUNDLE } from '../support/paths';

export type Answer<T> = { kind: 'answered'; value: T; ms: number } | { kind: 'error'; message: string; ms: number } | { kind: 'unanswered'; ms: number };

export interface ProbeOptions {
  catalogDirs: string[];
  /** Messages the server logs at error level (a handler that threw and was caught) are collected here. */
  onErrorLog: (message: string) => void;
  onDiagnostics: (params: PublishDiagnosticsParams) => void;
}

/** window/logMessage type 1 is Error. */
const LOG_ERROR = 1;

export class ServerProbe {
  /** Everything the process wrote to stderr. */
  stderr = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: ProbeOptions): Promise<ServerProbe> {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const probe = new ServerProbe(child, connection);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (probe.stderr += chunk));
    child.once('exit', (code, signal) => (probe.exit = { code, signal }));
    // A write to a dead server's stdin must be recorded as its crash, not crash the fuzzer.
    child.stdin!.on('error', () => undefined);
    connection.onError(() => undefined);
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === LOG_ERROR) options.onErrorLog(params.message);
    });
    connection.onNotification('textDocument/publishDiagnostics', options.onDiagnostics);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
      // Diagnostics without debounce, so every document version is checked and its ranges can be verified.
      initializationOptions: { catalogDirs: options.catalogDirs, debounceMs: 0 },
    });
    await connection.sendNotification('initialized', {});
    return probe;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  async notify(method: string, params: unknown): Promise<void> {
    if (this.alive) await this.connection.sendNotification(method, params).catch(() => undefined);
  }

  /** Sends a request and waits at most `giveUpMs` for its answer. */
  request<T>(method: string, params: unknown, giveUpMs: number): Promise<Answer<T>> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ kind: 'unanswered', ms: elapsed() }), giveUpMs);
      this.connection.sendRequest<T>(method, params).then(
        (value) => {
          clearTimeout(timer);
          resolve({ kind: 'answered', value, ms: elapsed() });
        },
        (error: unknown) => {
          clearTimeout(timer);
          resolve({ kind: 'error', message: error instanceof Error ? error.message : String(error), ms: elapsed() });
        },
      );
    });
  }

  /** For a server that stopped answering: it cannot be shut down politely. */
  kill(): void {
    if (this.alive) this.child.kill('SIGKILL');
    this.connection.dispose();
  }

  async stop(): Promise<void> {
    if (this.alive) {
      await this.request('shutdown', undefined, 2000);
      await this.notify('exit', undefined);
      await new Promise<void>((done) => {
        const timer = setTimeout(() => {
          this.child.kill('SIGKILL');
          done();
        }, 2000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        if (!this.alive) done();
      });
    }
    this.connection.dispose();
  }
}
