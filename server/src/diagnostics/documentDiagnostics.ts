// A document's diagnostics: size guard, one parsing pass (syntax errors, duplicate keys), the value check, and ranges
// for the problems found. Yields to the event loop between the phases of a large document so that an edit can cancel it.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from '../validation/parseDocument';
import { checkValue, type CheckerDependencies } from '../validation/checkDocument';
import { locateAll, type Span } from '../validation/locate';
import type { Problem, Severity } from '../validation/problem';
import { Code, DIAGNOSTIC_SOURCE } from './codes';

export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Above this size the phases of a check are separated by a turn of the event loop. */
const YIELD_ABOVE_CHARS = 200 * 1024;

export interface DiagnosticsOptions {
  maxDocumentBytes: number;
}

/** Returns undefined when cancelled. */
export async function computeDiagnostics(
  document: TextDocument,
  dependencies: CheckerDependencies,
  options: DiagnosticsOptions,
  isCancelled: () => boolean,
): Promise<Diagnostic[] | undefined> {
  const text = document.getText();
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > options.maxDocumentBytes) return [tooLarge(bytes, options.maxDocumentBytes)];
  const pause = text.length > YIELD_ABOVE_CHARS ? () => new Promise<void>((done) => setImmediate(done)) : undefined;

  const parsed = parseDocument(text);
  if (pause) await pause();
  if (isCancelled()) return undefined;
  const problems = checkValue(parsed.value, dependencies);
  if (pause) await pause();
  if (isCancelled()) return undefined;

  const diagnostics: Diagnostic[] = parsed.syntaxErrors.map((e) =>
    make(document, e.offset, e.length, DiagnosticSeverity.Error, Code.syntax, e.message),
  );
  for (const duplicate of parsed.duplicateKeys) {
    const firstLine = document.positionAt(duplicate.firstOffset).line + 1;
    const message = `duplicate key \`${duplicate.key}\`: it is already set on line ${firstLine}; only the last one counts`;
    diagnostics.push(make(document, duplicate.offset, duplicate.length, DiagnosticSeverity.Warning, Code.duplicateKey, message));
  }
  if (problems.length > 0) {
    const spans = locateAll(text, problems, parsed.containers);
    problems.forEach((problem, i) => diagnostics.push(fromProblem(document, spans[i], problem)));
  }
  return diagnostics;
}

function fromProblem(document: TextDocument, { offset, length }: Span, problem: Problem): Diagnostic {
  const diagnostic = make(document, offset, length, SEVERITIES[problem.severity], problem.code, problem.message);
  if (problem.data !== undefined) diagnostic.data = problem.data;
  return diagnostic;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

function make(document: TextDocument, offset: number, length: number, severity: DiagnosticSeverity, code: Code, message: string): Diagnostic {
  return {
    range: { start: document.positionAt(offset), end: document.positionAt(offset + length) },
    severity,
    code,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
}

function tooLarge(bytes: number, limit: number): Diagnostic {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: Code.tooLarge,
    source: DIAGNOSTIC_SOURCE,
    message: `this file is ${mb(bytes)}, over the ${mb(limit)} limit, so it is not checked: checking it would slow the editor down (a connection file is normally a few kilobytes)`,
  };
}
