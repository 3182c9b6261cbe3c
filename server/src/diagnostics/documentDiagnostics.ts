// A document's diagnostics: size guard, one parsing pass (syntax errors, duplicate keys), the value check, and ranges
// for the problems found. Yields to the event loop between the phases of a large document so that an edit can cancel it.
import { Diagnostic, DiagnosticSeverity, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { indexContainers, parseDocument, type ParsedDocument } from '../validation/parseDocument';
import { checkValueInParts, type CheckedValue, type CheckerDependencies } from '../validation/checkDocument';
import { applyStringValueEdit } from '../validation/stringValueEdit';
import type { CheckHistory } from './checkHistory';
import { locateAll } from '../validation/locate';
import type { Problem, Severity } from '../validation/problem';
import { Code, DIAGNOSTIC_SOURCE } from './codes';
import { positionsAt } from './positions';
import { MAX_NESTING, nestsTooDeep } from '../util/nesting';

export const DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Above this size the phases of a check are separated by a turn of the event loop. */
const YIELD_ABOVE_CHARS = 200 * 1024;

export interface DiagnosticsOptions {
  maxDocumentBytes: number;
  /** The previous checks of open documents, for checking a version from the last one (omitted: always from scratch). */
  history?: CheckHistory;
}

/** Returns undefined when cancelled. */
export async function computeDiagnostics(
  document: TextDocument,
  dependencies: CheckerDependencies,
  options: DiagnosticsOptions,
  isCancelled: () => boolean,
): Promise<Diagnostic[] | undefined> {
  const text = document.getText();
  // A UTF-16 code unit takes at most 3 bytes in UTF-8: most documents are plainly within the limit without counting.
  if (text.length * 3 > options.maxDocumentBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > options.maxDocumentBytes) return [tooLarge(bytes, options.maxDocumentBytes)];
  }
  const checked = await parseAndCheck(document.uri, text, dependencies, options.history, isCancelled);
  if (!checked) return undefined;
  const { parsed } = checked;
  const problems = [...checked.result.problems, ...checked.result.configurationRules];

  // Every offset a diagnostic needs, turned into positions in one walk (positions.ts).
  const containers = parsed.containers ?? (parsed.plainJson && problems.length > 0 ? indexContainers(text) : undefined);
  const spans = problems.length > 0 ? locateAll(text, problems, containers) : [];
  const offsets: number[] = [];
  for (const e of parsed.syntaxErrors) offsets.push(e.offset, e.offset + e.length);
  for (const d of parsed.duplicateKeys) offsets.push(d.offset, d.offset + d.length, d.firstOffset);
  for (const span of spans) offsets.push(span.offset, span.offset + span.length);
  const positions = positionsAt(text, offsets);
  let next = 0;
  const range = (): Range => ({ start: positions[next++], end: positions[next++] });

  const diagnostics: Diagnostic[] = parsed.syntaxErrors.map((e) => make(range(), DiagnosticSeverity.Error, Code.syntax, e.message));
  for (const duplicate of parsed.duplicateKeys) {
    const keyRange = range();
    const firstLine = positions[next++].line + 1;
    const message = `duplicate key \`${duplicate.key}\`: it is already set on line ${firstLine}; only the last one counts`;
    diagnostics.push(make(keyRange, DiagnosticSeverity.Warning, Code.duplicateKey, message));
  }
  for (const problem of problems) {
    const diagnostic = make(range(), SEVERITIES[problem.severity], problem.code, problem.message);
    if (problem.data !== undefined) diagnostic.data = problem.data;
    diagnostics.push(diagnostic);
  }
  // The editing features stop past this depth (features/featureLimits.ts); say why. The fast path's scan measured the
  // depth already; only a document that took the tolerant path is scanned again.
  const depth = parsed.containers?.maxDepth ?? parsed.maxDepth;
  const tooDeep = depth !== undefined ? depth > MAX_NESTING : nestsTooDeep(text);
  if (tooDeep) {
    const start = { line: 0, character: 0 };
    const message = `nested more than ${MAX_NESTING} levels deep: outline, folding, hover, completion and formatting are off for this file`;
    diagnostics.push(make({ start, end: start }, DiagnosticSeverity.Information, Code.tooDeep, message));
  }
  return diagnostics;
}

/**
 * The version's parse and check: from the previous version when only a string value changed (no pause needed, it is
 * quick), else from scratch, pausing between the phases of a large document so that an edit can cancel it.
 */
async function parseAndCheck(
  uri: string,
  text: string,
  dependencies: CheckerDependencies,
  history: CheckHistory | undefined,
  isCancelled: () => boolean,
): Promise<{ parsed: ParsedDocument; result: CheckedValue } | undefined> {
  const previous = history?.take(uri);
  if (previous && previous.version.text === text && previous.checked) {
    history!.put(uri, previous); // a new version with the same text (an undo and a redo, a save)
    previous.version.containers ??= indexContainers(text); // for locating and the depth, as a parse would give them
    return { parsed: { ...previous.version, syntaxErrors: [] }, result: previous.checked };
  }
  const edit = previous ? applyStringValueEdit(previous.version, text) : undefined;
  if (previous && edit) {
    const entry = { version: previous.version };
    history!.put(uri, entry);
    const reuse = previous.checked && { previous: previous.checked, editedPath: edit.path };
    const result = checkValueInParts(previous.version.value, dependencies, reuse);
    Object.assign(entry, { checked: result });
    return { parsed: { ...previous.version, syntaxErrors: [] }, result };
  }
  const pause = text.length > YIELD_ABOVE_CHARS ? () => new Promise<void>((done) => setImmediate(done)) : undefined;
  const parsed = parseDocument(text);
  const wellFormed = parsed.containers !== undefined || parsed.plainJson === true;
  const entry = wellFormed ? { version: { text, value: parsed.value, containers: parsed.containers, duplicateKeys: parsed.duplicateKeys } } : undefined;
  if (entry) history?.put(uri, entry);
  if (pause) await pause();
  if (isCancelled()) return undefined;
  const result = checkValueInParts(parsed.value, dependencies);
  if (entry) Object.assign(entry, { checked: result });
  if (pause) await pause();
  if (isCancelled()) return undefined;
  return { parsed, result };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

function make(range: Range, severity: DiagnosticSeverity, code: Code, message: string): Diagnostic {
  return { range, severity, code, source: DIAGNOSTIC_SOURCE, message };
}

function tooLarge(bytes: number, limit: number): Diagnostic {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: Code.tooLarge,
    source: DIAGNOSTIC_SOURCE,
    message: `this file is ${mb(bytes)}, over the ${mb(limit)} limit, so it is not checked and outline, folding, hover, completion and formatting are off: they would slow the editor down (a connection file is normally a few kilobytes)`,
  };
}
