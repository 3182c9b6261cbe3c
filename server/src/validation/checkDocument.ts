// Checks a connection document's plain value: the envelope, the `type`, then `configuration` against the type's schema,
// with compiled validators, then the server's own field rules. Positions are not computed here (see toDiagnostics).
import type { JsonSchema } from '../catalog/types';
import type { FolderCatalog } from '../catalog/folderCatalog';
import { isPlainObject } from '../catalog/dialect';
import { Code, type SuggestionData } from '../diagnostics/codes';
import { nearest } from '../util/nearest';
import { mapAjvErrors } from './errorMapping';
import { checkFieldRules } from './fieldRules';
import type { ValidatorCache } from './validators';
import { runValidator } from './runValidator';
import { skippedPatternProblems } from './skippedPatterns';
import type { Problem } from './problem';

export interface CheckerDependencies {
  catalog: FolderCatalog;
  validators: ValidatorCache;
}

export function checkValue(value: unknown, { catalog, validators }: CheckerDependencies): Problem[] {
  if (value === undefined) return []; // nothing parsed: the syntax errors say why
  if (!isPlainObject(value)) {
    return [{ code: Code.wrongType, severity: 'error', message: 'a connection file must hold one JSON object', path: [], target: 'value' }];
  }
  const problems: Problem[] = [];
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
  if (typeof type !== 'string' || type === '') return problems; // the envelope reports a missing or non-string type
  const catalogType = catalog.getType(type);
  if (!catalogType) {
    problems.push(unknownTypeProblem(type, catalog.listTypes().map((t) => t.id)));
    return problems;
  }
  const schema = catalog.getConfigurationSchema(type);
  if (!schema) {
    problems.push(noSchemaProblem(type, catalog.getSchemaLoadError(type) ?? 'its schema file could not be read'));
    return problems;
  }
  const configuration = value.configuration;
  if (!isPlainObject(configuration)) return problems; // the envelope reports it
  const compiled = validators.forType(catalog.generation, type, schema);
  if ('error' in compiled) {
    problems.push(noSchemaProblem(type, `its schema cannot be compiled: ${compiled.error}`));
    return problems;
  }
  const run = runValidator(compiled.validate, configuration);
  if ('endlessRecursion' in run) {
    problems.push(noSchemaProblem(type, 'its schema refers back to itself without end (a `$ref` loop that checks nothing on the way)'));
    return problems;
  }
  problems.push(...mapAjvErrors(run.errors, { basePath: ['configuration'], data: configuration, schema }));
  problems.push(...skippedPatternProblems(run.skipped, configuration, ['configuration']));
  problems.push(...configurationRules(configuration, schema, type));
  return problems;
}

function configurationRules(configuration: Record<string, unknown>, schema: JsonSchema, type: string): Problem[] {
  return checkFieldRules(configuration, schema, ['configuration'], { unknownFields: true, readOnly: true, secrets: true, deep: true, connectionType: type });
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
