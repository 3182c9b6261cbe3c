// How deep objects and arrays nest, found by one loop over the characters (no recursion, no allocation), so that
// documents deep enough to overflow the stack of jsonc-parser's recursive parser are recognised before any parse.
// Brackets inside strings and comments do not count; a stray closing bracket never takes the depth below zero.

/** Past this many levels the features answer empty (jsonc-parser's parse and tree walks recurse per level). */
export const MAX_NESTING = 500;

const QUOTE = 34; // "
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/** The deepest nesting in a JSON-with-comments text; the scan stops as soon as it reaches `stopAt`. */
export function nestingDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest >= stopAt) return deepest;
      }
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth > 0) depth--;
    } else if (code === QUOTE) {
      // To the closing quote; an unterminated string ends at its line end, as the JSON scanner ends it.
      for (i++; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c === BACKSLASH) i++;
        else if (c === QUOTE) break;
        else if (c === NEWLINE || c === CARRIAGE_RETURN) break;
      }
    } else if (code === SLASH && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next === SLASH) {
        while (i < length && text.charCodeAt(i) !== NEWLINE && text.charCodeAt(i) !== CARRIAGE_RETURN) i++;
      } else if (next === STAR) {
        const end = text.indexOf('*/', i + 2);
        i = end === -1 ? length : end + 1;
      }
    }
  }
  return deepest;
}

/** True when the text nests deeper than `limit` levels (the scan stops at the first level past it). */
export function nestsTooDeep(text: string, limit = MAX_NESTING): boolean {
  return nestingDepth(text, limit + 1) > limit;
}
