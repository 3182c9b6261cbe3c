// The custom LSP messages between this extension and the language server. These names and shapes mirror
// server/src/catalog/types.ts (`Protocol`); test/client checks that the two stay the same. They are repeated here
// because the client bundle must not pull in the server's sources.

export const Protocol = {
  catalogChanged: 'polytomic/catalogChanged',
  schemaInfo: 'polytomic/schemaInfo',
  listTypes: 'polytomic/listTypes',
  skeleton: 'polytomic/skeleton',
  diagnoseText: 'polytomic/diagnoseText',
} as const;

export interface DiagnoseTextParams {
  uri: string;
  text: string;
}

/** The part of an LSP Diagnostic that diagnoseText's callers read (0-based positions; severity 1 = error). */
export interface TextDiagnostic {
  range: { start: { line: number; character: number } };
  severity?: number;
  message: string | { value: string };
}

export interface CatalogChangedParams {
  catalogDirs?: string[];
}

export interface CatalogTypeInfo {
  id: string;
  name: string;
  useOauth: boolean;
  catalogDir: string;
  bundled: boolean;
}

export interface SchemaInfo {
  type?: string;
  catalogType?: CatalogTypeInfo;
}

export interface SkeletonResult {
  text: string;
}
