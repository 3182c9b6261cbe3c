// Registers the editing features (completion, hover, symbols, formatting, folding, skeleton) on the connection.
// Their capabilities come from `editingCapabilities` (capabilities.ts), which the initialize result must include.
// A document nested too deep for them (featureLimits.ts) gets their empty answers.
import { ResponseError, ErrorCodes, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Protocol, type Catalog } from '../catalog/types';
import { completionSettings } from './capabilities';
import { completion } from './completion';
import { foldingRanges } from './folding';
import { formatDocument } from './formatting';
import { hover } from './hover';
import { beyondFeatureLimits } from './featureLimits';
import { forgetDocument } from './parsedDocuments';
import { buildSkeleton, UnknownTypeError } from './skeleton';
import { SkeletonCache } from './skeletonCache';
import { documentSymbols } from './symbols';
import { runSafe } from '../util/runner';

export function registerEditingFeatures(connection: Connection, documents: TextDocuments<TextDocument>, catalog: Catalog): void {
  const skeletons = new SkeletonCache(catalog);
  const log = (message: string) => connection.console.error(message);
  documents.onDidClose((event) => forgetDocument(event.document.uri));

  connection.onCompletion((params, token) =>
    runSafe(log, 'Completion', token, { isIncomplete: false, items: [] }, () => {
      const document = documents.get(params.textDocument.uri);
      return document && !beyondFeatureLimits(document) ? completion(document, document.offsetAt(params.position), catalog, skeletons, completionSettings()) : { isIncomplete: false, items: [] };
    }),
  );
  connection.onHover((params, token) =>
    runSafe(log, 'Hover', token, null, () => {
      const document = documents.get(params.textDocument.uri);
      return document && !beyondFeatureLimits(document) ? hover(document, document.offsetAt(params.position), catalog) : null;
    }),
  );
  connection.onDocumentSymbol((params, token) =>
    runSafe(log, 'Document symbols', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return document && !beyondFeatureLimits(document) ? documentSymbols(document, catalog) : [];
    }),
  );
  connection.onDocumentFormatting((params, token) =>
    runSafe(log, 'Formatting', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return document && !beyondFeatureLimits(document) ? formatDocument(document, params.options) : [];
    }),
  );
  connection.onDocumentRangeFormatting((params, token) =>
    runSafe(log, 'Range formatting', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return document && !beyondFeatureLimits(document) ? formatDocument(document, params.options, params.range) : [];
    }),
  );
  connection.onFoldingRanges((params, token) =>
    runSafe(log, 'Folding ranges', token, [], () => {
      const document = documents.get(params.textDocument.uri);
      return document && !beyondFeatureLimits(document) ? foldingRanges(document) : [];
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
