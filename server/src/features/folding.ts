// textDocument/foldingRange: objects and arrays spanning lines, multi-line block comments, and `// #region` ...
// `// #endregion` pairs. One scanner pass, no parse tree needed.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const REGION_START = /^\/\/\s*#region\b/;
const REGION_END = /^\/\/\s*#endregion\b/;

export function foldingRanges(document: TextDocument): FoldingRange[] {
  const text = document.getText();
  const scanner = createScanner(text, false);
  const ranges: FoldingRange[] = [];
  const brackets: number[] = []; // start lines of open objects and arrays
  const regions: number[] = [];
  const lineOf = (offset: number) => document.positionAt(offset).line;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    switch (token) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        brackets.push(lineOf(scanner.getTokenOffset()));
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        const startLine = brackets.pop();
        const endLine = lineOf(scanner.getTokenOffset());
        // The closing bracket's line stays visible, as in the editor's own JSON folding.
        if (startLine !== undefined && endLine - 1 > startLine) ranges.push({ startLine, endLine: endLine - 1 });
        break;
      }
      case SyntaxKind.BlockCommentTrivia: {
        const startLine = lineOf(scanner.getTokenOffset());
        const endLine = lineOf(scanner.getTokenOffset() + scanner.getTokenLength());
        if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Comment });
        break;
      }
      case SyntaxKind.LineCommentTrivia: {
        const comment = text.substr(scanner.getTokenOffset(), scanner.getTokenLength());
        const line = lineOf(scanner.getTokenOffset());
        if (REGION_START.test(comment)) regions.push(line);
        else if (REGION_END.test(comment)) {
          const startLine = regions.pop();
          if (startLine !== undefined && line > startLine) ranges.push({ startLine, endLine: line, kind: FoldingRangeKind.Region });
        }
        break;
      }
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
