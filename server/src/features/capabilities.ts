// The server capabilities of the editing features, and what they need to know about the client. The entry point's
// initialize handler spreads `editingCapabilities(params.capabilities)` into its result: the editing features are
// registered from inside that handler, where they cannot add to the result themselves.
import type { ClientCapabilities, ServerCapabilities } from 'vscode-languageserver/node';
import type { CompletionSettings } from './completionEdits';

/** Until the client says otherwise, insert plain text: every client understands that. */
const settings: CompletionSettings = { snippetSupport: false };

export function editingCapabilities(client: ClientCapabilities | undefined): ServerCapabilities {
  settings.snippetSupport = client?.textDocument?.completion?.completionItem?.snippetSupport === true;
  return {
    completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
    hoverProvider: true,
    documentSymbolProvider: { label: 'Polytomic connection' },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
    foldingRangeProvider: true,
  };
}

/** The completion settings negotiated with the client. */
export function completionSettings(): CompletionSettings {
  return settings;
}
