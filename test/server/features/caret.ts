// Caret-marked fixtures: `$0` (or, when absent, the single `|`) in the text marks the cursor offset.
import { TextDocument } from 'vscode-languageserver-textdocument';

export function caret(marked: string): { text: string; offset: number } {
  const marker = marked.includes('$0') ? '$0' : '|';
  const offset = marked.indexOf(marker);
  if (offset < 0 || marked.indexOf(marker, offset + marker.length) >= 0) throw new Error(`the fixture needs exactly one ${marker} marker: ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + marker.length), offset };
}

let version = 0;

/** A fresh document (a new version each time, so cached parses never leak between tests). */
export function documentOf(text: string, uri = 'file:///work/test.polytomic.json'): TextDocument {
  return TextDocument.create(uri, 'polytomic', ++version, text);
}

/** Applies one text edit (offsets) to a text, for checking what an insertion yields. */
export function applyEdit(document: TextDocument, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }): string {
  const text = document.getText();
  return text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
}
