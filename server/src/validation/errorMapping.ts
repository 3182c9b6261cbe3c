// Maps ajv's errors to Problems: plain-words messages, each on the smallest part of the document that explains it
// (the value for a wrong type, enum or format; the key for an unknown key; the enclosing object's key for a missing field).
import type { ErrorObject } from 'ajv';
import type { JSONPath } from 'jsonc-parser';
import type { JsonSchema } from '../catalog/types';
import { Code, type MissingRequiredData, type SuggestionData } from '../diagnostics/codes';
import { isReference } from '../util/references';
import { nearest } from '../util/nearest';
import { isPlainObject } from '../catalog/dialect';
import { selectBranches, type AmbiguousMatch, type DiscriminatorMismatch } from './branchSelection';
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
  const { errors: meant, mismatches, ambiguities } = selectBranches(errors);
  const problems: Problem[] = mismatches.map((m) => mismatchProblem(m, context));
  for (const ambiguity of ambiguities) problems.push(ambiguityProblem(ambiguity, context));
  const keyNameErrors = keyNameErrorKeys(meant);
  for (const error of meant) {
    if (STRING_CONTENT_KEYWORDS.has(error.keyword) && isReference(error.data)) continue;
    const problem = error.propertyName !== undefined || error.keyword === 'propertyNames' ? keyNameProblem(error, keyNameErrors, context) : mapError(error, context);
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

/** `instancePath` + key of every propertyNames failure that has an error of its own (its summary then says nothing more). */
function keyNameErrorKeys(errors: ErrorObject[]): Set<string> {
  const keys = new Set<string>();
  for (const error of errors) if (error.propertyName !== undefined) keys.add(`${error.instancePath}\u0000${error.propertyName}`);
  return keys;
}

/** A key that fails `propertyNames`: on the key itself, saying what is wrong with the name (ajv gives `propertyName`). */
function keyNameProblem(error: ErrorObject, explained: Set<string>, context: MappingContext): Problem | undefined {
  const key = error.propertyName ?? (error.params.propertyName as string | undefined);
  if (key === undefined) return undefined;
  if (error.propertyName === undefined && explained.has(`${error.instancePath}\u0000${key}`)) return undefined;
  const objectPath = [...context.basePath, ...toJsonPath(error.instancePath, context.data)];
  const path = [...objectPath, key];
  const parentSchema = error.parentSchema as JsonSchema | undefined;
  let phrase: string;
  switch (error.keyword) {
    case 'enum':
      phrase = `must be one of: ${allowedValuesPhrase(error.params.allowedValues as unknown[])}`;
      break;
    case 'const':
      phrase = `must be ${allowedValuesPhrase([error.params.allowedValue])}`;
      break;
    case 'format':
      phrase = `must be ${formatPhrase(String(error.params.format))}`;
      break;
    case 'type':
      phrase = `must be ${typePhrase(String(error.params.type))}`;
      break;
    case 'false schema':
    case 'propertyNames':
      phrase = 'is not an allowed name';
      break;
    default:
      phrase = constraintPhrase(error, parentSchema);
  }
  const where = fieldLabel(objectPath);
  return { code: Code.constraint, severity: 'error', message: `the key \`${key}\` in ${where} ${phrase}`, path, target: 'key' };
}

/** A oneOf that more than one branch matched: on the value, naming the branches (by title where they have one). */
function ambiguityProblem(ambiguity: AmbiguousMatch, context: MappingContext): Problem {
  const path = [...context.basePath, ...toJsonPath(ambiguity.instancePath, context.data)];
  const branches = Array.isArray(ambiguity.error.schema) ? (ambiguity.error.schema as unknown[]) : [];
  const names = ambiguity.passing.map((index) => {
    const branch = branches[index];
    const title = isPlainObject(branch) && typeof branch.title === 'string' ? ` (${branch.title})` : '';
    return `#${index + 1}${title}`;
  });
  const list = names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return {
    code: Code.ambiguousBranch,
    severity: 'warning',
    message: `${fieldLabel(path)} matches more than one of the schema's alternatives (oneOf branches ${list}), but must match exactly one: make it fit only one of them`,
    path,
    target: 'value',
  };
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
