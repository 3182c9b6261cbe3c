// The initialize result declares the server's own capabilities (quick fixes) and the editing features' ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspSession } from './lsp-session';

test('initialize declares incremental sync, quick fixes, and completion, hover, symbols, formatting and folding', async () => {
  const { session, result } = await LspSession.start();
  try {
    const capabilities = result.capabilities;
    assert.equal(capabilities.textDocumentSync, 2, 'incremental');
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    for (const provider of ['completionProvider', 'hoverProvider', 'documentSymbolProvider', 'documentFormattingProvider', 'documentRangeFormattingProvider', 'foldingRangeProvider'] as const) {
      assert.ok(capabilities[provider], `${provider} is declared`);
    }
  } finally {
    await session.stop();
  }
});
