// Reading a normalised schema the way the document uses it: the schema of a property or an array item,
// looking through the branches (allOf, anyOf, oneOf, then, else) where real-world schemas put them.
import type { JsonSchema } from '../catalog/types';
import { isPlainObject } from '../catalog/dialect';

const BRANCH_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const BRANCH_SINGLES = ['then', 'else'] as const;

/** The schema of a property declared `true`: anything goes, and the key is known. */
const ANY_VALUE: JsonSchema = Object.freeze({}) as JsonSchema;

/** The subschemas whose properties apply to the value: combinator branches, then/else, and dependentSchemas. */
function branches(schema: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const keyword of BRANCH_LISTS) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const sub of list) if (isPlainObject(sub)) out.push(sub as JsonSchema);
  }
  for (const keyword of BRANCH_SINGLES) {
    const sub = schema[keyword];
    if (isPlainObject(sub)) out.push(sub as JsonSchema);
  }
  const dependent = schema.dependentSchemas;
  if (isPlainObject(dependent)) for (const sub of Object.values(dependent)) if (isPlainObject(sub)) out.push(sub as JsonSchema);
  return out;
}

/**
 * Every subschema that may name a key, for telling a known key from a typo: the branches, and also `if` and `not`,
 * whose properties describe values the validator accepts although they say nothing about their shape.
 */
function declaringSchemas(schema: JsonSchema): JsonSchema[] {
  const out = branches(schema);
  for (const keyword of ['if', 'not'] as const) {
    const sub = schema[keyword];
    if (isPlainObject(sub)) out.push(sub as JsonSchema);
  }
  return out;
}

/** `properties[key]` when the schema itself declares it (not through Object.prototype: `constructor`, `__proto__`). */
function ownProperty(schema: JsonSchema, key: string): JsonSchema | undefined {
  const properties = schema.properties;
  if (!isPlainObject(properties) || !Object.prototype.hasOwnProperty.call(properties, key)) return undefined;
  const declared: unknown = properties[key];
  if (declared === true) return ANY_VALUE;
  return isPlainObject(declared) ? (declared as JsonSchema) : undefined;
}

/** The schema of property `key`, from `properties` or from a branch; undefined when no part of the schema declares it. */
export function propertySchema(schema: JsonSchema | undefined, key: string, depth = 0): JsonSchema | undefined {
  if (!schema || depth > 8) return undefined;
  const direct = ownProperty(schema, key);
  if (direct) return direct;
  for (const branch of branches(schema)) {
    const found = propertySchema(branch, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function itemSchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  return schema && isPlainObject(schema.items) ? schema.items : undefined;
}

/** Per schema object: the names it declares (computed once; a large document meets the same schema thousands of times). */
const knownNamesCache = new WeakMap<JsonSchema, ReadonlySet<string>>();

/** Every property name the schema declares anywhere the validator would accept it: branches, if, not, dependentSchemas. */
export function knownPropertyNames(schema: JsonSchema | undefined): ReadonlySet<string> {
  if (!schema) return new Set();
  let names = knownNamesCache.get(schema);
  if (!names) {
    names = collectNames(schema, new Set(), 0);
    knownNamesCache.set(schema, names);
  }
  return names;
}

function collectNames(schema: JsonSchema, into: Set<string>, depth: number): Set<string> {
  if (depth > 8) return into;
  if (isPlainObject(schema.properties)) for (const key of Object.keys(schema.properties)) into.add(key);
  for (const sub of declaringSchemas(schema)) collectNames(sub, into, depth + 1);
  return into;
}

/**
 * True when the schema lists its properties and says nothing about others, so an unlisted key is most likely a typo.
 * A schema that pulls in parts by $ref may declare more than this reading sees, so it never counts; nor does one with a
 * branch that admits other keys (its own additionalProperties or patternProperties).
 */
export function listsPropertiesOnly(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  let lists = listsOnlyCache.get(schema);
  if (lists === undefined) {
    lists = !admitsOtherKeys(schema) && knownPropertyNames(schema).size > 0 && !usesReference(schema, 0);
    listsOnlyCache.set(schema, lists);
  }
  return lists;
}

/** Per schema object, like knownNamesCache: the field rules ask for every object of the document. */
const listsOnlyCache = new WeakMap<JsonSchema, boolean>();

function admitsOtherKeys(schema: JsonSchema, depth = 0): boolean {
  if (schema.additionalProperties !== undefined || schema.patternProperties !== undefined || schema.unevaluatedProperties !== undefined) {
    return depth === 0 || schema.additionalProperties !== false || schema.patternProperties !== undefined;
  }
  return depth < 8 && branches(schema).some((branch) => admitsOtherKeys(branch, depth + 1));
}

function usesReference(schema: JsonSchema, depth: number): boolean {
  if (schema.$ref !== undefined || schema.$dynamicRef !== undefined) return true;
  return depth < 8 && declaringSchemas(schema).some((branch) => usesReference(branch, depth + 1));
}

function firstType(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/** The value a new field starts with: its default, else its first allowed value, else an empty value of its type. */
export function initialValue(schema: JsonSchema | undefined): unknown {
  if (!schema) return '';
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  // A string with a format: an empty string would fail it, an example of the schema's own does not.
  if (schema.format && Array.isArray(schema.examples) && typeof schema.examples[0] === 'string') return schema.examples[0];
  if (schema.format === 'json') return '{}';
  switch (firstType(schema)) {
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    case 'null':
      return null;
    default:
      return '';
  }
}
