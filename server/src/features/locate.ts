// getLocation (path, key-or-value, previous literal) without scanning the document from its start: the cached parse
// tree gives the innermost container around the cursor, and jsonc-parser's getLocation then scans only from the last
// member before the cursor. The parser reads left to right, so the tree up to the cursor is what a full scan would see,
// also in a broken document.
import { getLocation, type JSONPath, type Location, type Node } from 'jsonc-parser';

export interface CursorLocation {
  path: JSONPath;
  isAtPropertyKey: boolean;
  /** The property key or literal the cursor is in or after, in document offsets. */
  previousNode?: Node;
}

export function locate(text: string, root: Node | undefined, offset: number): CursorLocation {
  const found = root ? innermostContainer(text, root, offset) : undefined;
  if (!found) return fromLocation(getLocation(text, offset), 0);
  const { container, path } = found;
  const members = container.children ?? [];
  const last = lastStartingBefore(members, offset);
  const open = container.type === 'object' ? '{' : '[';
  let prefix: string;
  let sliceStart: number;
  let indexBase = 0;
  let standIn: Node | undefined; // the member a stand-in replaces, when one does
  if (last < 0) {
    prefix = '';
    sliceStart = container.offset;
  } else if (isWholeBefore(members[last], container, offset)) {
    // A whole member lies before the cursor: stand in for it with a tiny one (same key), so nothing of it is scanned.
    standIn = members[last];
    const key = container.type === 'object' ? standIn.children?.[0]?.value : undefined;
    prefix = container.type === 'object' ? `{${JSON.stringify(String(key))}:0` : '[0';
    sliceStart = standIn.offset + standIn.length;
    indexBase = last;
  } else {
    prefix = open;
    sliceStart = members[last].offset;
    indexBase = last;
  }
  // getLocation stops at the first token after the cursor, which lies before the end of the next member's first
  // token: scanning (and copying) only up to there keeps the cost independent of the document's size.
  const next = members[last + 1];
  const sliceEnd = Math.max(last >= 0 ? firstTokensEnd(members[last], container) : 0, next ? firstTokensEnd(next, container) : container.offset + container.length);
  const location = getLocation(prefix + text.slice(sliceStart, sliceEnd), offset - sliceStart + prefix.length);
  const relative = fromLocation(location, sliceStart - prefix.length);
  if (container.type === 'array' && typeof relative.path[0] === 'number') relative.path[0] += indexBase;
  if (standIn && relative.previousNode && relative.previousNode.offset < sliceStart) {
    // The previous literal was the stand-in's value: it is the real member's value if that is a literal.
    const value = container.type === 'object' ? standIn.children?.[1] : standIn;
    relative.previousNode = value && value.type !== 'object' && value.type !== 'array' ? value : undefined;
  }
  return { ...relative, path: [...path, ...relative.path] };
}

function fromLocation(location: Location, shift: number): CursorLocation {
  const previous = location.previousNode;
  return {
    path: [...location.path],
    isAtPropertyKey: location.isAtPropertyKey,
    previousNode: previous ? { ...previous, offset: previous.offset + shift } : undefined,
  };
}

/** The member is complete and ends before the offset (touching it, it may still be the token being typed). */
function isWholeBefore(member: Node, container: Node, offset: number): boolean {
  const end = member.offset + member.length;
  return end < offset && end < container.offset + container.length; // running to the container's end: unfinished
}

/** Where a member's leading tokens end: a property's key, colon and scalar value or opening bracket; an item likewise. */
function firstTokensEnd(member: Node, container: Node): number {
  const value = container.type === 'object' ? member.children?.[1] : member;
  if (!value) return member.offset + member.length;
  return value.type === 'object' || value.type === 'array' ? value.offset + 1 : value.offset + value.length;
}

/** The deepest object or array whose brackets enclose the offset, and its path. */
function innermostContainer(text: string, root: Node, offset: number): { container: Node; path: JSONPath } | undefined {
  if (!encloses(text, root, offset)) return undefined;
  let container = root;
  const path: JSONPath = [];
  for (;;) {
    const members = container.children ?? [];
    const index = lastStartingBefore(members, offset);
    if (index < 0) break;
    const member = members[index];
    const value = container.type === 'object' ? member.children?.[1] : member;
    if (!value || (value.type !== 'object' && value.type !== 'array') || !encloses(text, value, offset)) break;
    path.push(container.type === 'object' ? String(member.children?.[0]?.value) : index);
    container = value;
  }
  return { container, path };
}

/** After the opening bracket, and before the closing one (or anywhere after it opened, when it never closes). */
function encloses(text: string, node: Node, offset: number): boolean {
  if (node.type !== 'object' && node.type !== 'array') return false;
  const end = node.offset + node.length;
  if (offset <= node.offset || offset > end) return false;
  if (offset < end) return true;
  const close = node.type === 'object' ? '}' : ']';
  return text[end - 1] !== close; // unclosed: it runs to where parsing stopped
}

/** Index of the last member starting before the offset (members are in document order), or -1. */
function lastStartingBefore(members: Node[], offset: number): number {
  let low = 0;
  let high = members.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (members[middle].offset < offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
