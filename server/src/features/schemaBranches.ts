// Which parts of a schema apply at one place in the document: follows local $ref/$defs, allOf, and picks the
// if/then/else and oneOf/anyOf branches that match the document's current values there, offering the union of the
// branches while the values do not decide yet (the user is still typing the discriminator).
import type { Node } from 'jsonc-parser';
import type { JsonSchema } from '../catalog/types';
import { enumEntries, isObject, schemaTypes } from './schemaFields';

const MAX_DEPTH = 24;

/**
 * The target of a `$ref` into the same schema: local (`#/$defs/x`, `#`), or naming the root by its `$id` (a URN, or a
 * path relative to it, as `connection.json#/$defs/x`); undefined for anything else.
 */
export function refTarget(schema: JsonSchema, root: JsonSchema): JsonSchema | undefined {
  if (typeof schema.$ref !== 'string') return undefined;
  const pointer = localPointer(schema.$ref, typeof root.$id === 'string' ? root.$id : undefined);
  return pointer === undefined ? undefined : resolvePointer(root, pointer);
}

/** `#...` of a reference that resolves to the root itself against its `$id`. */
function localPointer(ref: string, rootId: string | undefined): string | undefined {
  if (ref.startsWith('#')) return ref;
  if (rootId === undefined) return undefined;
  const hash = ref.indexOf('#');
  const base = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '#' : ref.slice(hash);
  const withoutFragment = (uri: string) => uri.replace(/#.*$/, '');
  if (base === withoutFragment(rootId)) return fragment;
  try {
    return new URL(base, rootId).href === new URL(withoutFragment(rootId)).href ? fragment : undefined;
  } catch {
    return undefined; // not a URL the root's $id can resolve against
  }
}

function resolvePointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let target: unknown = root;
  for (const raw of ref.slice(1).split('/').filter((s) => s !== '')) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(target)) return undefined;
    target = target[segment];
  }
  return isObject(target) ? (target as JsonSchema) : undefined;
}

/**
 * How to pick branches. `editing` (the default): a condition on a property that is still absent is undecided and both
 * branches apply, and every fitting oneOf/anyOf branch applies. `exact`: JSON Schema's own reading (an absent property
 * satisfies a condition on it) and only the first fitting oneOf/anyOf branch, for generating a value that validates.
 */
export type BranchMode = 'editing' | 'exact';

/** The schemas that apply to the value `node` (undefined while absent), flattened; combinators are expanded. */
export function applicableFacets(schema: JsonSchema, root: JsonSchema, node: Node | undefined, mode: BranchMode = 'editing', depth = 0): JsonSchema[] {
  if (depth > MAX_DEPTH || !isObject(schema)) return [];
  const { allOf, anyOf, oneOf, if: ifSchema, then: thenSchema, else: elseSchema, $ref: _ref, ...own } = schema;
  const facets: JsonSchema[] = [own];
  const target = refTarget(schema, root);
  if (target) facets.push(...applicableFacets(target, root, node, mode, depth + 1));
  for (const sub of asSchemaList(allOf)) facets.push(...applicableFacets(sub, root, node, mode, depth + 1));
  for (const list of [anyOf, oneOf]) {
    for (const sub of chooseBranches(asSchemaList(list), root, node, mode)) facets.push(...applicableFacets(sub, root, node, mode, depth + 1));
  }
  if (isObject(ifSchema)) {
    const decision = decideCondition(ifSchema as JsonSchema, root, node, mode);
    if (decision !== false && isObject(thenSchema)) facets.push(...applicableFacets(thenSchema as JsonSchema, root, node, mode, depth + 1));
    if (decision !== true && isObject(elseSchema)) facets.push(...applicableFacets(elseSchema as JsonSchema, root, node, mode, depth + 1));
  }
  return facets;
}

