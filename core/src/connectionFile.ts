// Reads a connection definition file (JSON with comments) and computes minimal text edits to it.
// Edits go through jsonc-parser's `modify`, so comments, key order and formatting outside the edit stay as they were.
import {
  applyEdits,
  Edit,
  findNodeAtLocation,
  FormattingOptions,
  JSONPath,
  modify,
  ModificationOptions,
  parse,
  ParseError,
  parseTree,
  printParseErrorCode,
  visit,
} from 'jsonc-parser';

/** The top level of a `*.polytomic.json` file, as far as the extension reads it. */
export interface ConnectionFile {
  name?: unknown;
  type?: unknown;
  id?: unknown;
  configuration?: unknown;
  organization_id?: unknown;
  policies?: unknown;
  healthcheck_interval?: unknown;
  validate?: unknown;
  force_destroy?: unknown;
  [key: string]: unknown;
}

/** A file whose envelope has the shape the API needs. */
export interface ValidConnectionFile extends ConnectionFile {
  name: string;
  type: string;
  configuration: Record<string, unknown>;
}

export interface ParsedConnectionFile {
  /** Undefined when the text is not an object at all. */
  value: ConnectionFile | undefined;
  /** Syntax problems, each with a 1-based line number for messages. */
  syntaxErrors: { line: number; message: string }[];
}

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false };

export function parseConnectionText(text: string): ParsedConnectionFile {
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, PARSE_OPTIONS);
  const syntaxErrors = errors.map((e) => ({ line: lineOf(text, e.offset), message: printParseErrorCode(e.error) }));
  const value = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as ConnectionFile) : undefined;
  return { value, syntaxErrors };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The connection id written in the file, when it has a non-empty string one. */
export function fileConnectionId(file: ConnectionFile | undefined): string | undefined {
  return typeof file?.id === 'string' && file.id.trim() !== '' ? file.id.trim() : undefined;
}

/**
 * What keeps the envelope from being sent, in words a person can act on; empty when name, type and configuration
 * are usable. (The language server reports the detailed schema problems; this is the floor the commands rely on.)
 */
export function envelopeProblems(file: ConnectionFile | undefined, duplicates: DuplicateKey[] = []): string[] {
  if (!file) return ['the file is not a JSON object'];
  // Readers take the last of two equal keys and editors the first, so such a file would not say one thing.
  const problems = duplicates.map((d) => `line ${d.line}: the top-level key \`${d.key}\` appears more than once; keep one`);
  if (typeof file.name !== 'string' || file.name.trim() === '') problems.push('`name` must be a non-empty string');
  if (typeof file.type !== 'string' || file.type.trim() === '') problems.push('`type` must be a connection type id such as "postgresql"');
  if (!isPlainObject(file.configuration)) problems.push('`configuration` must be an object');
  if (file.id !== undefined && typeof file.id !== 'string') problems.push('`id` must be a string');
  return problems;
}

/** A top-level key that appears again further down, at its second (and later) appearance. */
export interface DuplicateKey {
  key: string;
  /** 1-based. */
  line: number;
}

/** The top-level keys a text holds more than once (not computed by parseConnectionText: only sending needs it). */
export function duplicateTopLevelKeys(text: string): DuplicateKey[] {
  const seen = new Set<string>();
  const duplicates: DuplicateKey[] = [];
  let depth = 0;
  const down = () => void depth++;
  const up = () => void depth--;
  visit(
    text,
    {
      onObjectBegin: down,
      onArrayBegin: down,
      onObjectEnd: up,
      onArrayEnd: up,
      onObjectProperty: (key, _offset, _length, startLine) => {
        if (depth !== 1) return;
        if (seen.has(key)) duplicates.push({ key, line: startLine + 1 });
        seen.add(key);
      },
    },
    PARSE_OPTIONS,
  );
  return duplicates;
}

export function isValidEnvelope(file: ConnectionFile | undefined): file is ValidConnectionFile {
  return envelopeProblems(file).length === 0;
}

