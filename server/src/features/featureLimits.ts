// The editing features (symbols, folding, hover, completion, formatting, quick fixes) answer empty for a document
// beyond their limits, so that the editor never waits on them:
// - nested deeper than MAX_NESTING levels: jsonc-parser's parser, formatter and the tree walks recurse once per level
//   and overflow the stack a few thousand levels down;
// - larger than the size limit that also stops diagnostics (a 10 MB string takes seconds to outline and fold).
// The checks run once per document version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { nestsTooDeep } from '../util/nesting';
import { DEFAULT_MAX_DOCUMENT_BYTES } from '../diagnostics/documentDiagnostics';

const checked = new WeakMap<TextDocument, { version: number; beyond: boolean }>();

export function beyondFeatureLimits(document: TextDocument): boolean {
  const known = checked.get(document);
  if (known && known.version === document.version) return known.beyond;
  const text = document.getText();
  // A UTF-16 code unit takes at most 3 bytes in UTF-8: most documents are plainly within the limit without counting.
  const tooLarge = text.length * 3 > DEFAULT_MAX_DOCUMENT_BYTES && Buffer.byteLength(text, 'utf8') > DEFAULT_MAX_DOCUMENT_BYTES;
  const beyond = tooLarge || nestsTooDeep(text);
  checked.set(document, { version: document.version, beyond });
  return beyond;
}
