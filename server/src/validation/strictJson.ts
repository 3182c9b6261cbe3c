// The quickest path of all, for a document that is plain JSON (no comments, no trailing commas): JSON.parse alone,
// then a proof that no object repeats a key: the key tokens of the text (a closing quote followed by a colon) are
// counted and compared with the keys the value holds, since JSON.parse keeps only the last of a repeated key. Where
// the containers are is left for when it is needed (locating a problem, an incremental check).
const QUOTE = 34;
const BACKSLASH = 92;

export interface StrictDocument {
  value: unknown;
  /** How deep objects and arrays nest (the root object is 1), as ContainerIndex.maxDepth counts it. */
  maxDepth: number;
}

/** Undefined when the text is not plain JSON or repeats a key in an object (the scanning parse says where). */
export function parseStrictJson(text: string): StrictDocument | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const { keys, maxDepth } = countKeys(value);
  return keyTokens(text) === keys ? { value, maxDepth } : undefined;
}

/**
 * The key tokens of valid JSON: a colon whose previous non-blank character is a quote that no backslash escapes. In
 * valid JSON only a key is followed by a colon, and a quote inside a string is always escaped.
 */
function keyTokens(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let i = colon - 1;
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(--i));
    if (text.charCodeAt(i) !== QUOTE) continue;
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

/** The keys of every object of the value, and its nesting depth; iterative, for values nested thousands deep. */
function countKeys(root: unknown): { keys: number; maxDepth: number } {
  let keys = 0;
  let maxDepth = 0;
  const nodes: unknown[] = [root];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxDepth) maxDepth = depth;
    const children = Array.isArray(node) ? node : Object.values(node);
    if (!Array.isArray(node)) keys += children.length;
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return { keys, maxDepth };
}
