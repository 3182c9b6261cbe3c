// The floor of the latency bench: an LSP server over stdio that keeps the document (full or incremental sync, as ours)
// and, per version, only JSON.parses its text and publishes no diagnostics. What a server cannot do with less work.
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));

documents.onDidChangeContent(({ document }) => {
  try {
    JSON.parse(document.getText());
  } catch {
    // The floor's documents are plain JSON; a failure is still a finished parse.
  }
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
