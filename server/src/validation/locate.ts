// Offsets for the paths that failed, and only for them: one pass of jsonc-parser's `visit` that follows the wanted
// paths (a trie) and skips every object and array no wanted path enters, so a large document with one error stays cheap.
import { visit, type JSONPath } from 'jsonc-parser';
import { PARSE_OPTIONS } from './parseDocument';
import type { Target } from './problem';

export interface Span {
  offset: number;
  length: number;
}

export interface LocateRequest {
  path: JSONPath;
  target: Target;
}

interface PathNode {
  children: Map<string | number, PathNode>;
  /** The key of the property this node is the value of (with quotes). */
  key?: Span;
  /** The value: a literal, or an object/array from its opening to its closing bracket. */
  value?: Span;
}

interface Frame {
  /** The wanted node of this container, undefined when no wanted path enters it. */
  node: PathNode | undefined;
  isArray: boolean;
  nextIndex: number;
  /** The wanted node of the property being read (objects), set by its key. */
  pending: PathNode | undefined;
}

/**
 * The span of each request: the value at its path or that value's key. A path the document lacks (cut off by a syntax
 * error) falls back to the key of its nearest ancestor; the root has no key, so its opening brace stands for it.
 */
export function locateAll(text: string, requests: LocateRequest[]): Span[] {
  const root: PathNode = { children: new Map() };
  for (const { path } of requests) {
    let node = root;
    for (const segment of path) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
  }
  collectSpans(text, root);
  return requests.map(({ path, target }) => spanOf(root, path, target));
}

function collectSpans(text: string, root: PathNode): void {
  const stack: Frame[] = [];
  /** The wanted node of the value starting now (undefined when no wanted path leads here). */
  const valueNode = (): PathNode | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    if (top.isArray) return top.node?.children.get(top.nextIndex++);
    const node = top.pending;
    top.pending = undefined;
    return node;
  };
  const open = (isArray: boolean) => (offset: number): boolean => {
    const node = valueNode();
    if (node) node.value = { offset, length: 1 };
    stack.push({ node, isArray, nextIndex: 0, pending: undefined });
    return node !== undefined && node.children.size > 0; // false: skip the inside, nothing wanted there
  };
  const close = (offset: number, length: number) => {
    const frame = stack.pop();
    if (frame?.node?.value) frame.node.value.length = offset + length - frame.node.value.offset;
  };
  visit(
    text,
    {
      onObjectBegin: open(false),
      onArrayBegin: open(true),
      onObjectEnd: close,
      onArrayEnd: close,
      onObjectProperty: (property, offset, length) => {
        const top = stack[stack.length - 1];
        const node = top?.node?.children.get(property);
        if (node) node.key = { offset, length }; // a duplicate key: the last one, whose value is the one that counts
        if (top) top.pending = node;
      },
      onLiteralValue: (_value, offset, length) => {
        const node = valueNode();
        if (node) node.value = { offset, length };
      },
    },
    PARSE_OPTIONS,
  );
}

function spanOf(root: PathNode, path: JSONPath, target: Target): Span {
  const chain: PathNode[] = [root];
  for (const segment of path) {
    const child = chain[chain.length - 1].children.get(segment);
    if (!child) break;
    chain.push(child);
  }
  // Walk back to the deepest node the document really has; a key without its value stands for both.
  let depth = path.length;
  while (depth > 0 && !chain[depth]?.value) {
    const key = chain[depth]?.key;
    if (key) return key;
    depth--;
    target = 'key';
  }
  const node = chain[depth];
  if (!node?.value) return { offset: 0, length: 0 };
  if (target === 'key' && depth > 0) {
    if (node.key) return node.key;
    return node.value; // an array item has no key: the item itself
  }
  if (target === 'key') return { offset: node.value.offset, length: 1 };
  return node.value;
}
