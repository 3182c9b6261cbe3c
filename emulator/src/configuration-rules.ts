// From a request's configuration to the configuration the emulator stores: nulls dropped, read-only fields (the
// server computes those) ignored, masked secrets restored on update, then schema validation (422 on failure).
import { HttpError } from './api-error';
import type { LoadedSchema } from './catalog';
import { configurationMessage, type FieldError } from './configuration-validator';
import { isReadOnly, propertiesOf, type SchemaNode } from './dialect';
import { restoreMaskedSecrets, MASK } from './masking';
import type { Services } from './services';

export function typeSchemaOrThrow(services: Services, typeId: string): LoadedSchema {
  if (!services.catalog.get(typeId)) throw new HttpError(400, `unknown connection type "${typeId}"`);
  const schema = services.catalog.schema(typeId);
  if (!schema) throw new HttpError(400, `the schema of connection type "${typeId}" is unavailable`);
  return schema;
}

function withoutNullsAndReadOnly(schema: SchemaNode, configuration: Record<string, unknown>): Record<string, unknown> {
  const properties = propertiesOf(schema);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(configuration)) {
    if (value === null || value === undefined) continue;
    if (isReadOnly(properties[name])) continue;
    out[name] = value;
  }
  return out;
}

function readOnlyValues(schema: SchemaNode, stored: Record<string, unknown>): Record<string, unknown> {
  const properties = propertiesOf(schema);
  return Object.fromEntries(Object.entries(stored).filter(([name]) => isReadOnly(properties[name])));
}

export type ValidationStatus = 400 | 422;

/**
 * The configuration to store. `stored` is the current configuration on update (or the base of a test with
 * connection_id); masked secrets in `incoming` resolve against it. Throws HttpError(status) when invalid.
 */
export function resolveConfiguration(
  services: Services,
  typeId: string,
  incoming: Record<string, unknown>,
  stored: Record<string, unknown> | undefined,
  failureStatus: ValidationStatus,
): Record<string, unknown> {
  const schema = typeSchemaOrThrow(services, typeId).normalised;
  const errors: FieldError[] = [];
  let configuration = withoutNullsAndReadOnly(schema, incoming);
  const restored = restoreMaskedSecrets(configuration, stored ?? {}, schema);
  configuration = restored.configuration;
  for (const field of restored.missing) {
    errors.push({ field, message: `\`${field}\` is masked ("${MASK}") but no secret is stored for it; send the secret itself` });
  }
  errors.push(...services.validator.validate(typeId, schema, configuration));
  if (errors.length > 0) {
    throw new HttpError(failureStatus, configurationMessage(errors), { errors });
  }
  return stored ? { ...configuration, ...readOnlyValues(schema, stored) } : configuration;
}
