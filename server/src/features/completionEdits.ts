// Turns insert text into a completion item's text edit over the range being replaced.
import { InsertTextFormat, TextEdit, type CompletionItem } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TokenRange } from './cursorContext';

export interface CompletionSettings {
  /** The client accepts snippet syntax in insert texts. */
  snippetSupport: boolean;
}

export function withEdit(
  item: CompletionItem,
  document: TextDocument,
  range: TokenRange,
  insert: { snippet: string; plain: string },
  settings: CompletionSettings,
): CompletionItem {
  const lspRange = { start: document.positionAt(range.start), end: document.positionAt(range.end) };
  item.textEdit = TextEdit.replace(lspRange, settings.snippetSupport ? insert.snippet : insert.plain);
  item.insertTextFormat = settings.snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText;
  return item;
}

/** What the client filters the item by: the typed text includes the opening quote when the range does. */
export function filterTextFor(document: TextDocument, range: TokenRange, word: string): string {
  const quoted = document.getText().charAt(range.start) === '"';
  return quoted ? JSON.stringify(word) : word;
}
