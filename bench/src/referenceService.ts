// The comparison: vscode-json-languageservice, the engine of VS Code's own JSON editing, given the same schemas.
// Each type gets one schema: our envelope with `configuration` replaced by the type's schema, both after the server's
// dialect normalisation (the raw dialect's `{value, label}` enum entries would make every valid enum value an error
// for a standard validator, so the raw schemas would not be a fair comparison). Per change it must parse the
// document (parseJSONDocument) and validate it (doValidation); both are timed together.
import { ClientCapabilities, getLanguageService, type JSONSchema, type LanguageService, type Diagnostic, type CompletionList, type JSONDocument, type Position } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FolderCatalog } from '../../server/src/catalog/folderCatalog';

const DOCUMENT_SETTINGS = { comments: 'ignore', trailingCommas: 'ignore' } as const;

export function referenceUri(type: string, name = 'bench'): string {
  return `file:///bench/${name}.${type}.polytomic.json`;
}

/** The envelope with `configuration` set to the type's schema; `$id`/`$schema` dropped as the server drops them. */
export function combinedSchema(catalog: FolderCatalog, type: string): JSONSchema {
  const { $id: _envelopeId, $schema: _envelopeDialect, ...envelope } = catalog.getEnvelopeSchema();
  const configuration = catalog.getConfigurationSchema(type);
  if (!configuration) throw new Error(`no schema for connection type ${type}`);
  const { $id: _id, $schema: _dialect, ...body } = configuration;
  const properties = { ...(envelope.properties ?? {}), configuration: body };
  return { ...envelope, properties } as JSONSchema;
}

export class ReferenceService {
  readonly service: LanguageService;

  constructor(catalog: FolderCatalog, types: string[]) {
    this.service = getLanguageService({
      schemaRequestService: (uri) => Promise.reject(new Error(`the benchmark gives every schema inline; ${uri} was requested`)),
      // What VS Code tells its JSON server (snippets included), as our completion is run with snippets on.
      clientCapabilities: ClientCapabilities.LATEST,
    });
    this.service.configure({
      validate: true,
      allowComments: true,
      schemas: types.map((type) => ({ uri: `bench://schemas/${type}.json`, fileMatch: [`bench.${type}.polytomic.json`], schema: combinedSchema(catalog, type) })),
    });
  }

  /** What it does per change: a new TextDocument, parse, validate. */
  async validate(type: string, text: string): Promise<Diagnostic[]> {
    const document = TextDocument.create(referenceUri(type), 'json', 1, text);
    const parsed = this.service.parseJSONDocument(document);
    return this.service.doValidation(document, parsed, DOCUMENT_SETTINGS);
  }

  parse(document: TextDocument): JSONDocument {
    return this.service.parseJSONDocument(document);
  }

  async complete(document: TextDocument, position: Position, parsed: JSONDocument): Promise<CompletionList> {
    return (await this.service.doComplete(document, position, parsed)) ?? { isIncomplete: false, items: [] };
  }
}
