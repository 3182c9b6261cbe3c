// Polytomic's schema dialect, reduced to what ajv understands: `{value, label}` enum entries become plain values
// and the lower-case `readonly` becomes `readOnly`. The other extension keywords pass through (ajv runs non-strict).

export type SchemaNode = { [keyword: string]: unknown };

function isLabelledValue(entry: unknown): entry is { value: unknown; label?: unknown } {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry) && 'value' in entry;
}

/** Returns a normalised deep copy; the source is left untouched. Labels are kept in `x-enum-labels`. */
export function normaliseSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normaliseSchema);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as SchemaNode;
  const out: SchemaNode = {};
  for (const [keyword, value] of Object.entries(source)) {
    if (keyword === 'enum' && Array.isArray(value)) {
      out.enum = value.map((e) => (isLabelledValue(e) ? e.value : e));
      if (value.some(isLabelledValue)) {
        out['x-enum-labels'] = value.map((e) => (isLabelledValue(e) && typeof e.label === 'string' ? e.label : undefined));
      }
    } else if (keyword === 'readonly') {
      out.readOnly = value === true || source.readOnly === true;
    } else if (keyword === 'properties' && typeof value === 'object' && value !== null) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseSchema(v)]));
    } else if (keyword === 'default' || keyword === 'examples' || keyword === 'const') {
      out[keyword] = value;
    } else {
      out[keyword] = normaliseSchema(value);
    }
  }
  return out;
}

export function propertiesOf(schema: SchemaNode | undefined): Record<string, SchemaNode> {
  const props = schema?.properties;
  return typeof props === 'object' && props !== null ? (props as Record<string, SchemaNode>) : {};
}

export function requiredOf(schema: SchemaNode | undefined): string[] {
  return Array.isArray(schema?.required) ? (schema.required as unknown[]).filter((r): r is string => typeof r === 'string') : [];
}

export function isReadOnly(field: SchemaNode | undefined): boolean {
  return field?.readOnly === true;
}
