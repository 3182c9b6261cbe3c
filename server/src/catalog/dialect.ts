// Normalises Polytomic's schema dialect (as the API serves it) into the JsonSchema shape of types.ts:
// `{value, label}` enum entries become plain values plus `x-enum-labels`, and `readonly` becomes `readOnly`.
// Every other keyword, standard or Polytomic's own, is kept as it is.
import type { JsonSchema } from './types';

/** Keywords whose value is one subschema. */
const SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/** Returns a normalised copy; the input is never changed. Non-object input (e.g. `true`) is returned as it is. */
export function normaliseSchema(raw: unknown): JsonSchema {
  return normaliseNode(raw) as JsonSchema;
}

function normaliseNode(node: unknown): unknown {
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === 'readonly') continue; // folded into readOnly below
    if (keyword === 'enum' && Array.isArray(value)) {
      Object.assign(out, normaliseEnum(value));
    } else if (SCHEMA_KEYWORDS.includes(keyword)) {
      out[keyword] = Array.isArray(value) ? value.map(normaliseNode) : normaliseNode(value); // `items` may be a tuple in old drafts
    } else if (SCHEMA_LIST_KEYWORDS.includes(keyword) && Array.isArray(value)) {
      out[keyword] = value.map(normaliseNode);
    } else if (SCHEMA_MAP_KEYWORDS.includes(keyword) && isPlainObject(value)) {
      out[keyword] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, normaliseNode(sub)]));
    } else {
      out[keyword] = value;
    }
  }
  if (out.readOnly === undefined && typeof node.readonly === 'boolean') out.readOnly = node.readonly;
  return out;
}

/** A `{value, label}` entry: an object with a `value` and nothing but an optional label or description besides. */
export function isValueLabelEntry(entry: unknown): entry is { value: unknown; label?: unknown } {
  return isPlainObject(entry) && 'value' in entry && Object.keys(entry).every((k) => k === 'value' || k === 'label' || k === 'description');
}

function normaliseEnum(entries: unknown[]): { enum: unknown[]; 'x-enum-labels'?: (string | undefined)[] } {
  if (!entries.some(isValueLabelEntry)) return { enum: entries };
  const values: unknown[] = [];
  const labels: (string | undefined)[] = [];
  for (const entry of entries) {
    if (isValueLabelEntry(entry)) {
      values.push(entry.value);
      labels.push(typeof entry.label === 'string' ? entry.label : undefined);
    } else {
      values.push(entry);
      labels.push(undefined);
    }
  }
  return { enum: values, 'x-enum-labels': labels };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
