// Secrets never leave the emulator: sensitive fields are answered as "********". On update a masked value sent
// back means "keep the stored secret" (the API's docs are ambiguous here; see emulator/README.md).
import { propertiesOf, type SchemaNode } from './dialect';

export const MASK = '********';

/** Used only for seed connections whose type is not in the catalog, so their secrets are still masked. */
const SECRET_NAME = /(password|passwd|secret|token|private_key|api_key|access_key|credential|service_account)/i;

export function sensitiveFields(schema: SchemaNode | undefined, configuration: Record<string, unknown>): Set<string> {
  if (!schema) return new Set(Object.keys(configuration).filter((k) => SECRET_NAME.test(k)));
  const fields = new Set<string>();
  for (const [name, field] of Object.entries(propertiesOf(schema))) {
    if (field.sensitive === true) fields.add(name);
  }
  return fields;
}

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

export function maskConfiguration(
  configuration: Record<string, unknown>,
  schema: SchemaNode | undefined,
): Record<string, unknown> {
  const sensitive = sensitiveFields(schema, configuration);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(configuration)) {
    out[name] = sensitive.has(name) && hasValue(value) ? MASK : value;
  }
  return out;
}

export interface RestoredSecrets {
  configuration: Record<string, unknown>;
  /** Sensitive fields sent masked while nothing is stored for them. */
  missing: string[];
}

/** Replaces masked sensitive values with the stored secrets. */
export function restoreMaskedSecrets(
  incoming: Record<string, unknown>,
  stored: Record<string, unknown>,
  schema: SchemaNode | undefined,
): RestoredSecrets {
  const sensitive = sensitiveFields(schema, { ...stored, ...incoming });
  const configuration = { ...incoming };
  const missing: string[] = [];
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== MASK || !sensitive.has(name)) continue;
    if (hasValue(stored[name])) configuration[name] = stored[name];
    else missing.push(name);
  }
  return { configuration, missing };
}
