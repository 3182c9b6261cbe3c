// Checks a connection document's plain value: the envelope, the `type`, then `configuration` against the type's schema,
// with compiled validators, then the server's own field rules. Positions are not computed here (see toDiagnostics).
import type { JSONPath } from 'jsonc-parser';
import type { JsonSchema } from '../catalog/types';
import type { FolderCatalog } from '../catalog/folderCatalog';
import { isPlainObject } from '../catalog/dialect';
import { Code, type SuggestionData } from '../diagnostics/codes';
import { nearest } from '../util/nearest';
import { mapAjvErrors } from './errorMapping';
import { emptyRequiredProblems } from './emptyRequired';
import { checkFieldRules, checkFieldRulesOf, type FieldRuleOptions } from './fieldRules';
import type { ValidatorCache } from './validators';
import { runValidator } from './runValidator';
import { skippedPatternProblems } from './skippedPatterns';
import type { Problem } from './problem';

export interface CheckerDependencies {
  catalog: FolderCatalog;
  validators: ValidatorCache;
}

export function checkValue(value: unknown, dependencies: CheckerDependencies): Problem[] {
  const checked = checkValueInParts(value, dependencies);
  return [...checked.problems, ...checked.configurationRules];
}

/** What a check found, with the field rules of `configuration` apart: an edit of one string value can reuse them. */
export interface CheckedValue {
  /** Everything else: the envelope, the type, the schema check of `configuration`. */
  problems: Problem[];
  configurationRules: Problem[];
  /** The schema those rules followed, and the connection type; undefined when they did not run. */
  rulesSchema?: JsonSchema;
  type?: string;
}

/**
 * `reuse`: the previous check of the same document, whose only change since is the string value at `editedPath`:
 * the rules of `configuration` are then run again for the object holding that value alone.
 */
export function checkValueInParts(value: unknown, dependencies: CheckerDependencies, reuse?: { previous: CheckedValue; editedPath: JSONPath }): CheckedValue {
  const problems: Problem[] = [];
  const checked = checkAllButRules(value, dependencies, problems);
  if (!checked) return { problems, configurationRules: [] };
  const { configuration, schema, type } = checked;
  const previous = reuse?.previous;
  if (previous && previous.rulesSchema === schema && previous.type === type && reuse.editedPath[0] !== 'configuration') {
    return { problems, configurationRules: previous.configurationRules, rulesSchema: schema, type };
  }
  if (previous && previous.rulesSchema === schema && previous.type === type && reuse.editedPath.length >= 2) {
    const objectPath = reuse.editedPath.slice(1, -1);
    const depth = objectPath.length + 2; // the direct keys of that object, configuration included
    const isOwnKey = (p: Problem) => p.path.length === depth && objectPath.every((segment, i) => p.path[i + 1] === segment);
    const kept = previous.configurationRules.filter((p) => !isOwnKey(p));
    const again = checkFieldRulesOf(configuration, schema, ['configuration'], objectPath, rulesOptions(type));
    return { problems, configurationRules: [...kept, ...again], rulesSchema: schema, type };
  }
  return { problems, configurationRules: checkFieldRules(configuration, schema, ['configuration'], rulesOptions(type)), rulesSchema: schema, type };
}

interface CheckedConfiguration {
  configuration: Record<string, unknown>;
  schema: JsonSchema;
  type: string;
}

/** Fills `problems`; returns what the field rules of `configuration` need when its schema check ran. */
function checkAllButRules(value: unknown, { catalog, validators }: CheckerDependencies, problems: Problem[]): CheckedConfiguration | undefined {
  if (value === undefined) return undefined; // nothing parsed: the syntax errors say why
  if (!isPlainObject(value)) {
    problems.push({ code: Code.wrongType, severity: 'error', message: 'a connection file must hold one JSON object', path: [], target: 'value' });
    return undefined;
  }
  const envelope = catalog.getEnvelopeSchema();
  const compiledEnvelope = validators.forEnvelope(catalog.generation, envelope);
  if ('validate' in compiledEnvelope) {
    const run = runValidator(compiledEnvelope.validate, value);
    if ('errors' in run) {
      problems.push(...mapAjvErrors(run.errors, { basePath: [], data: value, schema: envelope }));
      problems.push(...skippedPatternProblems(run.skipped, value, []));
    }
  }
  problems.push(...checkFieldRules(value, envelope, [], { unknownFields: true, readOnly: false, secrets: false, deep: false }));

  const type = value.type;
  if (typeof type !== 'string' || type === '') return undefined; // the envelope reports a missing or non-string type
  const catalogType = catalog.getType(type);
  if (!catalogType) {
    problems.push(unknownTypeProblem(type, catalog.listTypes().map((t) => t.id)));
    return undefined;
  }
  const schema = catalog.getConfigurationSchema(type);
  if (!schema) {
    problems.push(noSchemaProblem(type, catalog.getSchemaLoadError(type) ?? 'its schema file could not be read'));
    return undefined;
  }
  const configuration = value.configuration;
  if (!isPlainObject(configuration)) return undefined; // the envelope reports it
  const compiled = validators.forType(catalog.generation, type, schema);
  if ('error' in compiled) {
    problems.push(noSchemaProblem(type, `its schema cannot be compiled: ${compiled.error}`));
    return undefined;
  }
  const run = runValidator(compiled.validate, configuration);
  if ('endlessRecursion' in run) {
    problems.push(noSchemaProblem(type, 'its schema refers back to itself without end (a `$ref` loop that checks nothing on the way)'));
    return undefined;
  }
  problems.push(...mapAjvErrors(run.errors, { basePath: ['configuration'], data: configuration, schema }));
  problems.push(...skippedPatternProblems(run.skipped, configuration, ['configuration']));
  problems.push(...emptyRequiredProblems(configuration, schema));
  return { configuration, schema, type };
}

function rulesOptions(type: string): FieldRuleOptions {
  return { unknownFields: true, readOnly: true, secrets: true, deep: true, connectionType: type };
}

function unknownTypeProblem(type: string, knownIds: string[]): Problem {
  const suggestion = nearest(type, knownIds);
  const data: SuggestionData | undefined = suggestion ? { suggestion } : undefined;
  const message = suggestion
    ? `unknown connection type \`${type}\` (did you mean \`${suggestion}\`?)`
    : `unknown connection type \`${type}\`: no catalog lists it (sign in to load your organization's catalog, or check the spelling)`;
  return { code: Code.unknownType, severity: 'error', message, path: ['type'], target: 'value', data };
}

function noSchemaProblem(type: string, reason: string): Problem {
  return {
    code: Code.noSchema,
    severity: 'information',
    message: `no schema is available for connection type \`${type}\`, so its configuration is not checked: ${reason}`,
    path: ['type'],
    target: 'value',
  };
}
