import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspSession } from './lsp-session';

test('the server answers initialize over --stdio and shuts down cleanly', async () => {
  const { session, result } = await LspSession.start();
  assert.equal(result.serverInfo?.name, 'polytomic-language-server');
  assert.ok(result.capabilities.textDocumentSync, 'the server declares document sync');
  await session.stop();
  assert.equal(session.process.exitCode, 0);
});
