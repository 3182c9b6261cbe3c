// The text of a new connection file for a type: `name`, `type` and a `configuration` holding every required field
// (its default, first allowed value, an `${env:NAME}` reference for a secret, or a neutral value of its type), with a
// short comment naming each field the user still has to fill in.
import { parseTree } from 'jsonc-parser';
import type { Catalog, JsonSchema } from '../catalog/types';
import type { JsonPath } from './documentSchema';
import { applicableFacets, mergeFacets } from './schemaBranches';
import { envVariableName, initialValue, isObject, isReadOnly, isSensitive, schemaTypes, withSecretName } from './schemaFields';

export class UnknownTypeError extends Error {
  constructor(readonly typeId: string) {
    super(`Unknown connection type "${typeId}": it is in none of the catalogs the server knows.`);
  }
}

/** A bound on the required fields of one object, against schemas whose conditions never settle. */
const MAX_FIELDS = 500;

export interface SkeletonOptions {
  name?: string;
  /** Indentation unit, two spaces unless given. */
  indent?: string;
}

export function buildSkeleton(catalog: Catalog, typeId: string, options: SkeletonOptions = {}): string {
  const type = catalog.getType(typeId);
  if (!type) throw new UnknownTypeError(typeId);
  const comments = new Map<string, string>();
  const schema = catalog.getConfigurationSchema(typeId) ?? {};
  const configuration = requiredValue(schema, schema, ['configuration'], typeId, comments);
  const envelope = catalog.getEnvelopeSchema();
  const document = requiredValue(envelope, envelope, [], typeId, new Map(), {
    name: options.name ?? `${type.name} connection`,
    type: typeId,
    configuration,
  });
  return render(document, [], options.indent ?? '  ', comments) + '\n';
}

/** A value for `schema` holding every required property, recursively; `given` properties come first and are kept. */
function requiredValue(
  schema: JsonSchema,
  root: JsonSchema,
  path: JsonPath,
  typeId: string,
  comments: Map<string, string>,
  given: Record<string, unknown> = {},
): unknown {
  const facets = mergeFacets(applicableFacets(schema, root, undefined, 'exact'));
  if (!schemaTypes(facets).includes('object') || facets.default !== undefined) return fieldValue(facets, root, path, typeId, comments);
  const value: Record<string, unknown> = { ...given };
  const skipped = new Set<string>();
  // One field at a time, re-reading the schema after each: the value just added may decide an if/then branch.
  for (let round = 0; round < MAX_FIELDS; round++) {
    const merged = mergeFacets(applicableFacets(schema, root, parseTree(JSON.stringify(value)), 'exact'));
    const required = Array.isArray(merged.required) ? merged.required : [];
    const declared = Object.keys(merged.properties ?? {});
    const ordered = [...declared.filter((key) => required.includes(key)), ...required.filter((key) => !declared.includes(key))];
    const key = ordered.find((k) => !(k in value) && !skipped.has(k));
    if (key === undefined) break;
    const property = merged.properties?.[key] ?? {};
    if (isReadOnly(property)) skipped.add(key); // the server fills it in
    else value[key] = requiredValue(property, root, [...path, key], typeId, comments);
  }
  return value;
}

function fieldValue(schema: JsonSchema, root: JsonSchema, path: JsonPath, typeId: string, comments: Map<string, string>): unknown {
  const envName = envVariableName(typeId, path.slice(1));
  const field = withSecretName(schema, path[path.length - 1]);
  const { value, placeholder } = initialValue(field, envName);
  const comment = fieldComment(field, placeholder, envName);
  if (comment) comments.set(JSON.stringify(path), comment);
  return value;
}

function fieldComment(schema: JsonSchema, placeholder: boolean, envName: string): string | undefined {
  if (!placeholder) return undefined;
  if (isSensitive(schema)) return `${schema.title ?? 'Secret'}: set ${envName} in the environment`;
  const example = Array.isArray(schema.examples) && schema.examples.length > 0 ? schema.examples[0] : undefined;
  const title = typeof schema.title === 'string' ? schema.title : undefined;
  if (title && example !== undefined) return `${title}, e.g. ${JSON.stringify(example)}`;
  return title ?? (example !== undefined ? `e.g. ${JSON.stringify(example)}` : undefined);
}

/** JSON with `// comment` after the fields that have one (comments never contain a line break). */
function render(value: unknown, path: JsonPath, indent: string, comments: Map<string, string>): string {
  const depth = path.length;
  if (!isObject(value) || Object.keys(value).length === 0) return JSON.stringify(value);
  const entries = Object.entries(value);
  const lines = entries.map(([key, child], i) => {
    const childPath = [...path, key];
    const comma = i < entries.length - 1 ? ',' : '';
    const comment = comments.get(JSON.stringify(childPath));
    const text = `${indent.repeat(depth + 1)}${JSON.stringify(key)}: ${render(child, childPath, indent, comments)}${comma}`;
    return comment ? `${text} // ${comment.replace(/[\r\n]+/g, ' ')}` : text;
  });
  return `{\n${lines.join('\n')}\n${indent.repeat(depth)}}`;
}
