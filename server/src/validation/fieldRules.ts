// The server's own rules, which JSON Schema cannot say: read-only fields set in a file, literal secrets, and keys
// unknown to a schema that lists its properties without forbidding others (Polytomic's top-level schemas do that).
import type { JSONPath } from 'jsonc-parser';
import type { JsonSchema } from '../catalog/types';
import { isPlainObject } from '../catalog/dialect';
import { Code, type LiteralSecretData } from '../diagnostics/codes';
import { isReference } from '../util/references';
import { envNameFor, isSecretName } from '../util/secretNames';
import { fieldLabel } from './messages';
import { itemSchema, listsPropertiesOnly, propertySchema } from './schemaNavigation';
import { unknownFieldProblem } from './errorMapping';
import type { Problem } from './problem';

export interface FieldRuleOptions {
  readOnly: boolean;
  secrets: boolean;
  unknownFields: boolean;
  /** Descend into nested objects and arrays (false: the top-level keys only). */
  deep: boolean;
  /** The connection type, for the environment variable name a literal secret should move to. */
  connectionType?: string;
}

const MAX_DEPTH = 32;

export function checkFieldRules(value: unknown, schema: JsonSchema | undefined, basePath: JSONPath, options: FieldRuleOptions): Problem[] {
  const problems: Problem[] = [];
  walk(value, schema, basePath, false, 0);
  return problems;

  function walk(node: unknown, nodeSchema: JsonSchema | undefined, path: JSONPath, underAuth: boolean, depth: number): void {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(node)) {
      const items = itemSchema(nodeSchema);
      node.forEach((item, i) => walk(item, items, [...path, i], underAuth, depth + 1));
      return;
    }
    if (!isPlainObject(node)) return;
    const checkUnknown = options.unknownFields && listsPropertiesOnly(nodeSchema);
    for (const [key, child] of Object.entries(node)) {
      const childPath = [...path, key];
      const childSchema = propertySchema(nodeSchema, key);
      if (checkUnknown && !childSchema) problems.push(unknownFieldProblem(childPath, key, nodeSchema, node));
      if (options.readOnly && childSchema?.readOnly === true) {
        problems.push({
          code: Code.readOnly,
          severity: 'warning',
          message: `${fieldLabel(childPath)} is read-only: the server fills it in; remove it`,
          path: childPath,
          target: 'key',
        });
      }
      if (options.secrets && isLiteralSecret(key, child, childSchema, underAuth)) problems.push(secretProblem(childPath));
      if (options.deep) walk(child, childSchema, childPath, underAuth || key.toLowerCase() === 'auth', depth + 1);
    }
  }

  function secretProblem(path: JSONPath): Problem {
    const keys = path.slice(basePath.length).filter((k): k is string => typeof k === 'string');
    const reference = `\${env:${envNameFor(options.connectionType, keys)}}`;
    const data: LiteralSecretData = { reference };
    return {
      code: Code.literalSecret,
      severity: 'warning',
      message: `${fieldLabel(path)} holds a literal secret; keep secrets out of files that get committed: use ${reference} (read from the environment) or a \${secret:NAME} reference`,
      path,
      target: 'value',
      data,
    };
  }
}

/**
 * A non-empty string that is not a reference, in a field the schema marks sensitive or whose name is plainly a secret;
 * under `auth`, a `value` is a secret too (the header or query parameter that carries the credential).
 */
function isLiteralSecret(key: string, value: unknown, schema: JsonSchema | undefined, underAuth: boolean): boolean {
  if (typeof value !== 'string' || value.trim() === '' || isReference(value)) return false;
  return schema?.sensitive === true || isSecretName(key) || (underAuth && key === 'value');
}