/** Indentation and line ending as the file already uses them, so inserted text looks like its neighbours. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text);
  if (indented && indented[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  const size = indented ? indented[1].length : 2;
  return { insertSpaces: true, tabSize: size > 0 && size <= 8 ? size : 2, eol };
}

/**
 * Edits that set the top-level `id`; a new key goes after `$schema` (if any), i.e. at the top where people look.
 * A file holding `id` twice gets it in each (reading takes the last, modify() would write the first).
 */
export function setIdEdits(text: string, id: string): Edit[] {
  const root = parseTree(text, [], PARSE_OPTIONS);
  const idValues = root?.type === 'object' ? (root.children ?? []).filter((p) => p.children?.[0]?.value === 'id').map((p) => p.children?.[1]) : [];
  if (idValues.length > 1) {
    return idValues.flatMap((value) => (value ? [{ offset: value.offset, length: value.length, content: JSON.stringify(id) }] : []));
  }
  return modifyFormatted(text, ['id'], id, {
    formattingOptions: detectFormatting(text),
    getInsertionIndex: (properties) => (properties[0] === '$schema' ? 1 : 0),
  });
}

/** Edits that remove the top-level `id` (for a stale id the API no longer knows). */
export function removeIdEdits(text: string): Edit[] {
  return removePropertyEdits(text, ['id']);
}

/** Edits that set (or, with undefined, remove) one value at a JSON path. */
export function setValueEdits(text: string, path: (string | number)[], value: unknown): Edit[] {
  if (value === undefined) return removePropertyEdits(text, path);
  return modifyFormatted(text, path, value, { formattingOptions: detectFormatting(text) });
}

/**
 * modify() with formatting, or the same change unformatted when the formatter fails: jsonc-parser 3.3.1's formatter
 * leaves an edit without content where a line needs exactly 200 indentation units, and modify() then throws. An id
 * write after a create that succeeded must not be lost to that.
 */
function modifyFormatted(text: string, path: JSONPath, value: unknown, options: ModificationOptions): Edit[] {
  try {
    const edits = modify(text, path, value, options);
    if (edits.every((edit) => typeof edit.content === 'string')) return edits;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  return modify(text, path, value, { ...options, formattingOptions: undefined }).filter((edit) => typeof edit.content === 'string');
}

/**
 * Removes one object property and its comma, and its line when nothing else is on it. Unlike jsonc-parser's own
 * removal, comments next to the property survive (it removes everything up to the next property, comments included).
 */
export function removePropertyEdits(text: string, path: (string | number)[]): Edit[] {
  const root = parseTree(text, [], PARSE_OPTIONS);
  const property = root ? findNodeAtLocation(root, path)?.parent : undefined;
  if (!property || property.type !== 'property') return [];
  const start = property.offset;
  let end = property.offset + property.length;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  if (text[after] === ',') {
    end = after + 1;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  } else {
    // The last property: drop the comma after the previous one (it may be followed by comments, which stay).
    const siblings = property.parent?.children ?? [];
    const previous = siblings[siblings.indexOf(property) - 1];
    const comma = previous ? commaBetween(text, previous.offset + previous.length, property.offset) : -1;
    if (comma >= 0) {
      return [
        { offset: comma, length: 1, content: '' },
        ...removeSpan(text, property.offset, end),
      ];
    }
  }
  return removeSpan(text, start, end);
}

/** One edit removing text[start, end), widened to the whole line when nothing else is on it. */
function removeSpan(text: string, start: number, end: number): Edit[] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline + 1;
  if (text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '') {
    return [{ offset: lineStart, length: lineEnd - lineStart, content: '' }];
  }
  return [{ offset: start, length: end - start, content: '' }];
}

/** The offset of the comma between two offsets, outside comments; -1 when there is none. */
function commaBetween(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (text.startsWith('//', i)) i = Math.max(i, text.indexOf('\n', i) === -1 ? to : text.indexOf('\n', i));
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) === -1 ? to : text.indexOf('*/', i + 2) + 1;
    else if (text[i] === ',') return i;
  }
  return -1;
}

export { applyEdits, Edit };
