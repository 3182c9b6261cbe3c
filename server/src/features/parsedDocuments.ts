// One tolerant parse per document version: completion, hover, symbols and skeleton offers share it, so a request never
// re-parses a large document, repeated requests on an unchanged document parse nothing at all, and an edit to a large
// document re-parses only the object or array around it.
import { parseTree, type Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { reparseIncrementally } from './incrementalParse';

export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  /** Undefined only for a document without any value (empty or only comments). */
  readonly root: Node | undefined;
}

/** A few recently used documents; the editor has only a handful open and edited at once. */
const CAPACITY = 8;
/** From this size on, an edit re-parses only the part around it; below, a full parse costs less than the bookkeeping. */
const INCREMENTAL_FROM_LENGTH = 64 * 1024;
const cache = new Map<string, ParsedDocument>();

export function parsedDocument(document: TextDocument): ParsedDocument {
  const cached = cache.get(document.uri);
  if (cached && cached.version === document.version) {
    cache.delete(document.uri); // re-insert to mark as most recently used
    cache.set(document.uri, cached);
    return cached;
  }
  const text = document.getText();
  const root = cached && text.length >= INCREMENTAL_FROM_LENGTH ? reparseIncrementally(cached.text, cached.root, text) : undefined;
  const parsed = root ? { uri: document.uri, version: document.version, text, root } : parseText(document.uri, document.version, text);
  cache.delete(document.uri);
  cache.set(document.uri, parsed);
  while (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
  return parsed;
}

function parseText(uri: string, version: number, text: string): ParsedDocument {
  const root = parseTree(text, undefined, { allowTrailingComma: true, disallowComments: false });
  return { uri, version, text, root };
}

/** Drops a closed document's parse. */
export function forgetDocument(uri: string): void {
  cache.delete(uri);
}
