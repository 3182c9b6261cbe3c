// The fast path for the common case, a well-formed document: one hand-written pass over the characters finds
// duplicate keys, comments and trailing commas and numbers the containers (containerIndex.ts); the comments and
// trailing commas are blanked out (offsets kept) and JSON.parse builds the value. Anything odd (an unclosed string or
// comment, a lone slash) sends the document to the tolerant parse instead, and so does whatever JSON.parse rejects
// (a structural error, a character JSON does not allow, a bad escape or number).
import { ContainerIndex } from './containerIndex';
import type { DuplicateKey } from './parseDocument';

export interface ScannedDocument {
  value: unknown;
  duplicateKeys: DuplicateKey[];
  containers: ContainerIndex;
}

const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Comma = 44,
  Slash = 47,
  Colon = 58,
  Star = 42,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  OpenBrace = 123,
  CloseBrace = 125,
}

/** Above this many keys an object's duplicate check uses a map; below it a list is quicker. */
const KEYS_IN_A_LIST = 16;

/**
 * The keys seen in one open object, reused for every object opened at the same depth (its lists are overwritten, not
 * cut). Keys are kept as offsets and compared in the text, so that no string is made for them; a key with an escape is
 * compared by its decoded value.
 */
class KeySet {
  starts: number[] = [];
  ends: number[] = [];
  escaped: boolean[] = [];
  count = 0;
  map: Map<string | undefined, number> | undefined;

  reset(): void {
    this.count = 0;
    this.map = undefined;
  }

  /** Records the key from `start` to `end` (quotes included); returns the offset of its first occurrence when it is a repeat. */
  add(text: string, start: number, end: number): number | undefined {
    if (this.map) {
      const name = keyValue(text, start, end);
      const first = this.map.get(name);
      if (first === undefined) this.map.set(name, start);
      return first;
    }
    const { starts, ends, escaped, count } = this;
    const hasEscape = holds(text, start + 1, end - 1, Char.Backslash);
    const length = end - start;
    for (let i = 0; i < count; i++) {
      if (hasEscape || escaped[i]) {
        if (keyValue(text, start, end) === keyValue(text, starts[i], ends[i])) return starts[i];
      } else if (ends[i] - starts[i] === length && sameText(text, starts[i], start, length)) {
        return starts[i];
      }
    }
    starts[count] = start;
    ends[count] = end;
    escaped[count] = hasEscape;
    this.count = count + 1;
    if (this.count > KEYS_IN_A_LIST) {
      this.map = new Map();
      for (let i = 0; i < this.count; i++) this.map.set(keyValue(text, starts[i], ends[i]), starts[i]);
    }
    return undefined;
  }
}

