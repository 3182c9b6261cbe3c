// One tolerant parse per document version: completion, hover, symbols and skeleton offers share it, so a request never
// re-parses a large document, and repeated requests on an unchanged document parse nothing at all.
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** Undefined only for a document without any value (empty or only comments). */
  readonly root: Node | undefined;
  readonly errors: readonly ParseError[];
}

/** A few recently used documents; the editor has only a handful open and edited at once. */
const CAPACITY = 8;
const cache = new Map<string, ParsedDocument>();

export function parsedDocument(document: TextDocument): ParsedDocument {
  const cached = cache.get(document.uri);
  if (cached && cached.version === document.version) {
    cache.delete(document.uri); // re-insert to mark as most recently used
    cache.set(document.uri, cached);
    return cached;
  }
  const parsed = parseText(document.uri, document.version, document.getText());
  cache.delete(document.uri);
  cache.set(document.uri, parsed);
  while (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
  return parsed;
}

export function parseText(uri: string, version: number, text: string): ParsedDocument {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return { uri, version, text, root, errors };
}

/** Drops a closed document's parse. */
export function forgetDocument(uri: string): void {
  cache.delete(uri);
}
