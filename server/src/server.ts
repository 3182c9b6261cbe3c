// Entry point of the language server: `node dist/server.js --stdio` or `--node-ipc`.
// Wires the catalog, the diagnostics, the quick fixes and the editing features onto one connection.
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FolderCatalog } from './catalog/folderCatalog';
import { findSchemasFolder } from './catalog/bundledLocation';
import { isPlainObject } from './catalog/dialect';
import { Protocol, type CatalogChangedParams, type DiagnoseTextParams, type SchemaInfo } from './catalog/types';
import { fileDiagnostics, type FileDiagnostics } from './fileValidation';
import { ValidatorCache } from './validation/validators';
import { parseDocument } from './validation/parseDocument';
import { computeDiagnostics, DEFAULT_MAX_DOCUMENT_BYTES } from './diagnostics/documentDiagnostics';
import { DiagnosticsScheduler } from './diagnostics/scheduler';
import { CheckHistory } from './diagnostics/checkHistory';
import { quickFixes } from './codeActions/quickFixes';
import { runSafe } from './util/runner';
import { registerEditingFeatures } from './features/register';
import { editingCapabilities } from './features/capabilities';
import { beyondFeatureLimits } from './features/featureLimits';

const DEFAULT_DEBOUNCE_MS = 175;

interface ServerOptions {
  catalogDirs: string[];
  debounceMs: number;
  maxDocumentBytes: number;
}

/** initializationOptions: `{catalogDirs?: string[], debounceMs?: number, maxDocumentBytes?: number}`; anything else is ignored. */
function readOptions(raw: unknown): ServerOptions {
  const options = isPlainObject(raw) ? raw : {};
  const number = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback);
  return {
    catalogDirs: stringList(options.catalogDirs),
    debounceMs: number(options.debounceMs, DEFAULT_DEBOUNCE_MS),
    maxDocumentBytes: number(options.maxDocumentBytes, DEFAULT_MAX_DOCUMENT_BYTES),
  };
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const logError = (message: string) => connection.console.error(message);
const validators = new ValidatorCache();
const history = new CheckHistory();
let catalog: FolderCatalog;
let scheduler: DiagnosticsScheduler;
let diagnoseText: FileDiagnostics;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = readOptions(params.initializationOptions);
  catalog = new FolderCatalog({ catalogDirs: options.catalogDirs, schemasFolder: findSchemasFolder(), log: logError });
  scheduler = new DiagnosticsScheduler(
    connection,
    documents,
    (document, isCancelled) => computeDiagnostics(document, { catalog, validators }, { maxDocumentBytes: options.maxDocumentBytes, history }, isCancelled),
    options.debounceMs,
  );
  catalog.onDidChange(() => {
    history.clear();
    scheduler.scheduleAll();
  });
  registerEditingFeatures(connection, documents, catalog);
  diagnoseText = fileDiagnostics(catalog, validators, options.maxDocumentBytes);
  return {
    capabilities: {
      ...editingCapabilities(params.capabilities),
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'polytomic-language-server' },
  };
});

// TextDocuments reports an opened document as changed too, right after it reports the open: the open's check runs
// at once (the debounce is for typing), every later change's after the debounce.
const justOpened = new Set<string>();
documents.onDidOpen((event) => justOpened.add(event.document.uri));
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  scheduler.schedule(uri, justOpened.delete(uri) ? 0 : undefined);
});
documents.onDidClose((event) => {
  history.forget(event.document.uri);
  scheduler.clear(event.document.uri);
});

connection.onCodeAction((params, token) =>
  runSafe(logError, 'Quick fixes', token, [], () => {
    const document = documents.get(params.textDocument.uri);
    return document && !beyondFeatureLimits(document) ? quickFixes(document, params.context.diagnostics) : [];
  }),
);

connection.onNotification(Protocol.catalogChanged, (params: CatalogChangedParams | undefined) => {
  try {
    const dirs = params && Array.isArray(params.catalogDirs) ? stringList(params.catalogDirs) : undefined;
    catalog.reload(dirs);
  } catch (error) {
    logError(`Reloading the catalog failed: ${error instanceof Error ? error.message : String(error)}`);
  }
});

connection.onRequest(Protocol.listTypes, (_params: unknown, token) => runSafe(logError, 'Listing the connection types', token, [], () => catalog.listTypes()));

connection.onRequest(Protocol.schemaInfo, (params: { uri?: string } | undefined, token) =>
  runSafe(logError, 'Schema info', token, {} as SchemaInfo, (): SchemaInfo => {
    const document = params?.uri ? documents.get(params.uri) : undefined;
    if (!document || beyondFeatureLimits(document)) return {};
    const value = parseDocument(document.getText()).value;
    const type = isPlainObject(value) && typeof value.type === 'string' ? value.type : undefined;
    if (type === undefined) return {};
    const catalogType = catalog.getType(type);
    if (!catalogType) return { type, problem: `no catalog lists the connection type "${type}"` };
    const schemaLoaded = catalog.getConfigurationSchema(type) !== undefined;
    if (schemaLoaded) return { type, catalogType, schemaLoaded };
    return { type, catalogType, schemaLoaded, problem: catalog.getSchemaLoadError(type) ?? 'the schema could not be read' };
  }),
);

// The workspace plan checks files that are not open: the same diagnostics as an open document would get.
connection.onRequest(Protocol.diagnoseText, (params: DiagnoseTextParams | undefined, token) =>
  runSafe(logError, 'Checking a file', token, [], async () => {
    if (!params || typeof params.uri !== 'string' || typeof params.text !== 'string') return [];
    return diagnoseText(params.uri, params.text);
  }),
);

documents.listen(connection);
connection.listen();
