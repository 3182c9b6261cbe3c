// Validates a connection's configuration against its type's schema (ajv, draft 2020-12) and words each failure the
// way the API does: one message naming the field, e.g. "configuration: missing required field `hostname`".
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { propertiesOf, type SchemaNode } from './dialect';

export interface FieldError {
  field: string;
  message: string;
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** "/headers/0/name" -> "headers[0].name" */
export function fieldPath(instancePath: string, child?: string): string {
  const segments = instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) segments.push(child);
  let path = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}

function describe(error: ErrorObject): FieldError {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const field = fieldPath(error.instancePath, String(params.missingProperty));
      return { field, message: `missing required field \`${field}\`` };
    }
    case 'additionalProperties': {
      const field = fieldPath(error.instancePath, String(params.additionalProperty));
      return { field, message: `unknown field \`${field}\`` };
    }
    case 'type': {
      const field = fieldPath(error.instancePath);
      return { field, message: `\`${field}\` must be of type ${String(params.type)}` };
    }
    case 'enum': {
      const field = fieldPath(error.instancePath);
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { field, message: `\`${field}\` must be one of ${allowed}` };
    }
    case 'format': {
      const field = fieldPath(error.instancePath);
      const format = String(params.format);
      return {
        field,
        message: format === 'json' ? `\`${field}\` must be a string holding valid JSON` : `\`${field}\` must be a valid ${format}`,
      };
    }
    default: {
      const field = fieldPath(error.instancePath);
      return { field, message: `\`${field || 'configuration'}\` ${error.message ?? 'is invalid'}` };
    }
  }
}

export class ConfigurationValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    // Unoptimised code compiles several times faster; one type's configuration is small, so validation speed is moot.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, addUsedSchema: false, code: { optimize: false } });
    addFormats(this.ajv);
    this.ajv.addFormat('json', { type: 'string', validate: isJsonText });
  }

  /** Errors for a configuration already stripped of nulls and read-only fields; empty when valid. */
  validate(typeId: string, schema: SchemaNode, configuration: Record<string, unknown>): FieldError[] {
    const errors: FieldError[] = [];
    const known = propertiesOf(schema);
    // Types whose schema lists no properties at all (e.g. intercom) take whatever the OAuth flow stored.
    if (Object.keys(known).length > 0) {
      for (const field of Object.keys(configuration)) {
        if (!(field in known)) errors.push({ field, message: `unknown field \`${field}\`` });
      }
    }
    const validateFn = this.compile(typeId, schema);
    if (!validateFn(configuration)) {
      const seen = new Set<string>();
      for (const error of validateFn.errors ?? []) {
        const described = describe(error);
        if (!seen.has(described.message)) {
          seen.add(described.message);
          errors.push(described);
        }
      }
    }
    return errors;
  }

  private compile(typeId: string, schema: SchemaNode): ValidateFunction {
    let fn = this.compiled.get(typeId);
    if (!fn) {
      const { $id: _id, $schema: _dialect, ...body } = schema;
      fn = this.ajv.compile(body);
      this.compiled.set(typeId, fn);
    }
    return fn;
  }
}

export function configurationMessage(errors: FieldError[]): string {
  return `configuration: ${errors.map((e) => e.message).join('; ')}`;
}