/** Whether `text` holds the character `code` between `from` and `to` (exclusive). */
function holds(text: string, from: number, to: number, code: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** Whether the `length` characters of `text` at `a` and at `b` are the same. */
function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/** The value, duplicate keys and containers of a well-formed document, or undefined when the tolerant parse is needed. */
/** `withValue` false: the containers and duplicate keys alone, for a text already parsed (value then undefined). */
export function scanWellFormed(text: string, withValue = true): ScannedDocument | undefined {
  const length = text.length;
  const duplicateKeys: DuplicateKey[] = [];
  // Pretty-printed connection files hold about one object or array per 100 characters.
  const containers = new ContainerIndex(length >> 6);
  const blanks: number[] = []; // start, end pairs of comments and trailing commas
  // Per open container: its number, whether it is an object, and (objects) whether a key comes next and its keys.
  const numbers: number[] = [];
  const isObject: boolean[] = [];
  const expectKey: boolean[] = [];
  const keySets: KeySet[] = [];
  let depth = 0;
  let pendingComma = -1;
  let firstToken = -1;
  let lastTokenEnd = -1;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab) {
      i++;
      continue;
    }
    if (c === Char.Slash) {
      const end = commentEnd(text, i);
      if (end < 0) return undefined;
      blanks.push(i, end);
      i = end;
      continue;
    }
    if (firstToken < 0) firstToken = i;
    if (pendingComma >= 0) {
      if (c === Char.CloseBrace || c === Char.CloseBracket) blanks.push(pendingComma, pendingComma + 1);
      pendingComma = -1;
    }
    switch (c) {
      case Char.OpenBrace:
      case Char.OpenBracket: {
        const object = c === Char.OpenBrace;
        numbers[depth] = containers.open(i);
        isObject[depth] = object;
        expectKey[depth] = object;
        if (object) (keySets[depth] ??= new KeySet()).reset();
        depth++;
        if (depth > containers.maxDepth) containers.maxDepth = depth;
        i++;
        break;
      }
      case Char.CloseBrace:
      case Char.CloseBracket:
        if (depth === 0) return undefined;
        depth--;
        containers.close(numbers[depth], i);
        i++;
        break;
      case Char.Comma:
        pendingComma = i;
        if (depth > 0 && isObject[depth - 1]) expectKey[depth - 1] = true;
        i++;
        break;
      case Char.Colon:
        i++;
        break;
      case Char.Quote: {
        const end = stringEnd(text, i);
        if (end < 0) return undefined;
        const top = depth - 1;
        if (top >= 0 && isObject[top] && expectKey[top]) {
          const firstOffset = keySets[top].add(text, i, end);
          if (firstOffset !== undefined) {
            const key = keyValue(text, i, end);
            if (key === undefined) return undefined;
            duplicateKeys.push({ key, offset: i, length: end - i, firstOffset });
          }
          expectKey[top] = false;
        }
        i = end;
        break;
      }
      default: {
        // A number, true, false or null; anything else is left for JSON.parse to refuse.
        const end = literalEnd(text, i);
        if (end === i) return undefined;
        i = end;
      }
    }
    lastTokenEnd = i;
  }
  if (!withValue) return { value: undefined, duplicateKeys, containers };
  try {
    return { value: JSON.parse(jsonText(text, blanks, firstToken, lastTokenEnd)), duplicateKeys, containers };
  } catch {
    return undefined; // a structural error: the tolerant parse reports it where it is
  }
}

/** The end (exclusive) of the comment starting at `start`, or -1 for a lone slash or an unclosed block comment. */
export function commentEnd(text: string, start: number): number {
  const next = text.charCodeAt(start + 1);
  if (next === Char.Slash) {
    let i = start + 2;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === Char.LineFeed || c === Char.CarriageReturn) break;
      i++;
    }
    return i;
  }
  if (next === Char.Star) {
    const close = text.indexOf('*/', start + 2);
    return close < 0 ? -1 : close + 2;
  }
  return -1;
}

/**
 * The end (exclusive, after the closing quote) of the string starting at `start`, or -1 when it is not closed. Control
 * characters inside are not looked for: JSON.parse refuses them after the scan.
 */
export function stringEnd(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === Char.Backslash) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

/** The end (exclusive) of a literal that is not a string: up to the next character that ends a token. */
export function literalEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (
      c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab || c === Char.Comma || c === Char.Colon ||
      c === Char.Quote || c === Char.Slash || c === Char.OpenBrace || c === Char.CloseBrace || c === Char.OpenBracket || c === Char.CloseBracket
    ) break;
    i++;
  }
  return i;
}

/** A key's text without its quotes, escapes decoded; undefined for a bad escape. */
export function keyValue(text: string, start: number, end: number): string | undefined {
  const raw = text.slice(start + 1, end - 1);
  if (raw.indexOf('\\') < 0) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return undefined;
  }
}

/**
 * The text for JSON.parse. Comments before the first token or after the last (a file's header comment) need no
 * blanking: a slice of the document leaves them out, and JSON.parse reads a slice of a string several times faster
 * than a newly built copy of a large one.
 */
function jsonText(text: string, blanks: number[], firstToken: number, lastTokenEnd: number): string {
  if (firstToken < 0) return '';
  for (let i = 0; i < blanks.length; i += 2) if (blanks[i] > firstToken && blanks[i] < lastTokenEnd) return blankOut(text, blanks);
  return firstToken === 0 && lastTokenEnd === text.length ? text : text.slice(firstToken, lastTokenEnd);
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
