// The stable codes of the server's diagnostics and the data each one carries for its quick fix.
import type { JSONPath } from 'jsonc-parser';

export const DIAGNOSTIC_SOURCE = 'polytomic';

export const Code = {
  syntax: 'syntax',
  duplicateKey: 'duplicate-key',
  tooLarge: 'too-large',
  tooDeep: 'too-deep',
  unknownType: 'unknown-type',
  noSchema: 'no-schema',
  missingRequired: 'missing-required',
  wrongType: 'wrong-type',
  enum: 'enum',
  format: 'format',
  constraint: 'constraint',
  /** oneOf failed because the value fits more than one branch. */
  ambiguousBranch: 'ambiguous-branch',
  /** A schema pattern the linear-time engine cannot run: the value is not checked against it. */
  patternSkipped: 'pattern-skipped',
  unknownField: 'unknown-field',
  readOnly: 'read-only',
  literalSecret: 'literal-secret',
  emptyRequired: 'empty-required',
} as const;
export type Code = (typeof Code)[keyof typeof Code];

/** data of missing-required: where to insert what. */
export interface MissingRequiredData {
  /** Path of the object that lacks the field. */
  objectPath: JSONPath;
  field: string;
  /** The value the quick fix inserts: the default, the first enum value or a placeholder for the type. */
  value: unknown;
}

/** data of unknown-field and unknown-type: the replacement the quick fix offers. */
export interface SuggestionData {
  suggestion: string;
}

/** data of literal-secret: the reference that replaces the literal (never the literal itself). */
export interface LiteralSecretData {
  reference: string;
}
