// The server's own rules, which JSON Schema cannot say: read-only fields set in a file, literal secrets, and keys
// unknown to a schema that lists its properties without forbidding others (Polytomic's top-level schemas do that).
import type { JSONPath } from 'jsonc-parser';
import type { JsonSchema } from '../catalog/types';
import { isPlainObject } from '../catalog/dialect';
import { Code, type LiteralSecretData } from '../diagnostics/codes';
import { isReference } from '../util/references';
import { envNameFor, isSecretName } from '../util/secretNames';
import { fieldLabel } from './messages';
import { itemSchema, knownPropertyNames, listsPropertiesOnly, propertySchema } from './schemaNavigation';
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
  return fieldRulesFrom(value, schema, basePath, [], options);
}

/**
 * The rules of one object's own keys alone, not of what nests below them: what an edit of one of its string values
 * can change (a `value`'s verdict depends on its pair's `name`). `objectPath` is relative to `value`.
 */
export function checkFieldRulesOf(value: unknown, schema: JsonSchema | undefined, basePath: JSONPath, objectPath: JSONPath, options: FieldRuleOptions): Problem[] {
  return fieldRulesFrom(value, schema, basePath, objectPath, { ...options, deep: false });
}

function fieldRulesFrom(value: unknown, schema: JsonSchema | undefined, basePath: JSONPath, start: JSONPath, options: FieldRuleOptions): Problem[] {
  const problems: Problem[] = [];
  // One path array, pushed and popped along the walk; copied only for a problem.
  const path: JSONPath = [...basePath];
  // Down to `start` the way the walk would go: the schema, and whether an `auth` key lies above.
  let node = value;
  let nodeSchema = schema;
  let underAuth = false;
  for (const segment of start) {
    if (typeof segment === 'number') {
      node = Array.isArray(node) ? node[segment] : undefined;
      nodeSchema = itemSchema(nodeSchema);
    } else {
      node = isPlainObject(node) ? node[segment] : undefined;
      nodeSchema = propertySchema(nodeSchema, segment);
      underAuth ||= segment.toLowerCase() === 'auth';
    }
    path.push(segment);
  }
  walk(node, nodeSchema, underAuth, start.length);
  return problems;

  function walk(node: unknown, nodeSchema: JsonSchema | undefined, underAuth: boolean, depth: number): void {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(node)) {
      const items = itemSchema(nodeSchema);
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i], items, underAuth, depth + 1);
        path.pop();
      }
      return;
    }
    if (!isPlainObject(node)) return;
    const checkUnknown = options.unknownFields && listsPropertiesOnly(nodeSchema);
    for (const key in node) {
      if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
      const child = node[key];
      const childSchema = propertySchema(nodeSchema, key);
      path.push(key);
      if (checkUnknown && !childSchema && !knownPropertyNames(nodeSchema).has(key)) problems.push(unknownFieldProblem([...path], key, nodeSchema, node));
      const readOnly = options.readOnly && childSchema?.readOnly === true;
      if (readOnly) {
        problems.push({
          code: Code.readOnly,
          severity: 'warning',
          message: `${fieldLabel(path)} is read-only: the server fills it in; remove it`,
          path: [...path],
          target: 'key',
        });
      }
      // A read-only field is to be removed, secret or not: telling the user to move its value would contradict that.
      if (options.secrets && !readOnly && typeof child === 'string') {
        // The pair's name matters only for a literal `value` (isLiteralSecret is false for any other string).
        const credentialName = key === 'value' && isLiteralString(child) ? credentialPairName(node) : undefined;
        if (isLiteralSecret(key, child, childSchema, underAuth || credentialName !== undefined)) {
          problems.push(secretProblem([...path], credentialName));
        }
      }
      if (options.deep && typeof child === 'object' && child !== null) walk(child, childSchema, underAuth || key.toLowerCase() === 'auth', depth + 1);
      path.pop();
    }
  }

  /** `valueName` names a `value` by its pair's `name` (a header called Authorization -> ..._HEADERS_AUTHORIZATION). */
  function secretProblem(problemPath: JSONPath, valueName?: string): Problem {
    const keys = problemPath.slice(basePath.length).filter((k): k is string => typeof k === 'string');
    if (valueName) keys[keys.length - 1] = valueName;
    const reference = `\${env:${envNameFor(options.connectionType, keys)}}`;
    const data: LiteralSecretData = { reference };
    return {
      code: Code.literalSecret,
      severity: 'warning',
      message: `${fieldLabel(problemPath)} holds a literal secret; keep secrets out of files that get committed: use ${reference} (read from the environment) or a \${secret:NAME} reference`,
      path: problemPath,
      target: 'value',
      data,
    };
  }
}

/** Header names that carry a credential although no word of theirs says "secret". */
const CREDENTIAL_HEADERS = /^(proxy-)?authorization$|^cookie$/i;

/** The `name` of a name/value pair whose value is a credential (a header `Authorization`, a parameter `api_key`). */
function credentialPairName(node: Record<string, unknown>): string | undefined {
  const name = node.name;
  if (typeof name !== 'string' || !('value' in node)) return undefined;
  // Only authorization, proxy-authorization and cookie can match CREDENTIAL_HEADERS: their lengths spare the regex.
  const headerLength = name.length === 13 || name.length === 19 || name.length === 6;
  return (headerLength && CREDENTIAL_HEADERS.test(name)) || isSecretName(name) ? name : undefined;
}

/**
 * A non-empty string that is not a reference, in a field the schema marks sensitive or whose name is plainly a secret;
 * a `value` is a secret too under `auth` or when its pair's `name` is a credential (see credentialPairName).
 */
function isLiteralSecret(key: string, value: unknown, schema: JsonSchema | undefined, valueIsCredential: boolean): boolean {
  if (typeof value !== 'string') return false;
  if (!(schema?.sensitive === true || (valueIsCredential && key === 'value') || isSecretKey(key))) return false;
  return isLiteralString(value);
}

/** Keys repeat across a document (every pair has `name` and `value`): each key's verdict is looked up, not judged again. */
const keyVerdicts = new Map<string, boolean>();
const MAX_KEYS_REMEMBERED = 10_000;

function isSecretKey(key: string): boolean {
  let verdict = keyVerdicts.get(key);
  if (verdict === undefined) {
    verdict = isSecretName(key);
    if (keyVerdicts.size >= MAX_KEYS_REMEMBERED) keyVerdicts.clear();
    keyVerdicts.set(key, verdict);
  }
  return verdict;
}

/** A string that holds something and is not a `${env:...}`/`${secret:...}` reference. */
function isLiteralString(value: string): boolean {
  // A reference starts with `${`: other strings need no pattern match.
  return value.trim() !== '' && (value.charCodeAt(0) !== DOLLAR || !isReference(value));
}

const DOLLAR = 36;
