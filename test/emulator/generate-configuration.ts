// A configuration that a type's schema should accept, built from the raw schema the way a user would fill the
// form: each required field gets its default, else its first enum value, else its first example, else a typed
// placeholder. Nested objects get their own required fields the same way.

type Node = Record<string, any>;

function enumValue(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null && 'value' in entry ? (entry as { value: unknown }).value : entry;
}

function placeholder(field: Node): unknown {
  const type = Array.isArray(field.type) ? field.type[0] : field.type;
  switch (type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return generateConfiguration(field);
    default:
      if (field.format === 'json') return '{}';
      if (field.format === 'uri') return 'https://example.com';
      if (field.format === 'email') return 'user@example.com';
      return 'placeholder';
  }
}

export function valueFor(field: Node): unknown {
  if (field.default !== undefined) return field.default;
  if (Array.isArray(field.enum) && field.enum.length > 0) return enumValue(field.enum[0]);
  if (Array.isArray(field.examples) && field.examples.length > 0) return field.examples[0];
  return placeholder(field);
}

export function generateConfiguration(schema: Node): Record<string, unknown> {
  const properties: Record<string, Node> = schema.properties ?? {};
  const out: Record<string, unknown> = {};
  for (const name of Array.isArray(schema.required) ? schema.required : []) {
    const field = properties[name];
    out[name] = field ? valueFor(field) : 'placeholder';
  }
  return out;
}
