// "New <Type> connection" items offered in an empty document or an empty top-level object: each inserts the whole
// skeleton file for one type.
import { CompletionItemKind, InsertTextFormat, MarkupKind, TextEdit, type CompletionItem } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../catalog/types';
import type { TokenRange } from './cursorContext';
import type { SkeletonCache } from './skeletonCache';

export function skeletonCompletions(skeletons: SkeletonCache, catalog: Catalog, document: TextDocument, range: TokenRange): CompletionItem[] {
  const lspRange = { start: document.positionAt(range.start), end: document.positionAt(range.end) };
  const replaced = document.getText(lspRange);
  return catalog.listTypes().map((type) => {
    const text = skeletons.text(type.id);
    const label = `New ${type.name} connection`;
    return {
      label,
      kind: CompletionItemKind.Snippet,
      detail: type.id,
      documentation: { kind: MarkupKind.Markdown, value: '```jsonc\n' + text + '```' },
      sortText: `${type.bundled ? 0 : 1}${type.name.toLowerCase()}`,
      // What the client filters by is the replaced text up to the cursor, e.g. `{` in an empty object.
      filterText: replaced.trim().startsWith('{') ? `{ ${label}` : label,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: TextEdit.replace(lspRange, text),
    };
  });
}
