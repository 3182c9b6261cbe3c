// A connection file as the folder-level engine sees it: where it is, how to name it in messages, and its text as
// read when the plan was made. Reading and writing are the driver's (the extension through VS Code, the CLI through
// node:fs, see nodeFiles.ts), so the engine never touches a file system itself.
import { duplicateTopLevelKeys, envelopeProblems, fileConnectionId, parseConnectionText, type ConnectionFile, type ValidConnectionFile } from '../connectionFile';

export interface WorkspaceFile {
  /** Where the file is: a file system path (CLI) or a URI string (extension). Also the key of its create key. */
  path: string;
  /** How messages name it: the path relative to the workspace. */
  label: string;
  /** The text as read for the plan. */
  text: string;
}

/** One problem that keeps a file from being sent: 1-based line and column, as an editor shows them. */
export interface FileProblem {
  line: number;
  column: number;
  message: string;
}

export interface ReadFile {
  file: WorkspaceFile;
  value: ConnectionFile | undefined;
  /** Set when the envelope is usable (name, type, configuration). */
  valid?: ValidConnectionFile;
  id?: string;
  /** Syntax and envelope problems, found without a catalog (the driver's validation adds the schema's). */
  problems: FileProblem[];
}

export function readConnectionFile(file: WorkspaceFile): ReadFile {
  const parsed = parseConnectionText(file.text);
  const problems: FileProblem[] = parsed.syntaxErrors.map((e) => ({ line: e.line, column: 1, message: e.message }));
  if (problems.length === 0) {
    for (const message of envelopeProblems(parsed.value, duplicateTopLevelKeys(file.text))) {
      const line = /^line (\d+): /.exec(message);
      problems.push({ line: line ? Number(line[1]) : 1, column: 1, message: line ? message.slice(line[0].length) : message });
    }
  }
  const valid = problems.length === 0 ? (parsed.value as ValidConnectionFile) : undefined;
  return { file, value: parsed.value, valid, id: fileConnectionId(parsed.value), problems };
}

/** The part of an LSP diagnostic this reads (the engine does not depend on the protocol's package). */
export interface DiagnosticLike {
  severity?: number;
  range: { start: { line: number; character: number } };
  message: string | { value: string };
}

/** The errors among a language server's diagnostics, 1-based as an editor shows them (what a plan's `validate` gives). */
export function errorProblems(diagnostics: readonly DiagnosticLike[]): FileProblem[] {
  return diagnostics
    .filter((d) => (d.severity ?? 1) === 1)
    .map((d) => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: typeof d.message === 'string' ? d.message : d.message.value }));
}

export function describeProblem(problem: FileProblem): string {
  return `line ${problem.line}: ${problem.message}`;
}
