// Line and character of many offsets in one walk over the text, as TextDocument.positionAt gives them, without the
// table of every line's offset that TextDocument builds for a new version (a full pass over a large document when its
// diagnostics sit in the first lines, and a large array either way).
import type { Position } from 'vscode-languageserver-textdocument';

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** The positions of `offsets`, in their order; line breaks are \n, \r\n and a lone \r, as for TextDocument. */
export function positionsAt(text: string, offsets: readonly number[]): Position[] {
  const clamped = offsets.map((offset) => Math.max(Math.min(offset, text.length), 0));
  const order = clamped.map((_, i) => i).sort((a, b) => clamped[a] - clamped[b]);
  const positions: Position[] = new Array(offsets.length);
  let lineFeed = text.indexOf('\n');
  let carriageReturn = text.indexOf('\r');
  let line = 0;
  let lineStart = 0;
  for (const i of order) {
    const offset = clamped[i];
    // Move to the line holding `offset`: past every break that ends before it.
    if (carriageReturn === -1) {
      // Only \n breaks (the common case): a tighter loop.
      while (lineFeed !== -1 && lineFeed < offset) {
        line++;
        lineStart = lineFeed + 1;
        lineFeed = text.indexOf('\n', lineStart);
      }
    } else for (;;) {
      if (lineFeed !== -1 && lineFeed < lineStart) lineFeed = text.indexOf('\n', lineStart);
      if (carriageReturn !== -1 && carriageReturn < lineStart) carriageReturn = text.indexOf('\r', lineStart);
      const lineBreak = lineFeed === -1 ? carriageReturn : carriageReturn === -1 ? lineFeed : Math.min(lineFeed, carriageReturn);
      if (lineBreak === -1 || lineBreak >= offset) break;
      const crlf = text.charCodeAt(lineBreak) === CARRIAGE_RETURN && text.charCodeAt(lineBreak + 1) === LINE_FEED;
      const nextStart = lineBreak + (crlf ? 2 : 1);
      if (nextStart > offset) break; // between the \r and the \n of one break
      line++;
      lineStart = nextStart;
    }
    // An offset inside a line break counts as the end of its line.
    let at = offset;
    while (at > lineStart && isLineBreak(text.charCodeAt(at - 1))) at--;
    positions[i] = { line, character: at - lineStart };
  }
  return positions;
}

function isLineBreak(c: number): boolean {
  return c === LINE_FEED || c === CARRIAGE_RETURN;
}
