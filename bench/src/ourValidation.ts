// Our validation path, as the server runs it on every change: the server's computeDiagnostics over a fresh
// TextDocument (a new version has no cached line offsets), with the catalog and compiled validators kept warm.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import { FolderCatalog } from '../../server/src/catalog/folderCatalog';
import { findSchemasFolder } from '../../server/src/catalog/bundledLocation';
import { ValidatorCache } from '../../server/src/validation/validators';
import { computeDiagnostics, DEFAULT_MAX_DOCUMENT_BYTES } from '../../server/src/diagnostics/documentDiagnostics';

export function createCatalog(catalogDirs: string[]): FolderCatalog {
  return new FolderCatalog({
    catalogDirs,
    schemasFolder: findSchemasFolder(),
    log: (message) => {
      throw new Error(`the benchmark catalog reported a problem: ${message}`);
    },
  });
}

export class OurValidator {
  readonly validators = new ValidatorCache();

  constructor(readonly catalog: FolderCatalog) {}

  async validate(uri: string, text: string): Promise<Diagnostic[]> {
    const document = TextDocument.create(uri, 'polytomic', 1, text);
    const diagnostics = await computeDiagnostics(document, { catalog: this.catalog, validators: this.validators }, { maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES }, () => false);
    if (!diagnostics) throw new Error('computeDiagnostics was cancelled without a cancellation');
    return diagnostics;
  }
}
