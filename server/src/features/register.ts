// Registers the editing features (completion, hover, symbols, formatting, folding, skeleton) on the connection.
// Their capabilities come from `editingCapabilities` (capabilities.ts), which the initialize result must include.
import { ResponseError, ErrorCodes, LSPErrorCodes, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Protocol, type Catalog } from '../catalog/types';
import { completionSettings } from './capabilities';
import { completion } from './completion';
import { foldingRanges } from './folding';
import { formatDocument } from './formatting';
import { hover } from './hover';
import { forgetDocument } from './parsedDocuments';
import { buildSkeleton, UnknownTypeError } from './skeleton';
import { SkeletonCache } from './skeletonCompletion';
import { documentSymbols } from './symbols';

export function registerEditingFeatures(connection: Connection, documents: TextDocuments<TextDocument>, catalog: Catalog): void {
  const skeletons = new SkeletonCache(catalog);
  const log = (message: string) => connection.console.error(message);
  documents.onDidClose((event) => forgetDocument(event.document.uri));

  connection.onCompletion((params, token) =>
    guarded(log, 'Completion', token, { isIncomplete: false, items: [] }, () => {
      const document = documents.get(params.textDocument.uri);
      return document ? completion(document, document.offsetAt(params.position), catalog, skeletons, completionSettings()) : { isIncomplete: false, items: [] };
    }),
  );
  connection.onHover((params, token) =>
    guarded(log, 'Hover', token, null, () => {
      const document = documents.get(params.textDocument.uri);
      return document ? hover(document, document.offsetAt(params.position), catalog) : null;
    }),
  );
  connection.onDocumentSymbol((params, token) =>
    guarded(log, 'Document symbols', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return document ? documentSymbols(document, catalog) : [];
    }),
  );
  connection.onDocumentFormatting((params, token) =>
    guarded(log, 'Formatting', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return document ? formatDocument(document, params.options) : [];
    }),
  );
  connection.onDocumentRangeFormatting((params, token) =>
    guarded(log, 'Range formatting', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return document ? formatDocument(document, params.options, params.range) : [];
    }),
  );
  connection.onFoldingRanges((params, token) =>
    guarded(log, 'Folding ranges', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return document ? foldingRanges(document) : [];
    }),
  );
  connection.onRequest(Protocol.skeleton, (params: { type?: unknown; name?: unknown } | undefined) => {
    const type = params?.type;
    if (typeof type !== 'string' || type === '') {
      return new ResponseError(ErrorCodes.InvalidParams, 'polytomic/skeleton needs a connection type id in "type".');
    }
    const name = typeof params?.name === 'string' && params.name.trim() !== '' ? params.name : undefined;
    try {
      return { text: name === undefined ? skeletons.text(type) : buildSkeleton(catalog, type, { name }) };
    } catch (error) {
      if (error instanceof UnknownTypeError) return new ResponseError(ErrorCodes.InvalidParams, error.message);
      log(`Skeleton for "${type}" failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `Could not build a skeleton for "${type}"; see the server log.`);
    }
  });
}

/** A cancelled request answers RequestCancelled; an exception is logged and the request gets an empty answer. */
function guarded<T>(log: (message: string) => void, name: string, token: CancellationToken, fallback: T, work: () => T): T | ResponseError<void> {
  if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} was cancelled`);
  try {
    return work();
  } catch (error) {
    log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}
