// Generates a connection document that satisfies a type's schema: every required field (at any depth) gets its default,
// its first allowed value, its first example, or a value made for its type; sensitive strings get ${env:NAME} references.
// Shared by the tests that run every real schema through the server.
import { normaliseSchema } from '../../server/src/catalog/dialect';
import type { JsonSchema } from '../../server/src/catalog/types';

export interface GeneratedDocument {
  name: string;
  type: string;
  configuration: Record<string, unknown>;
}

/** A document for type `id` whose configuration holds every required field of `rawSchema` (the API's dialect or normalised). */
export function generateDocument(id: string, rawSchema: unknown): GeneratedDocument {
  const schema = normaliseSchema(rawSchema);
  const configuration = generateValue(schema, id.toUpperCase(), 0);
  return { name: `Generated ${id}`, type: id, configuration: isObject(configuration) ? configuration : {} };
}

function generateValue(schema: JsonSchema | undefined, envName: string, depth: number): unknown {
  if (!schema) return '';
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (schema.sensitive === true && (type === 'string' || type === undefined) && !schema.enum) return `\${env:${envName}}`;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  const example = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  if (example !== undefined && matchesType(example, type)) return example;
  switch (type) {
    case 'object':
    case undefined: {
      if (type === undefined && !schema.properties) return '';
      const object: Record<string, unknown> = {};
      if (depth > 8) return object;
      for (const key of schema.required ?? []) {
        object[key] = generateValue(schema.properties?.[key], `${envName}_${key.toUpperCase()}`, depth + 1);
      }
      return object;
    }
    case 'array': {
      const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const item = typeof schema.items === 'object' ? (schema.items as JsonSchema) : undefined;
      return Array.from({ length: minItems }, () => generateValue(item, envName, depth + 1));
    }
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return stringFor(schema.format);
  }
}

function stringFor(format: string | undefined): string {
  switch (format) {
    case 'json':
      return '{}';
    case 'uri':
    case 'url':
      return 'https://example.com';
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    default:
      return 'example';
  }
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
      return isObject(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
