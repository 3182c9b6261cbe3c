// Reading one field's schema the way completion, hover and the skeleton present it: its types, allowed values with
// labels, flags (required, sensitive, read-only, hidden) and the value to insert when the user adds it.
import type { JsonSchema } from '../catalog/types';
import { envNameFor, isSecretName } from '../util/secretNames';

export interface EnumEntry {
  value: unknown;
  label?: string;
}

/** Allowed values with their labels; tolerates un-normalised `{value, label}` entries as well as `x-enum-labels`. */
export function enumEntries(schema: JsonSchema): EnumEntry[] {
  if ('const' in schema) return [{ value: schema.const }];
  if (!Array.isArray(schema.enum)) return [];
  const labels = Array.isArray(schema['x-enum-labels']) ? schema['x-enum-labels'] : [];
  return schema.enum.map((entry, i) => {
    if (isObject(entry) && 'value' in entry) {
      return { value: entry.value, label: typeof entry.label === 'string' ? entry.label : undefined };
    }
    const label = labels[i];
    return { value: entry, label: typeof label === 'string' && label !== String(entry) ? label : undefined };
  });
}

/** The JSON types a schema allows (empty when it does not say). */
export function schemaTypes(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  if (isObject(schema.properties)) return ['object'];
  if (isObject(schema.items)) return ['array'];
  return [];
}

export function isSensitive(schema: JsonSchema): boolean {
  return schema.sensitive === true || schema.password === true;
}

export function isReadOnly(schema: JsonSchema): boolean {
  return schema.readOnly === true || (schema as { readonly?: unknown }).readonly === true;
}

/** Read-only fields are server-populated, and hidden fields without `api_field` are internal state: neither is offered. */
export function isSuggestible(schema: JsonSchema): boolean {
  if (isReadOnly(schema)) return false;
  return !(schema.hidden === true && schema.api_field !== true);
}

/** `POSTGRESQL_PASSWORD`: the connection type and the field's path, for `${env:NAME}` references (as quick fixes name them). */
export function envVariableName(typeId: string | undefined, path: readonly (string | number)[]): string {
  return envNameFor(typeId, path.filter((p): p is string => typeof p === 'string'));
}

/** The field's schema, marked sensitive also when its name plainly holds a secret: the API flags top-level fields only. */
export function withSecretName(schema: JsonSchema, key: string | number | undefined): JsonSchema {
  if (isSensitive(schema) || typeof key !== 'string' || !schemaTypes(schema).includes('string') || !isSecretName(key)) return schema;
  return { ...schema, sensitive: true };
}

/** Concrete sample strings that satisfy the common formats, where an empty string would not. */
const FORMAT_SAMPLES: Record<string, string> = {
  uri: 'https://example.com',
  url: 'https://example.com',
  'uri-reference': 'https://example.com',
  email: 'user@example.com',
  json: '{}',
  uuid: '00000000-0000-0000-0000-000000000000',
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  time: '00:00:00Z',
  hostname: 'example.com',
  ipv4: '127.0.0.1',
  ipv6: '::1',
};

/**
 * The value a newly added field starts with: its default, its first allowed value, an `${env:NAME}` reference for a
 * sensitive string, or a neutral value of its type. `placeholder` is true when the value is a stand-in the user must edit.
 */
export function initialValue(schema: JsonSchema, envName: string): { value: unknown; placeholder: boolean } {
  if (schema.default !== undefined) return { value: schema.default, placeholder: false };
  const entries = enumEntries(schema);
  if (entries.length > 0) return { value: entries[0].value, placeholder: false };
  const types = schemaTypes(schema);
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'string':
      if (isSensitive(schema)) return { value: `\${env:${envName}}`, placeholder: true };
      return { value: typeof schema.format === 'string' ? FORMAT_SAMPLES[schema.format] ?? '' : minimalString(schema), placeholder: true };
    case 'integer':
    case 'number':
      return { value: minimalNumber(schema), placeholder: true };
    case 'boolean':
      return { value: false, placeholder: true };
    case 'array':
      return { value: [], placeholder: true };
    case 'object':
      return { value: {}, placeholder: true };
    case 'null':
      return { value: null, placeholder: false };
    default:
      return { value: '', placeholder: true };
  }
}

function minimalString(schema: JsonSchema): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  return min > 0 ? 'x'.repeat(min) : '';
}

function minimalNumber(schema: JsonSchema): number {
  if (typeof schema.minimum === 'number' && schema.minimum > 0) return schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number' && schema.exclusiveMinimum >= 0) return Math.floor(schema.exclusiveMinimum) + 1;
  if (typeof schema.maximum === 'number' && schema.maximum < 0) return schema.maximum;
  return 0;
}

/** A short human description of a field's type, e.g. `string (uri)` or `"a" | "b"`. */
export function typeSummary(schema: JsonSchema): string {
  const types = schemaTypes(schema);
  let text = types.length > 0 ? types.join(' | ') : 'any';
  if (typeof schema.format === 'string') text += ` (${schema.format})`;
  if (types.includes('array') && isObject(schema.items)) {
    const itemTypes = schemaTypes(schema.items as JsonSchema);
    if (itemTypes.length > 0) text = `${itemTypes.join(' | ')}[]`;
  }
  return text;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
