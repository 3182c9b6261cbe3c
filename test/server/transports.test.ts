// The server speaks LSP over --node-ipc as well as --stdio (the extension uses IPC; other editors use stdio).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_PATH } from './lsp-session';

test('over --node-ipc: initialize, diagnostics for an opened document, shutdown', async () => {
  const child = fork(SERVER_PATH, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    assert.equal(result.serverInfo?.name, 'polytomic-language-server');
    await connection.sendNotification('initialized', {});
    const published = new Promise<PublishDiagnosticsParams>((done) => connection.onNotification('textDocument/publishDiagnostics', done));
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///ipc.polytomic.json', languageId: 'polytomic', version: 1, text: '{ "name": "x", "type": "postgress", "configuration": {} }' },
    });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-type']);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await new Promise<void>((done) => (child.exitCode !== null ? done() : child.once('exit', () => done())));
    assert.equal(child.exitCode, 0);
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
});
