// Offsets for the paths that failed: the document's tree is built lazily, once, and only when there is a problem.
import { findNodeAtLocation, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import { PARSE_OPTIONS } from './parseDocument';
import type { Target } from './problem';

export interface Span {
  offset: number;
  length: number;
}

export class Locator {
  private root: Node | undefined | null = null;

  constructor(private readonly text: string) {}

  private tree(): Node | undefined {
    if (this.root === null) this.root = parseTree(this.text, [], PARSE_OPTIONS);
    return this.root;
  }

  /**
   * The span of the value at `path` or of its key. A path that the tree lacks (cut off by a syntax error) falls back to
   * the key of its nearest ancestor. The root has no key: its opening brace stands for it.
   */
  locate(path: JSONPath, target: Target): Span {
    const root = this.tree();
    if (!root) return { offset: 0, length: 0 };
    let node = findNodeAtLocation(root, path);
    let depth = path.length;
    while (!node && depth > 0) {
      depth--;
      node = findNodeAtLocation(root, path.slice(0, depth));
      target = 'key';
    }
    if (!node) return { offset: 0, length: 0 };
    if (target === 'key') {
      const parent = node.parent;
      if (parent?.type === 'property' && parent.children?.[0]) return span(parent.children[0]);
      if (!parent) return { offset: node.offset, length: 1 };
    }
    return span(node);
  }
}

function span(node: Node): Span {
  return { offset: node.offset, length: node.length };
}
