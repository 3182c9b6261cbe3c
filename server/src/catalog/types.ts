// The contract between the catalog (loading and normalising schemas) and the features that read it.
// A catalog folder has the API's layout: index.json (the type list) and <id>.json (one bare JSON Schema per type).

/** A JSON Schema object after dialect normalisation (see dialect.ts). */
export interface JsonSchema {
  [keyword: string]: unknown;
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  /** Always plain values after normalisation; labels of `{value, label}` entries move to `x-enum-labels`. */
  enum?: unknown[];
  /** Labels parallel to `enum` (undefined where the source had plain values). */
  'x-enum-labels'?: (string | undefined)[];
  default?: unknown;
  examples?: unknown[];
  /** Either spelling of the source (`readonly`/`readOnly`) becomes `readOnly`. */
  readOnly?: boolean;
  sensitive?: boolean;
  password?: boolean;
  hidden?: boolean;
  api_field?: boolean;
  format?: string;
}

export interface CatalogType {
  id: string;
  name: string;
  useOauth: boolean;
  /** Absolute path of the catalog folder this type's schema comes from. */
  catalogDir: string;
  /** True when catalogDir is the project's bundled catalog. */
  bundled: boolean;
}

export interface Catalog {
  /** Every known type, first catalog folder wins per id, sorted by id. */
  listTypes(): CatalogType[];
  getType(id: string): CatalogType | undefined;
  /** The type's configuration schema, normalised; undefined when unknown or unreadable. Loaded lazily and cached. */
  getConfigurationSchema(id: string): JsonSchema | undefined;
  /** The envelope schema (schemas/connection.schema.json), normalised. */
  getEnvelopeSchema(): JsonSchema;
  /** Called after a reload (new catalogDirs or the client's notification). */
  onDidChange(listener: () => void): void;
}

/** Custom LSP messages between the extension and the server. */
export const Protocol = {
  /** Client -> server notification: the catalog folders changed or were rewritten; params: CatalogChangedParams. */
  catalogChanged: 'polytomic/catalogChanged',
  /** Client -> server request: which schema applies to a document; params: {uri}; result: SchemaInfo. */
  schemaInfo: 'polytomic/schemaInfo',
  /** Client -> server request: every known type; params: {}; result: CatalogType[]. */
  listTypes: 'polytomic/listTypes',
  /** Client -> server request: the text of a new connection file with every required field; params: {type, name?}; result: {text}. */
  skeleton: 'polytomic/skeleton',
  /** Client -> server request: the diagnostics of a text that need not be open; params: DiagnoseTextParams; result: Diagnostic[]. */
  diagnoseText: 'polytomic/diagnoseText',
} as const;

export interface DiagnoseTextParams {
  uri: string;
  text: string;
}

export interface CatalogChangedParams {
  /** When given, replaces initializationOptions.catalogDirs. */
  catalogDirs?: string[];
}

export interface SchemaInfo {
  /** The document's `type`, if it has one. */
  type?: string;
  /** Set when the type is known. */
  catalogType?: CatalogType;
  /** Set when the type is known: whether its configuration schema could be loaded. */
  schemaLoaded?: boolean;
  /** Why the schema does not apply (unknown type, unreadable file...), for a status item; absent when it applies. */
  problem?: string;
}
