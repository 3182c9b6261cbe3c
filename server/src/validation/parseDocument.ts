// Reads a document into its plain value, its syntax errors and its duplicate keys. A well-formed document takes the
// fast path (scanDocument.ts); otherwise one tolerant pass of jsonc-parser's `visit` builds the value as `parse` would
// and collects the syntax errors and duplicate keys on the way.
import { visit, ParseErrorCode, printParseErrorCode } from 'jsonc-parser';
import type { ContainerIndex } from './containerIndex';
import { scanWellFormed } from './scanDocument';
import { parseStrictJson } from './strictJson';

export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
}

export interface DuplicateKey {
  key: string;
  /** Offset and length of the repeated key (with its quotes). */
  offset: number;
  length: number;
  /** Offset of the first occurrence. */
  firstOffset: number;
}

export interface ParsedDocument {
  value: unknown;
  syntaxErrors: SyntaxProblem[];
  duplicateKeys: DuplicateKey[];
  /** Where the objects and arrays are, for a well-formed document (the fast path); see locate.ts. */
  containers?: ContainerIndex;
  /** How deep it nests, when known without `containers` (plain JSON, strictJson.ts). */
  maxDepth?: number;
  /** Plain JSON: well-formed, its containers not indexed yet (indexContainers builds them when needed). */
  plainJson?: boolean;
}

export const PARSE_OPTIONS = { disallowComments: false, allowTrailingComma: true, allowEmptyContent: false } as const;

interface Frame {
  container: Record<string, unknown> | unknown[];
  /** Key offsets seen in this object, for the duplicate check. */
  keys?: Map<string, number>;
  pendingKey?: string;
}

export function parseDocument(text: string): ParsedDocument {
  const plain = parseStrictJson(text);
  if (plain) return { value: plain.value, syntaxErrors: [], duplicateKeys: [], maxDepth: plain.maxDepth, plainJson: true };
  const wellFormed = scanWellFormed(text);
  return wellFormed ? { ...wellFormed, syntaxErrors: [] } : parseTolerant(text);
}

/** The container index of a well-formed text, for a document parsed as plain JSON. */
export function indexContainers(text: string): ContainerIndex | undefined {
  return scanWellFormed(text, false)?.containers;
}

/** The tolerant pass: every syntax error, and as much of the value as can be read around them. */
export function parseTolerant(text: string): ParsedDocument {
  const syntaxErrors: SyntaxProblem[] = [];
  const duplicateKeys: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let root: unknown = undefined;

  const place = (value: unknown) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
    } else if (Array.isArray(top.container)) {
      top.container.push(value);
    } else if (top.pendingKey !== undefined) {
      top.container[top.pendingKey] = value;
      top.pendingKey = undefined;
    }
  };

  visit(
    text,
    {
      onObjectBegin: () => {
        const object: Record<string, unknown> = {};
        place(object);
        stack.push({ container: object, keys: new Map() });
      },
      onObjectProperty: (property, offset, length) => {
        const top = stack[stack.length - 1];
        const firstOffset = top.keys!.get(property);
        if (firstOffset !== undefined) duplicateKeys.push({ key: property, offset, length, firstOffset });
        else top.keys!.set(property, offset);
        // `__proto__` would change the object's prototype through plain assignment.
        if (property === '__proto__') Object.defineProperty(top.container, property, { value: undefined, enumerable: true, writable: true, configurable: true });
        top.pendingKey = property;
      },
      onObjectEnd: () => {
        stack.pop();
      },
      onArrayBegin: () => {
        const array: unknown[] = [];
        place(array);
        stack.push({ container: array });
      },
      onArrayEnd: () => {
        stack.pop();
      },
      onLiteralValue: (value) => place(value),
      onError: (error, offset, length) => {
        syntaxErrors.push({ offset, length, message: describeSyntaxError(error) });
      },
    },
    PARSE_OPTIONS,
  );
  return { value: root, syntaxErrors, duplicateKeys };
}

const SYNTAX_MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character here',
  [ParseErrorCode.InvalidNumberFormat]: 'this is not a valid number',
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes',
  [ParseErrorCode.ValueExpected]: 'expected a value',
  [ParseErrorCode.ColonExpected]: 'expected a colon (:) after the property name',
  [ParseErrorCode.CommaExpected]: 'expected a comma (,) before this',
  [ParseErrorCode.CloseBraceExpected]: 'expected a closing brace (})',
  [ParseErrorCode.CloseBracketExpected]: 'expected a closing bracket (])',
  [ParseErrorCode.EndOfFileExpected]: 'expected the end of the file: a connection file holds a single JSON object',
  [ParseErrorCode.InvalidCommentToken]: 'this comment is not valid',
  [ParseErrorCode.UnexpectedEndOfComment]: 'the comment is not closed (missing */)',
  [ParseErrorCode.UnexpectedEndOfString]: 'the string is not closed (missing ")',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'the number is incomplete',
  [ParseErrorCode.InvalidUnicode]: 'invalid unicode escape sequence',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character in the string',
  [ParseErrorCode.InvalidCharacter]: 'invalid character in the string (control characters must be escaped)',
};

function describeSyntaxError(code: ParseErrorCode): string {
  return SYNTAX_MESSAGES[code] ?? `syntax error (${printParseErrorCode(code)})`;
}
