// The three ways validate prints what the checker found: human lines as the Problems panel shows them
// (path:line:col: severity: message [code], 1-based), a JSON array, or GitHub Actions annotations.
import type { Diagnostic } from 'vscode-languageserver/node';
import { workflowCommand, type AnnotationLevel } from './githubCommands';
import { inertLine, noWorkflowCommands } from './inertLine';

export type OutputFormat = 'human' | 'json' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['human', 'json', 'github'];

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface FileResult {
  /** The path as printed: relative to the working folder when inside it. */
  file: string;
  diagnostics: Diagnostic[];
}

/** One problem; line and column are 1-based (columns count UTF-16 units, as the editor does). */
export interface ReportEntry {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: SeverityName;
  code: string | null;
  message: string;
}

export interface Counts {
  errors: number;
  warnings: number;
  information: number;
  files: number;
}

const SEVERITY_NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export function toEntries(results: FileResult[]): ReportEntry[] {
  const entries: ReportEntry[] = [];
  for (const { file, diagnostics } of results) {
    const sorted = [...diagnostics].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
    for (const d of sorted) {
      entries.push({
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        // LSP: a diagnostic without a severity is the client's to interpret; VS Code shows it as an error.
        severity: SEVERITY_NAMES[d.severity ?? 1] ?? 'error',
        code: d.code === undefined ? null : String(d.code),
        message: typeof d.message === 'string' ? d.message : d.message.value,
      });
    }
  }
  return entries;
}

export function countEntries(entries: ReportEntry[], files: number): Counts {
  return {
    errors: entries.filter((e) => e.severity === 'error').length,
    warnings: entries.filter((e) => e.severity === 'warning').length,
    information: entries.filter((e) => e.severity === 'information' || e.severity === 'hint').length,
    files,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryLine(counts: Counts): string {
  const info = counts.information > 0 ? `, ${counts.information} info` : '';
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}${info} in ${plural(counts.files, 'file')}`;
}

const HUMAN_SEVERITY: Record<SeverityName, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

function withCode(entry: ReportEntry): string {
  return entry.code === null ? entry.message : `${entry.message} [${entry.code}]`;
}

/** One problem per line: the path and message inert (no control character, no line break), and no line a workflow command. */
export function formatHuman(entries: ReportEntry[], counts: Counts): string {
  const lines = entries.map((e) => noWorkflowCommands(`${inertLine(e.file)}:${e.line}:${e.column}: ${HUMAN_SEVERITY[e.severity]}: ${inertLine(withCode(e))}`));
  lines.push(summaryLine(counts));
  return lines.join('\n') + '\n';
}

export function formatJson(entries: ReportEntry[]): string {
  return JSON.stringify(entries, null, 2) + '\n';
}

const ANNOTATION: Record<SeverityName, AnnotationLevel> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function formatGithub(entries: ReportEntry[], counts: Counts): string {
  const lines = entries.map((e) =>
    workflowCommand(
      ANNOTATION[e.severity],
      [
        ['file', e.file],
        ['line', e.line],
        ['col', e.column],
        ['endLine', e.endLine],
        ['endColumn', e.endColumn],
      ],
      withCode(e),
    ),
  );
  lines.push(summaryLine(counts));
  return lines.join('\n') + '\n';
}
