// Marker fixtures: a text where «…» marks the ranges a test expects; the markers are removed from the text.
import type { Range } from 'vscode-languageserver-protocol';

export function withMarkers(marked: string): { text: string; ranges: Range[] } {
  const ranges: Range[] = [];
  let text = '';
  let line = 0;
  let character = 0;
  let open: { line: number; character: number } | undefined;
  for (const ch of marked) {
    if (ch === '«') {
      open = { line, character };
    } else if (ch === '»') {
      if (!open) throw new Error('» without «');
      ranges.push({ start: open, end: { line, character } });
      open = undefined;
    } else {
      text += ch;
      if (ch === '\n') {
        line++;
        character = 0;
      } else {
        character += ch.length === 2 ? 2 : 1; // UTF-16 code units, as LSP positions count
      }
    }
  }
  return { text, ranges };
}
