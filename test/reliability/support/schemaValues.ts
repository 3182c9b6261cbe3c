// Values a connection type's schema (the API's dialect, as served by GET /api/connection_types/<id>) accepts, built
// the way a person fills the form: a field's default, else its first allowed value, else its first example, else a
// value of its type. `fields: 'all'` fills every property (rich documents for the fuzzer); 'required' only the
// required ones (what a create needs). Sensitive strings become `${env:NAME}` placeholders, as files should hold them.

type SchemaNode = Record<string, unknown>;

export interface ValueOptions {
  fields: 'all' | 'required';
  /** Prefix of the generated placeholder names, e.g. the type id. */
  placeholderPrefix: string;
}

const MAX_DEPTH = 6;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstType(node: SchemaNode): string | undefined {
  const type = node.type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  return typeof type === 'string' ? type : undefined;
}

function enumValue(entry: unknown): unknown {
  return isNode(entry) && 'value' in entry ? entry.value : entry;
}

function matchesType(value: unknown, type: string | undefined): boolean {
  switch (type) {
    case undefined:
      return true;
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isNode(value);
    default:
      return typeof value === type;
  }
}

function placeholderName(prefix: string, path: string[]): string {
  return [prefix, ...path].join('_').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

export function valueForSchema(node: unknown, options: ValueOptions, path: string[] = []): unknown {
  if (!isNode(node)) return 'value';
  const type = firstType(node);
  if (node.sensitive === true && (type === 'string' || type === undefined) && !Array.isArray(node.enum)) {
    return `\${env:${placeholderName(options.placeholderPrefix, path)}}`;
  }
  if (node.default !== undefined && matchesType(node.default, type)) return node.default;
  if (Array.isArray(node.enum) && node.enum.length > 0) return enumValue(node.enum[0]);
  if (node.const !== undefined) return node.const;
  const example = Array.isArray(node.examples) ? node.examples[0] : undefined;
  if (example !== undefined && matchesType(example, type)) return example;
  switch (type) {
    case 'integer':
    case 'number':
      return typeof node.minimum === 'number' ? node.minimum : 1;
    case 'boolean':
      return false;
    case 'array': {
      if (options.fields === 'required' || path.length >= MAX_DEPTH || !isNode(node.items)) return [];
      return [valueForSchema(node.items, options, [...path, '0'])];
    }
    case 'object':
      return objectForSchema(node, options, path);
    case 'string':
      if (node.format === 'json') return '{}';
      if (node.format === 'uri') return 'https://example.com';
      if (node.format === 'email') return 'user@example.com';
      return 'value';
    default:
      return isNode(node.properties) ? objectForSchema(node, options, path) : 'value';
  }
}

/** An object holding the schema's required properties (or all of them), each generated in turn. */
export function objectForSchema(node: unknown, options: ValueOptions, path: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isNode(node) || path.length >= MAX_DEPTH) return out;
  const properties = isNode(node.properties) ? node.properties : {};
  const required = Array.isArray(node.required) ? node.required.filter((r): r is string => typeof r === 'string') : [];
  const names = options.fields === 'all' ? [...new Set([...required, ...Object.keys(properties)])] : required;
  for (const name of names) {
    const property = properties[name];
    if (isNode(property) && property.readOnly === true) continue;
    out[name] = valueForSchema(property, options, [...path, name]);
  }
  return out;
}
