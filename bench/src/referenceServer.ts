// vscode-json-languageservice behind a real stdio connection: per version it parses the document and validates it
// with the same schemas as ours (referenceService.ts), then publishes, as VS Code's JSON server does without its debounce.
import { createConnection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCatalog } from './ourValidation';
import { SHARED_CATALOG } from './paths';
import { ReferenceService } from './referenceService';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const catalog = createCatalog([SHARED_CATALOG]);
const reference = new ReferenceService(catalog, catalog.listTypes().map((t) => t.id));
const DOCUMENT_SETTINGS = { comments: 'ignore', trailingCommas: 'ignore' } as const;

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));

documents.onDidChangeContent(async ({ document }) => {
  const parsed = reference.service.parseJSONDocument(document);
  const diagnostics = await reference.service.doValidation(document, parsed, DOCUMENT_SETTINGS);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
});

documents.listen(connection);
connection.listen();
