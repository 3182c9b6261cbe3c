// Offsets for the paths that failed, and only for them. The wanted paths form a trie. A well-formed document comes with
// its container index (containerIndex.ts): the walk reads only the containers a wanted path enters and jumps over
// every other object and array, so locating costs the size of the failing items, not of the document. Otherwise one
// pass of jsonc-parser's `visit` follows the wanted paths and skips the callbacks inside every container none enters.
import { visit, type JSONPath } from 'jsonc-parser';
import type { ContainerIndex } from './containerIndex';
import { PARSE_OPTIONS } from './parseDocument';
import { commentEnd, keyValue, literalEnd, stringEnd } from './scanDocument';
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
export function locateAll(text: string, requests: LocateRequest[], containers?: ContainerIndex): Span[] {
  const root: PathNode = { children: new Map() };
  for (const { path } of requests) {
    let node = root;
    for (const segment of path) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
  }
  if (containers) new IndexedWalk(text, containers).value(skipTrivia(text, 0), root);
  else collectSpans(text, root);
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

/** Fills the wanted nodes from a well-formed document, reading only the containers a wanted path enters. */
class IndexedWalk {
  /** The number of the next container to open at or after the walk's position (containers are numbered in document order). */
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly containers: ContainerIndex,
  ) {}

  /** Reads the value starting at `offset` into `node` (when wanted); returns the offset just after it. */
  value(offset: number, node: PathNode | undefined): number {
    const c = this.text.charCodeAt(offset);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const number = this.next;
      const end = this.containers.ends[number] + 1;
      if (node) node.value = { offset, length: end - offset };
      if (node && node.children.size > 0) {
        this.next = number + 1;
        if (c === OPEN_BRACE) this.objectMembers(offset + 1, node);
        else this.arrayItems(offset + 1, end, node);
      }
      this.next = this.containers.after[number];
      return end;
    }
    const end = c === QUOTE ? stringEnd(this.text, offset) : literalEnd(this.text, offset);
    if (node) node.value = { offset, length: end - offset };
    return end;
  }

  private objectMembers(from: number, node: PathNode): void {
    const text = this.text;
    for (let i = skipTrivia(text, from); ; i = skipTrivia(text, i)) {
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACE || Number.isNaN(c)) return;
      if (c === COMMA) {
        i++;
        continue;
      }
      const keyEnd = stringEnd(text, i);
      const child = node.children.get(keyValue(text, i, keyEnd) as string);
      if (child) child.key = { offset: i, length: keyEnd - i }; // a duplicate key: the last one, whose value is the one that counts
      i = skipTrivia(text, keyEnd) + 1; // the colon
      i = this.value(skipTrivia(text, i), child);
    }
  }

  private arrayItems(from: number, end: number, node: PathNode): void {
    const text = this.text;
    const wanted: number[] = []; // the indices wanted, ascending: the items after the last need no reading
    for (const segment of node.children.keys()) if (typeof segment === 'number' && Number.isInteger(segment) && segment >= 0) wanted.push(segment);
    wanted.sort((a, b) => a - b);
    let index = 0;
    let next = 0; // position in `wanted`
    for (let i = skipTrivia(text, from); next < wanted.length; i = skipTrivia(text, i)) {
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACKET || i >= end) return;
      if (c === COMMA) {
        i++;
        continue;
      }
      if (index === wanted[next]) {
        i = this.value(i, node.children.get(index));
        next++;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        // An item nobody wants: jump over it and everything inside.
        const number = this.next;
        i = this.containers.ends[number] + 1;
        this.next = this.containers.after[number];
      } else {
        i = this.value(i, undefined);
      }
      index++;
    }
  }
}

const QUOTE = 34;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** The offset of the next token at or after `offset`, past white space and comments. */
function skipTrivia(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else if (c === 47) i = commentEnd(text, i);
    else break;
  }
  return i;
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
