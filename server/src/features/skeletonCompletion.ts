// "New <Type> connection" items offered in an empty document or an empty top-level object: each inserts the whole
// skeleton file for one type. Skeleton texts are cached until the catalog changes.
import { CompletionItemKind, InsertTextFormat, MarkupKind, TextEdit, type CompletionItem } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../catalog/types';
import type { TokenRange } from './cursorContext';
import { buildSkeleton } from './skeleton';

export class SkeletonCache {
  private readonly texts = new Map<string, string>();

  constructor(private readonly catalog: Catalog) {
    catalog.onDidChange(() => this.texts.clear());
  }

  text(typeId: string): string {
    let text = this.texts.get(typeId);
    if (text === undefined) {
      text = buildSkeleton(this.catalog, typeId);
      this.texts.set(typeId, text);
    }
    return text;
  }
}

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
