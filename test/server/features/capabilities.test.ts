import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionSettings, editingCapabilities } from '../../../server/src/features/capabilities';

test('the editing capabilities, and snippets only for a client that supports them', () => {
  const declared = editingCapabilities({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
  assert.ok(declared.completionProvider && declared.hoverProvider && declared.documentSymbolProvider);
  assert.ok(declared.documentFormattingProvider && declared.documentRangeFormattingProvider && declared.foldingRangeProvider);
  assert.equal(completionSettings().snippetSupport, true);
  editingCapabilities({});
  assert.equal(completionSettings().snippetSupport, false);
});
