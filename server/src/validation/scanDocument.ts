// The fast path for the common case, a well-formed document: one pass of jsonc-parser's scanner (no parse callbacks)
// finds duplicate keys, comments and trailing commas; the comments and trailing commas are blanked out (offsets kept)
// and JSON.parse builds the value. Anything the scanner finds odd sends the document to the tolerant parse instead.
import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import type { DuplicateKey } from './parseDocument';

export interface ScannedDocument {
  value: unknown;
  duplicateKeys: DuplicateKey[];
}

interface Container {
  /** Offsets of the keys seen so far, for objects; undefined for arrays. */
  keys: Map<string, number> | undefined;
  expectKey: boolean;
}

/** The value and duplicate keys of a well-formed document, or undefined when the tolerant parse is needed. */
export function scanWellFormed(text: string): ScannedDocument | undefined {
  const scanner = createScanner(text, false);
  const duplicateKeys: DuplicateKey[] = [];
  const stack: Container[] = [];
  const blanks: number[] = []; // start, end pairs of comments and trailing commas
  let pendingComma = -1;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (scanner.getTokenError() !== ScanError.None) return undefined;
    switch (token) {
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        continue;
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        blanks.push(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
        continue;
    }
    if (pendingComma >= 0) {
      if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) blanks.push(pendingComma, pendingComma + 1);
      pendingComma = -1;
    }
    const top = stack[stack.length - 1];
    switch (token) {
      case SyntaxKind.OpenBraceToken:
        stack.push({ keys: new Map(), expectKey: true });
        break;
      case SyntaxKind.OpenBracketToken:
        stack.push({ keys: undefined, expectKey: false });
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        stack.pop();
        break;
      case SyntaxKind.CommaToken:
        pendingComma = scanner.getTokenOffset();
        if (top?.keys) top.expectKey = true;
        break;
      case SyntaxKind.StringLiteral:
        if (top?.keys && top.expectKey) {
          const key = scanner.getTokenValue();
          const offset = scanner.getTokenOffset();
          const firstOffset = top.keys.get(key);
          if (firstOffset === undefined) top.keys.set(key, offset);
          else duplicateKeys.push({ key, offset, length: scanner.getTokenLength(), firstOffset });
          top.expectKey = false;
        }
        break;
      case SyntaxKind.Unknown:
        return undefined;
    }
  }
  try {
    return { value: JSON.parse(blanks.length > 0 ? blankOut(text, blanks) : text), duplicateKeys };
  } catch {
    return undefined; // a structural error: the tolerant parse reports it where it is
  }
}

/** Replaces the given ranges by spaces, keeping line breaks inside block comments so that nothing moves. */
function blankOut(text: string, blanks: number[]): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < blanks.length; i += 2) {
    out += text.slice(from, blanks[i]) + text.slice(blanks[i], blanks[i + 1]).replace(/[^\r\n]/g, ' ');
    from = blanks[i + 1];
  }
  return out + text.slice(from);
}
