// The editing features (symbols, folding, hover, completion, formatting, quick fixes) answer empty for a document
// nested deeper than MAX_NESTING levels: jsonc-parser's parser, formatter and the tree walks recurse once per level
// and overflow the stack a few thousand levels down. The linear check runs once per document version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { nestsTooDeep } from '../util/nesting';

const checked = new WeakMap<TextDocument, { version: number; tooDeep: boolean }>();

export function tooDeepForFeatures(document: TextDocument): boolean {
  const known = checked.get(document);
  if (known && known.version === document.version) return known.tooDeep;
  const tooDeep = nestsTooDeep(document.getText());
  checked.set(document, { version: document.version, tooDeep });
  return tooDeep;
}
