// Whether the ranges the server sends lie inside the document they are about: a line that exists, a character
// within that line (line breaks are \n, \r\n or \r, as LSP counts them), and a start that does not come after its end.
import type { Position, Range } from 'vscode-languageserver-protocol';

export class LineTable {
  private readonly lengths: number[] = [];

  constructor(text: string) {
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 || ch === 10) {
        this.lengths.push(i - lineStart);
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        lineStart = i + 1;
      }
    }
    this.lengths.push(text.length - lineStart);
  }

  get lineCount(): number {
    return this.lengths.length;
  }

  lineLength(line: number): number {
    return this.lengths[line] ?? 0;
  }

  positionProblem(position: Position | undefined, what: string): string | undefined {
    if (!position || !Number.isInteger(position.line) || !Number.isInteger(position.character)) return `${what} is not a position`;
    if (position.line < 0 || position.line >= this.lengths.length) return `${what} line ${position.line} is outside 0..${this.lengths.length - 1}`;
    const length = this.lengths[position.line];
    if (position.character < 0 || position.character > length) return `${what} character ${position.character} is outside 0..${length} on line ${position.line}`;
    return undefined;
  }

  rangeProblem(range: Range | undefined, what: string): string | undefined {
    if (!range) return `${what} has no range`;
    const problem = this.positionProblem(range.start, `${what} start`) ?? this.positionProblem(range.end, `${what} end`);
    if (problem) return problem;
    const { start, end } = range;
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `${what} starts after it ends`;
    return undefined;
  }
}

type Loose = Record<string, any>;

/** Problems with the ranges of a documentSymbol answer (DocumentSymbol[] or SymbolInformation[]). */
export function symbolProblems(lines: LineTable, answer: unknown): string[] {
  const problems: string[] = [];
  const walk = (symbols: Loose[], depth: number) => {
    for (const symbol of symbols) {
      if (symbol.location) {
        push(problems, lines.rangeProblem(symbol.location.range, `symbol "${symbol.name}"`));
        continue;
      }
      push(problems, lines.rangeProblem(symbol.range, `symbol "${symbol.name}" range`));
      push(problems, lines.rangeProblem(symbol.selectionRange, `symbol "${symbol.name}" selection range`));
      if (Array.isArray(symbol.children) && depth < 10_000) walk(symbol.children, depth + 1);
    }
  };
  if (Array.isArray(answer)) walk(answer as Loose[], 0);
  return problems;
}

export function hoverProblems(lines: LineTable, answer: unknown): string[] {
  const hover = answer as Loose | null;
  return hover?.range ? compact([lines.rangeProblem(hover.range, 'hover')]) : [];
}

/** Problems with completion edits: textEdit (plain or insert/replace) and additionalTextEdits. */
export function completionProblems(lines: LineTable, answer: unknown): string[] {
  const list = answer as Loose | Loose[] | null;
  const items: Loose[] = Array.isArray(list) ? list : (list?.items ?? []);
  const problems: string[] = [];
  for (const item of items) {
    const edit = item.textEdit as Loose | undefined;
    if (edit?.range) push(problems, lines.rangeProblem(edit.range, `completion "${item.label}"`));
    if (edit?.insert) push(problems, lines.rangeProblem(edit.insert, `completion "${item.label}" insert`));
    if (edit?.replace) push(problems, lines.rangeProblem(edit.replace, `completion "${item.label}" replace`));
    for (const extra of (item.additionalTextEdits as Loose[] | undefined) ?? []) push(problems, lines.rangeProblem(extra.range, `completion "${item.label}" extra edit`));
  }
  return problems;
}

export function foldingProblems(lines: LineTable, answer: unknown): string[] {
  const problems: string[] = [];
  for (const fold of (answer as Loose[] | null) ?? []) {
    if (!(fold.startLine >= 0 && fold.startLine <= fold.endLine && fold.endLine < lines.lineCount)) {
      problems.push(`folding range ${fold.startLine}..${fold.endLine} is outside 0..${lines.lineCount - 1}`);
    }
  }
  return problems;
}

/** Problems with text edits: a range outside the document, or no text to put there (an invalid TextEdit). */
export function textEditProblems(lines: LineTable, answer: unknown, what: string): string[] {
  const problems: string[] = [];
  for (const edit of (answer as Loose[] | null) ?? []) {
    push(problems, lines.rangeProblem(edit.range, what));
    if (typeof edit.newText !== 'string') problems.push(`${what} has no newText`);
  }
  return problems;
}

export function diagnosticProblems(lines: LineTable, diagnostics: Loose[]): string[] {
  return diagnostics.map((d) => lines.rangeProblem(d.range, `diagnostic "${String(d.message).slice(0, 60)}"`)).filter((p): p is string => p !== undefined);
}

function push(problems: string[], problem: string | undefined): void {
  if (problem) problems.push(problem);
}

function compact(problems: (string | undefined)[]): string[] {
  return problems.filter((p): p is string => p !== undefined);
}
