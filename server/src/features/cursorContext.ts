// What the user is typing at the cursor, worked out from the text itself so that it holds in incomplete documents:
// a property key (in which object, replacing which characters) or a value (at which path), plus the punctuation an
// inserted item needs around it.
import type { Node } from 'jsonc-parser';
import { locate } from './locate';
import { childNode } from './schemaBranches';
import type { ParsedDocument } from './parsedDocuments';
import type { JsonPath } from './documentSchema';

export interface TokenRange {
  start: number;
  end: number;
}

interface CommonContext {
  /** The characters the inserted item replaces: the partly typed word with its quotes. */
  range: TokenRange;
  /** True when something follows that the insertion must be separated from with a comma. */
  commaNeeded: boolean;
}

export interface KeyContext extends CommonContext {
  kind: 'key';
  objectPath: JsonPath;
  /** Keys the object already has, except the one being typed. */
  existingKeys: Set<string>;
  /** True when a `:` already follows, so only the key itself is to be inserted. */
  keyOnly: boolean;
  /** Where a comma is missing after the previous member (the user went on typing on the next line). */
  commaBefore?: number;
  /** Set when the document is an empty top-level object: the range of that whole object. */
  emptyDocumentRange?: TokenRange;
}

export interface ValueContext extends CommonContext {
  kind: 'value';
  path: JsonPath;
  /** True right after the colon (`"key":|`), where the value reads better after a space. */
  spaceNeeded: boolean;
}

export interface EmptyDocumentContext {
  kind: 'emptyDocument';
  range: TokenRange;
}

export type CursorContext = KeyContext | ValueContext | EmptyDocumentContext;

export function cursorContext(parsed: ParsedDocument, offset: number): CursorContext | undefined {
  const { text, root } = parsed;
  if (!root && text.trim() === '') return { kind: 'emptyDocument', range: { start: 0, end: text.length } };
  if (isInLineComment(text, offset)) return undefined;
  const location = locate(text, root, offset);
  const range = tokenRange(text, offset, location.previousNode);
  const before = previousSignificantChar(text, range.start);
  const after = nextSignificantChar(text, range.end);
  const lastSegment = location.path[location.path.length - 1];
  const afterValue = before !== undefined && !'{[,:'.includes(before); // a member ends just before: a comma is missing
  if (location.isAtPropertyKey || (afterValue && typeof lastSegment === 'string')) {
    const objectPath = location.path.slice(0, -1);
    const objectNode = nodeAtPath(root, objectPath);
    const separator = objectNode ? keySeparator(text, objectNode, range.start, offset) : before === '{' || before === ',' ? 'present' : undefined;
    if (separator === undefined) return undefined;
    const commaBefore = separator === 'present' ? undefined : separator;
    const context: KeyContext = {
      kind: 'key',
      objectPath,
      range,
      existingKeys: existingKeys(objectNode, offset),
      keyOnly: after === ':',
      commaNeeded: after !== undefined && after !== ':' && after !== '}' && after !== ',',
      commaBefore,
    };
    if (objectPath.length === 0 && root?.type === 'object' && (root.children ?? []).length === 0) {
      context.emptyDocumentRange = { start: root.offset, end: root.offset + root.length };
    }
    return context;
  }
  if (before !== ':' && before !== '[' && before !== ',') return undefined;
  return {
    kind: 'value',
    path: location.path,
    range,
    spaceNeeded: text[range.start - 1] === ':',
    commaNeeded: after !== undefined && after !== '}' && after !== ']' && after !== ',',
  };
}

/** The literal or word the cursor is in (with its quotes), or an empty range at the cursor. */
function tokenRange(text: string, offset: number, previous: Node | undefined): TokenRange {
  if (previous && offset >= previous.offset && offset <= previous.offset + previous.length) {
    const start = previous.offset;
    let end = previous.offset + previous.length;
    const isString = text[start] === '"';
    if (isString && (previous.length < 2 || text[end - 1] !== '"' || end - 1 < offset)) end = wordEnd(text, offset); // unterminated
    return { start, end };
  }
  let start = offset;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  const quoted = text[start - 1] === '"';
  if (quoted) start--;
  let end = wordEnd(text, offset);
  if (quoted && text[end] === '"') end++;
  return { start, end };
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && isWordChar(text[end])) end++;
  return end;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_\-.$]/.test(ch);
}

function previousSignificantChar(text: string, offset: number): string | undefined {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i >= 0 ? text[i] : undefined;
}

function nextSignificantChar(text: string, offset: number): string | undefined {
  const i = nextSignificantOffset(text, offset);
  return i < text.length ? text[i] : undefined;
}

/** The offset of the next character that is not whitespace or in a comment (the text's length when none). */
function nextSignificantOffset(text: string, offset: number): number {
  let i = offset;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      const eol = text.indexOf('\n', i);
      if (eol < 0) return text.length;
      i = eol + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return text.length;
      i = close + 2;
    } else {
      return i;
    }
  }
}

/** True when `//` starts before the cursor on its line, outside a string. */
function isInLineComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let inString = false;
  for (let i = lineStart; i < offset; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '/' && text[i + 1] === '/') return true;
  }
  return false;
}

function nodeAtPath(root: Node | undefined, path: JsonPath): Node | undefined {
  let node = root;
  for (const segment of path) node = childNode(node, segment);
  return node;
}

/**
 * What separates the typed key from what precedes it in the object, looking past comments: 'present' after the
 * opening brace or a comma; the offset where a comma is missing after a finished member; undefined for anything else.
 */
function keySeparator(text: string, objectNode: Node, rangeStart: number, offset: number): 'present' | number | undefined {
  if (objectNode.type !== 'object') return undefined;
  let previous: Node | undefined;
  for (const member of objectNode.children ?? []) {
    const end = member.offset + member.length;
    if (end > rangeStart || (offset >= member.offset && offset <= end)) break; // from the typed key on
    previous = member;
  }
  if (previous && !previous.children?.[1]) return undefined; // a key without a value is not finished
  const anchor = previous ? previous.offset + previous.length : objectNode.offset + 1;
  const next = nextSignificantOffset(text, anchor);
  if (next >= rangeStart) return previous ? anchor : 'present';
  return text[next] === ',' && nextSignificantOffset(text, next + 1) >= rangeStart ? 'present' : undefined;
}

function existingKeys(objectNode: Node | undefined, offset: number): Set<string> {
  const keys = new Set<string>();
  if (objectNode?.type !== 'object') return keys;
  for (const property of objectNode.children ?? []) {
    const keyNode = property.children?.[0];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    if (offset >= keyNode.offset && offset <= keyNode.offset + keyNode.length) continue; // the key being typed
    keys.add(keyNode.value);
  }
  return keys;
}
