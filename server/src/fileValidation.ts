// Checks a connection file's text outside an editor session: the same computeDiagnostics the server publishes for an
// open document, without the open-document history. Used by the server's `polytomic/diagnoseText` request (the
// extension's workspace plan checks files that are not open) and by the command-line tool, so a file gets the same
// verdict in the editor, in CI and in the Problems panel.
import type { Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FolderCatalog, type Log } from './catalog/folderCatalog';
import { findSchemasFolder } from './catalog/bundledLocation';
import { computeDiagnostics, DEFAULT_MAX_DOCUMENT_BYTES } from './diagnostics/documentDiagnostics';
import { ValidatorCache } from './validation/validators';

export type FileDiagnostics = (uri: string, text: string) => Promise<Diagnostic[]>;

/** The check of one text against a catalog (and the validators compiled for it, shared across files). */
export function fileDiagnostics(catalog: FolderCatalog, validators: ValidatorCache, maxDocumentBytes = DEFAULT_MAX_DOCUMENT_BYTES): FileDiagnostics {
  return async (uri, text) => {
    const document = TextDocument.create(uri, 'polytomic', 1, text);
    return (await computeDiagnostics(document, { catalog, validators }, { maxDocumentBytes }, () => false)) ?? [];
  };
}

export interface StandaloneValidatorOptions {
  /** Catalog folders in the API's layout, earliest wins per type; the bundled catalog comes after them. */
  catalogDirs?: string[];
  /** The folder holding connection.schema.json and catalog/ (default: found from this file's location). */
  schemasFolder?: string;
  log?: Log;
}

/** A checker with its own catalog, for callers that are not the language server (the command-line tool). */
export function standaloneFileDiagnostics(options: StandaloneValidatorOptions = {}): { check: FileDiagnostics; catalog: FolderCatalog } {
  const catalog = new FolderCatalog({
    catalogDirs: options.catalogDirs ?? [],
    schemasFolder: options.schemasFolder ?? findSchemasFolder(),
    log: options.log ?? (() => undefined),
  });
  return { check: fileDiagnostics(catalog, new ValidatorCache()), catalog };
}