/** Combines facets into one schema: the first facet to set a keyword wins, `properties` merge per key, `required` unites. */
export function mergeFacets(facets: JsonSchema[]): JsonSchema {
  if (facets.length === 1) return facets[0];
  const merged: JsonSchema = {};
  const properties: Record<string, JsonSchema[]> = {};
  const required = new Set<string>();
  for (const facet of facets) {
    for (const [keyword, value] of Object.entries(facet)) {
      if (keyword === 'properties' && isObject(value)) {
        for (const [name, sub] of Object.entries(value)) (properties[name] ??= []).push(sub as JsonSchema);
      } else if (keyword === 'required' && Array.isArray(value)) {
        for (const name of value) if (typeof name === 'string') required.add(name);
      } else if (merged[keyword] === undefined) {
        merged[keyword] = value;
      }
    }
  }
  if (Object.keys(properties).length > 0) {
    merged.properties = Object.fromEntries(Object.entries(properties).map(([name, subs]) => [name, subs.length === 1 ? subs[0] : { allOf: subs }]));
  }
  if (required.size > 0) merged.required = [...required];
  return merged;
}

/** The branches of a oneOf/anyOf that do not contradict the current value; all of them when none or every one fits. */
function chooseBranches(branches: JsonSchema[], root: JsonSchema, node: Node | undefined, mode: BranchMode): JsonSchema[] {
  if (branches.length < 2) return branches;
  const fitting = node ? branches.filter((branch) => !contradicts(branch, root, node, 0)) : branches;
  if (mode === 'exact') return [fitting[0] ?? branches[0]];
  return fitting.length === 0 ? branches : fitting;
}

/**
 * true/false when the `if` schema can be decided on the current value; undefined while a property it looks at is
 * still absent (then both branches apply).
 */
function decideCondition(ifSchema: JsonSchema, root: JsonSchema, node: Node | undefined, mode: BranchMode): boolean | undefined {
  if (!node) return mode === 'exact' ? true : undefined;
  if (mode === 'exact') {
    if (node.type === 'object' && stringList(ifSchema.required).some((key) => !propertyValue(node, key))) return false;
  } else if (node.type === 'object') {
    const looked = new Set<string>([...Object.keys(isObject(ifSchema.properties) ? ifSchema.properties : {}), ...stringList(ifSchema.required)]);
    for (const key of looked) if (!propertyValue(node, key)) return undefined;
  }
  return !contradicts(ifSchema, root, node, 0);
}

/** A light check: does the value plainly violate type, const, enum or (recursively) a present property's schema? */
function contradicts(schema: JsonSchema, root: JsonSchema, node: Node, depth: number): boolean {
  if (depth > MAX_DEPTH || !isObject(schema)) return false;
  const target = refTarget(schema, root);
  if (target && contradicts(target, root, node, depth + 1)) return true;
  const types = typeof schema.type === 'string' || Array.isArray(schema.type) ? schemaTypes(schema) : [];
  if (types.length > 0 && !types.some((t) => nodeHasType(node, t))) return true;
  const allowed = enumEntries(schema);
  if (allowed.length > 0 && isScalar(node) && !allowed.some((entry) => entry.value === node.value)) return true;
  if (node.type === 'object') {
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const [key, sub] of Object.entries(properties)) {
      const child = propertyValue(node, key);
      if (child && contradicts(sub as JsonSchema, root, child, depth + 1)) return true;
    }
  }
  for (const sub of asSchemaList(schema.allOf)) if (contradicts(sub, root, node, depth + 1)) return true;
  for (const list of [schema.anyOf, schema.oneOf]) {
    const branches = asSchemaList(list);
    if (branches.length > 0 && branches.every((sub) => contradicts(sub, root, node, depth + 1))) return true;
  }
  return false;
}

function nodeHasType(node: Node, type: string): boolean {
  switch (type) {
    case 'integer':
      return node.type === 'number' && Number.isInteger(node.value);
    case 'number':
    case 'string':
    case 'boolean':
    case 'object':
    case 'array':
    case 'null':
      return node.type === type;
    default:
      return true;
  }
}

function isScalar(node: Node): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null';
}

/** The value node of `key` in an object node (the last one when duplicated, as JSON.parse would). */
export function propertyValue(node: Node | undefined, key: string): Node | undefined {
  if (!node || node.type !== 'object' || !node.children) return undefined;
  let found: Node | undefined;
  for (const property of node.children) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode?.value === key && valueNode) found = valueNode;
  }
  return found;
}

/** The node one path segment below `node`. */
export function childNode(node: Node | undefined, segment: string | number): Node | undefined {
  if (typeof segment === 'string') return propertyValue(node, segment);
  return node?.type === 'array' ? node.children?.[segment] : undefined;
}

function asSchemaList(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isObject).map((s) => s as JsonSchema) : [];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
