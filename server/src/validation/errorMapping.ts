// Maps ajv's errors to Problems: plain-words messages, each on the smallest part of the document that explains it
// (the value for a wrong type, enum or format; the key for an unknown key; the enclosing object's key for a missing field).
import type { ErrorObject } from 'ajv';
import type { JSONPath } from 'jsonc-parser';
import type { JsonSchema } from '../catalog/types';
import { Code, type MissingRequiredData, type SuggestionData } from '../diagnostics/codes';
import { isReference } from '../util/references';
import { nearest } from '../util/nearest';
import { isPlainObject } from '../catalog/dialect';
import { selectBranches, type DiscriminatorMismatch } from './branchSelection';
import { allowedValuesPhrase, fieldLabel, formatPhrase, typePhrase } from './messages';
import { initialValue, knownPropertyNames, propertySchema } from './schemaNavigation';
import type { Problem } from './problem';

/** Keywords that constrain a string's content: a ${env:}/${secret:} reference stands for a value checked later. */
const STRING_CONTENT_KEYWORDS = new Set(['format', 'enum', 'const', 'pattern', 'minLength', 'maxLength']);

export interface MappingContext {
  /** Path of the validated value inside the document ([] for the envelope, ['configuration'] for a type's schema). */
  basePath: JSONPath;
  /** The validated value. */
  data: unknown;
  /** The schema it was validated against (for the schema of a missing field). */
  schema: JsonSchema;
}

export function mapAjvErrors(errors: ErrorObject[], context: MappingContext): Problem[] {
  const { errors: meant, mismatches } = selectBranches(errors);
  const problems: Problem[] = mismatches.map((m) => mismatchProblem(m, context));
  for (const error of meant) {
    if (STRING_CONTENT_KEYWORDS.has(error.keyword) && isReference(error.data)) continue;
    const problem = mapError(error, context);
    if (problem) problems.push(problem);
  }
  return dedupe(problems);
}

/** "/auth/0/name" -> ['auth', 0, 'name'], numbers only where the data holds an array. */
export function toJsonPath(instancePath: string, data: unknown): JSONPath {
  if (instancePath === '') return [];
  const path: JSONPath = [];
  let node = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(segment);
      path.push(index);
      node = node[index];
    } else {
      path.push(segment);
      node = isPlainObject(node) ? node[segment] : undefined;
    }
  }
  return path;
}

function mapError(error: ErrorObject, context: MappingContext): Problem | undefined {
  const local = toJsonPath(error.instancePath, context.data);
  const path = [...context.basePath, ...local];
  const label = fieldLabel(path);
  const parentSchema = error.parentSchema as JsonSchema | undefined;
  switch (error.keyword) {
    case 'required': {
      const field = String(error.params.missingProperty);
      const fieldSchema = propertySchema(parentSchema, field) ?? propertySchema(schemaAt(context.schema, local), field);
      const data: MissingRequiredData = { objectPath: path, field, value: initialValue(fieldSchema) };
      return { code: Code.missingRequired, severity: 'error', message: `missing required field \`${field}\` in ${label}`, path, target: 'key', data };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(error.params.additionalProperty ?? error.params.unevaluatedProperty);
      return unknownFieldProblem([...path, key], key, parentSchema, error.data);
    }
    case 'type':
      return { code: Code.wrongType, severity: 'error', message: `${label} must be ${typePhrase(String(error.params.type))}`, path, target: 'value' };
    case 'enum': {
      const labels = parentSchema?.['x-enum-labels'];
      const allowed = allowedValuesPhrase(error.params.allowedValues as unknown[], Array.isArray(labels) ? labels : undefined);
      return { code: Code.enum, severity: 'error', message: `${label} must be one of: ${allowed}`, path, target: 'value' };
    }
    case 'const':
      return { code: Code.enum, severity: 'error', message: `${label} must be ${allowedValuesPhrase([error.params.allowedValue])}`, path, target: 'value' };
    case 'format':
      return { code: Code.format, severity: 'error', message: `${label} must be ${formatPhrase(String(error.params.format))}`, path, target: 'value' };
    default:
      return { code: Code.constraint, severity: 'error', message: `${label} ${constraintPhrase(error, parentSchema)}`, path, target: 'value' };
  }
}

/** Plain words for the other keywords; ajv's own message as the last resort. */
function constraintPhrase(error: ErrorObject, parentSchema: JsonSchema | undefined): string {
  const limit = error.params.limit as number;
  switch (error.keyword) {
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`;
    case 'maxLength':
      return `must be at most ${limit} characters long`;
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    case 'exclusiveMinimum':
      return `must be greater than ${limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${limit}`;
    case 'minItems':
      return `must list at least ${limit} item${limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `must list at most ${limit} item${limit === 1 ? '' : 's'}`;
    case 'uniqueItems':
      return `must not list the same item twice (items ${error.params.j} and ${error.params.i} are equal)`;
    case 'pattern': {
      const example = Array.isArray(parentSchema?.examples) ? parentSchema.examples.find((e) => typeof e === 'string') : undefined;
      return example !== undefined ? `is not in the expected form, such as ${example}` : `must match the pattern ${String(error.params.pattern)}`;
    }
    default:
      return error.message ?? 'is not valid';
  }
}

/** An unknown key: a warning on the key, with the nearest declared key that the object does not already have. */
export function unknownFieldProblem(path: JSONPath, key: string, objectSchema: JsonSchema | undefined, objectValue: unknown): Problem {
  const present = isPlainObject(objectValue) ? new Set(Object.keys(objectValue)) : new Set<string>();
  const candidates = [...knownPropertyNames(objectSchema)].filter((k) => !present.has(k));
  const suggestion = nearest(key, candidates);
  const where = fieldLabel(path.slice(0, -1));
  const message = `unknown field \`${key}\` in ${where}` + (suggestion ? ` (did you mean \`${suggestion}\`?)` : '');
  const data: SuggestionData | undefined = suggestion ? { suggestion } : undefined;
  return { code: Code.unknownField, severity: 'warning', message, path, target: 'key', data };
}

function mismatchProblem(mismatch: DiscriminatorMismatch, context: MappingContext): Problem {
  const path = [...context.basePath, ...toJsonPath(mismatch.instancePath, context.data)];
  const label = fieldLabel(path);
  if (mismatch.kind === 'type') {
    return { code: Code.wrongType, severity: 'error', message: `${label} must be ${typePhrase(mismatch.allowed.map(String))}`, path, target: 'value' };
  }
  const labels = (mismatch.error.parentSchema as JsonSchema | undefined)?.['x-enum-labels'];
  const allowed = allowedValuesPhrase(mismatch.allowed, mismatch.allowed.length === labels?.length ? labels : undefined);
  return { code: Code.enum, severity: 'error', message: `${label} must be one of: ${allowed}`, path, target: 'value' };
}

/** The schema of the value at a local path, following properties and items (for a field declared outside `required`'s schema). */
function schemaAt(schema: JsonSchema, path: JSONPath): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    current = typeof segment === 'number' ? (isPlainObject(current.items) ? current.items : undefined) : propertySchema(current, segment);
  }
  return current;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}\u0000${p.path.join('\u0000')}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
