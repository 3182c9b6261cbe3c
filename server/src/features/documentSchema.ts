// Which schema applies where in a connection file: the envelope at the top level, the type's configuration schema
// (chosen by the document's `type`) inside `configuration`, and below that whatever properties/items lead to.
import type { Node } from 'jsonc-parser';
import type { Catalog, JsonSchema } from '../catalog/types';
import { applicableFacets, childNode, mergeFacets, propertyValue } from './schemaBranches';
import { isObject } from './schemaFields';
import { compileLinear } from '../validation/linearRegExp';

export type JsonPath = (string | number)[];

export interface PropertySchema {
  schema: JsonSchema;
  required: boolean;
}

export class DocumentSchema {
  /** The document's `type` when it is a string. */
  readonly typeId: string | undefined;

  constructor(
    readonly catalog: Catalog,
    readonly root: Node | undefined,
  ) {
    const typeNode = propertyValue(root, 'type');
    this.typeId = typeNode?.type === 'string' ? (typeNode.value as string) : undefined;
  }

  /** The known type's configuration schema, if the document names one. */
  configurationSchema(): JsonSchema | undefined {
    return this.typeId === undefined ? undefined : this.catalog.getConfigurationSchema(this.typeId);
  }

  /** The merged schema of the value at `path` (an object, array or scalar location); undefined where nothing is known. */
  schemaAt(path: JsonPath): JsonSchema | undefined {
    let root = this.catalog.getEnvelopeSchema();
    let schema: JsonSchema | undefined = root;
    let node = this.root;
    let rest = path;
    const configuration = this.configurationSchema();
    if (path[0] === 'configuration' && configuration) {
      root = configuration;
      schema = configuration;
      node = propertyValue(this.root, 'configuration');
      rest = path.slice(1);
    }
    for (const segment of rest) {
      const merged = mergeFacets(applicableFacets(schema, root, node));
      schema = subschema(merged, segment);
      if (!schema) return undefined;
      node = childNode(node, segment);
    }
    return mergeFacets(applicableFacets(schema, root, node));
  }

  /** The schema of property `key` of the object at `objectPath`, and whether that object requires it. */
  propertyAt(objectPath: JsonPath, key: string): PropertySchema | undefined {
    const parent = this.schemaAt(objectPath);
    if (!parent) return undefined;
    const schema = this.schemaAt([...objectPath, key]);
    if (!schema) return undefined;
    return { schema, required: Array.isArray(parent.required) && parent.required.includes(key) };
  }
}

/** The field's path below `configuration` (what env variable names are built from), or its full path elsewhere. */
export function configurationPath(objectPath: JsonPath, key: string | number): JsonPath {
  const path = [...objectPath, key];
  return path[0] === 'configuration' ? path.slice(1) : path;
}

/** The schema one segment below: a named property (or a matching pattern/additional property), or an array item. */
function subschema(schema: JsonSchema, segment: string | number): JsonSchema | undefined {
  if (typeof segment === 'string') {
    const named = schema.properties?.[segment];
    if (isObject(named)) return named;
    if (isObject(schema.patternProperties)) {
      for (const [pattern, sub] of Object.entries(schema.patternProperties)) {
        if (isObject(sub) && matchesLinear(pattern, segment)) return sub as JsonSchema;
      }
    }
    return isObject(schema.additionalProperties) ? (schema.additionalProperties as JsonSchema) : undefined;
  }
  const tuple = schema.prefixItems;
  if (Array.isArray(tuple) && segment < tuple.length && isObject(tuple[segment])) return tuple[segment] as JsonSchema;
  return isObject(schema.items) ? schema.items : undefined;
}

/** patternProperties keys run on the linear-time engine, like the validator's; one it cannot run matches nothing here. */
function matchesLinear(pattern: string, key: string): boolean {
  const compiled = compiledPatterns.get(pattern) ?? compileLinear(pattern);
  if (compiledPatterns.size >= MAX_PATTERNS_REMEMBERED) compiledPatterns.clear();
  compiledPatterns.set(pattern, compiled);
  return 'test' in compiled && compiled.test(key);
}

const compiledPatterns = new Map<string, ReturnType<typeof compileLinear>>();
const MAX_PATTERNS_REMEMBERED = 1_000;
