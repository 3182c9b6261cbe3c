// Re-parses only the innermost object or array around an edit, reusing the rest of the previous version's parse tree,
// so that typing in a large document does not pay for a full parse per keystroke. When the result could differ from
// a full parse (the edit touches a bracket, or the re-parsed part does not close exactly where it did), it declines
// and the caller parses everything.
import { parseTree, type Node, type ParseError } from 'jsonc-parser';

/** jsonc-parser's nodes are read-only by type; this module owns the trees it rewrites. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false };

/**
 * The tree of `text`, built from the tree of `previousText` by re-parsing one container; undefined when a full parse
 * is needed. The previous tree is changed in place and must not be used afterwards.
 */
export function reparseIncrementally(previousText: string, previousRoot: Node | undefined, text: string): Node | undefined {
  if (!previousRoot) return undefined;
  if (previousText === text) return previousRoot; // a new version with the same text (e.g. undo and redo)
  const prefix = commonPrefixLength(previousText, text);
  if (prefix === previousText.length && prefix === text.length) return previousRoot;
  const suffix = commonSuffixLength(previousText, text, Math.min(previousText.length, text.length) - prefix);
  const editEnd = previousText.length - suffix; // end of the replaced part, in the previous text
  const delta = text.length - previousText.length;
  const container = innermostEnclosing(previousText, previousRoot, prefix, editEnd);
  if (!container) return undefined;
  const start = container.offset;
  const end = container.offset + container.length; // in the previous text
  const slice = text.slice(start, end + delta);
  const errors: ParseError[] = [];
  const replacement = parseTree(slice, errors, PARSE_OPTIONS);
  if (!replacement || replacement.type !== container.type || replacement.offset !== 0 || replacement.length !== slice.length) return undefined;
  // It must close with its own bracket at the very end, as the previous one did: a bracket swallowed by an unclosed
  // member, or a premature close, shows as an error at the end of the slice.
  if (errors.some((e) => e.offset + e.length >= slice.length - 1)) return undefined;
  const parent = container.parent;
  const index = parent?.children?.indexOf(container) ?? -1;
  if (parent && index < 0) return undefined;
  moveBy(replacement, start);
  (replacement as Writable<Node>).parent = parent;
  if (!parent) return replacement;
  if (delta !== 0) shiftAfter(previousRoot, start, end, delta, container);
  parent.children![index] = replacement;
  return previousRoot;
}

/** The deepest object or array whose brackets strictly enclose [from, to), so that its brackets are untouched. */
function innermostEnclosing(text: string, root: Node, from: number, to: number): Node | undefined {
  const encloses = (node: Node) =>
    (node.type === 'object' || node.type === 'array') &&
    node.offset < from &&
    to < node.offset + node.length &&
    text[node.offset + node.length - 1] === (node.type === 'object' ? '}' : ']');
  if (!encloses(root)) return undefined;
  let current = root;
  for (;;) {
    const members = current.children ?? [];
    let low = 0;
    let high = members.length - 1;
    let index = -1; // the last member starting before `from`
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (members[middle].offset < from) {
        index = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    const member = members[index];
    const next = member && (current.type === 'object' ? member.children?.[1] : member);
    if (!next || !encloses(next)) return current;
    current = next;
  }
}

/** Moves everything after the edited container by delta and grows its ancestors; the container itself is replaced. */
function shiftAfter(node: Node, start: number, end: number, delta: number, container: Node): void {
  if (node === container) return;
  if (node.offset >= end) {
    moveBy(node, delta);
    return;
  }
  if (node.offset + node.length <= start) return;
  const ancestor = node as Writable<Node>;
  ancestor.length += delta;
  if (ancestor.colonOffset !== undefined && ancestor.colonOffset >= end) ancestor.colonOffset += delta;
  for (const child of node.children ?? []) shiftAfter(child, start, end, delta, container);
}

function moveBy(node: Node, delta: number): void {
  const moved = node as Writable<Node>;
  moved.offset += delta;
  if (moved.colonOffset !== undefined) moved.colonOffset += delta;
  for (const child of node.children ?? []) moveBy(child, delta);
}

const CHUNK = 1024;

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string, max: number): number {
  let n = 0;
  while (n + CHUNK <= max && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < max && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}
