// The commonest edit of all, typing inside a string value, recognised without parsing the document again: when a new
// version differs from the previous well-formed one only inside one string value (no quote, backslash or control
// character typed or removed), the document keeps its structure, so the previous value, container index and duplicate
// keys stand once that string is replaced and the offsets after it are moved. Anything else returns undefined and the
// caller parses the whole text.
import type { JSONPath } from 'jsonc-parser';
import { isPlainObject } from '../catalog/dialect';
import type { ContainerIndex } from './containerIndex';
import { indexContainers, type DuplicateKey } from './parseDocument';
import { commentEnd, keyValue, literalEnd, stringEnd } from './scanDocument';

export interface WellFormedVersion {
  text: string;
  value: unknown;
  /** Undefined for a version parsed as plain JSON until an edit needs it. */
  containers?: ContainerIndex;
  duplicateKeys: DuplicateKey[];
}

export interface StringValueEdit {
  /** Where the string value sits in the document's value. */
  path: JSONPath;
  value: string;
}

/** Above this many characters replaced, a full parse is as quick and needs no proof of equivalence. */
const MAX_EDIT_CHARS = 4096;
/** Texts are compared in slices of this length (a native comparison) before the first differing character is sought. */
const CHUNK = 16 * 1024;

/**
 * Applies the edit to `previous` in place (it then describes `text`) and returns it; undefined, with `previous`
 * untouched, when the edit is anything but a change inside one string value.
 */
export function applyStringValueEdit(previous: WellFormedVersion, text: string): StringValueEdit | undefined {
  // With a key repeated, the value holds the last occurrence only: an edit of another one's value must not land in it.
  if (previous.duplicateKeys.length > 0) return undefined;
  const before = previous.text;
  const start = commonPrefix(before, text);
  if (start === before.length && start === text.length) return undefined; // the same text: nothing to re-check cheaply
  const suffix = commonSuffix(before, text, Math.min(before.length, text.length) - start);
  const removedEnd = before.length - suffix;
  const insertedEnd = text.length - suffix;
  if (removedEnd - start > MAX_EDIT_CHARS || insertedEnd - start > MAX_EDIT_CHARS) return undefined;
  if (!plainStringContent(before, start, removedEnd) || !plainStringContent(text, start, insertedEnd)) return undefined;

  const containers = (previous.containers ??= indexContainers(before));
  if (!containers) return undefined;
  const found = stringValueAt(before, containers, start, removedEnd);
  if (!found) return undefined;
  const delta = text.length - before.length;
  const tokenEnd = found.end + delta;
  // The token must still close where it did, and still decode (an escape next to the edit may now be invalid).
  if (stringEnd(text, found.start) !== tokenEnd) return undefined;
  const value = keyValue(text, found.start, tokenEnd);
  if (value === undefined) return undefined;
  const parent = valueAt(previous.value, found.path.slice(0, -1));
  const key = found.path[found.path.length - 1];
  if (key === '__proto__') return undefined; // assigning it would set the object's prototype, not the property
  if (typeof key === 'number' ? !Array.isArray(parent) || typeof parent[key] !== 'string' : !isPlainObject(parent) || typeof parent[key] !== 'string') return undefined;

  (parent as Record<string | number, unknown>)[key] = value;
  shiftAfter(containers, start, delta);
  previous.text = text;
  return { path: found.path, value };
}

/** No character that could end a string, start an escape, or is not allowed in one. */
function plainStringContent(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === BACKSLASH || c < 0x20) return false;
  }
  return true;
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= limit && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Moves every container boundary after `offset` (none lies inside the edited string) by `delta`. */
function shiftAfter(containers: ContainerIndex, offset: number, delta: number): void {
  if (delta === 0) return;
  const { starts, ends, count } = containers;
  for (let i = 0; i < count; i++) {
    if (starts[i] > offset) starts[i] += delta;
    if (ends[i] > offset) ends[i] += delta;
  }
}

function valueAt(root: unknown, path: JSONPath): unknown {
  let node = root;
  for (const segment of path) node = typeof segment === 'number' ? (Array.isArray(node) ? node[segment] : undefined) : isPlainObject(node) ? node[segment] : undefined;
  return node;
}

/**
 * The string value (not a key) whose content holds [from, to), with its path: down from the root through the
 * containers that hold the range, reading only the members of each one and jumping over the others' insides.
 */
function stringValueAt(text: string, containers: ContainerIndex, from: number, to: number): { path: JSONPath; start: number; end: number } | undefined {
  if (containers.count === 0) return undefined;
  const path: JSONPath = [];
  let number = 0; // the container being read
  let position = containers.starts[0];
  for (;;) {
    const isObject = text.charCodeAt(position) === OPEN_BRACE;
    const close = containers.ends[number];
    let next = number + 1; // the next container to open inside this one
    let index = 0;
    let i = skipTrivia(text, position + 1);
    let descended = false;
    while (i < close) {
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i = skipTrivia(text, i + 1);
        continue;
      }
      let segment: string | number = index;
      if (isObject) {
        const keyEnd = stringEnd(text, i);
        if (keyEnd < 0) return undefined;
        if (from < keyEnd && to > i) return undefined; // the edit touches a key
        const key = keyValue(text, i, keyEnd);
        if (key === undefined) return undefined;
        segment = key;
        i = skipTrivia(text, skipTrivia(text, keyEnd) + 1); // past the colon
      }
      const v = text.charCodeAt(i);
      if (v === OPEN_BRACE || v === OPEN_BRACKET) {
        const child = next;
        const childEnd = containers.ends[child];
        if (from > i && to <= childEnd) {
          path.push(segment);
          number = child;
          position = i;
          descended = true;
          break;
        }
        if (from <= childEnd && to > i) return undefined; // it touches the container's own brackets
        i = childEnd + 1;
        next = containers.after[child];
      } else {
        const end = v === QUOTE ? stringEnd(text, i) : literalEnd(text, i);
        if (end <= i) return undefined; // not a value where one should be: the index does not fit this text
        if (from < end && to > i) {
          // Strictly inside the quotes (an insertion right before the closing quote included).
          if (v !== QUOTE || from <= i || to > end - 1) return undefined;
          path.push(segment);
          return { path, start: i, end };
        }
        i = end;
      }
      if (!isObject) index++;
      i = skipTrivia(text, i);
    }
    if (!descended) return undefined; // between members: white space or a comment changed
  }
}

function skipTrivia(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else if (c === SLASH) {
      const end = commentEnd(text, i);
      if (end < 0) return text.length;
      i = end;
    } else break;
  }
  return i;
}

const QUOTE = 34;
const COMMA = 44;
const SLASH = 47;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const OPEN_BRACE = 123;
