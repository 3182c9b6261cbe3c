// Starts dist/server.js as a separate process and speaks LSP to it over stdio.
import { spawn, ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, MessageConnection } from 'vscode-jsonrpc/node';
import { InitializeParams, InitializeResult } from 'vscode-languageserver-protocol';

export const SERVER_PATH = resolve(__dirname, '../../../dist/server.js');

export class LspSession {
  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) {}

  static async start(initializationOptions: unknown = {}): Promise<{ session: LspSession; result: InitializeResult }> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const session = new LspSession(child, connection);
    const params: InitializeParams = { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions };
    const result = await connection.sendRequest<InitializeResult>('initialize', params);
    await connection.sendNotification('initialized', {});
    return { session, result };
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    await new Promise<void>((done) => (this.process.exitCode !== null ? done() : this.process.once('exit', () => done())));
  }
}
