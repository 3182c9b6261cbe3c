// Which configuration values are secrets. The API flags only top-level fields (`sensitive`/`password` in the type's
// schema) and masks them as asterisks; nested secrets (api's auth.basic.password, oauth.client_secret...) carry no flag,
// so the API client's name rule covers those (and only those: top-level fields have authoritative flags).
import { isSensitiveKeyName } from './api/redaction';

export const MASK = '********';

/** True for the API's masked values: a run of asterisks. */
export function isMaskedValue(value: unknown): boolean {
  return typeof value === 'string' && /^\*{3,}$/.test(value);
}

/** The top-level configuration keys the type's schema marks sensitive or password. */
export function schemaSensitiveKeys(schema: unknown): Set<string> {
  const keys = new Set<string>();
  const properties = (schema as { properties?: Record<string, { sensitive?: unknown; password?: unknown }> } | undefined)?.properties;
  if (properties && typeof properties === 'object') {
    for (const [key, property] of Object.entries(properties)) {
      if (property && (property.sensitive === true || property.password === true)) keys.add(key);
    }
  }
  return keys;
}

/** The top-level configuration keys the schema marks read-only (server-populated; never sent, never pulled). */
export function schemaReadOnlyKeys(schema: unknown): Set<string> {
  const keys = new Set<string>();
  const properties = (schema as { properties?: Record<string, { readOnly?: unknown; readonly?: unknown }> } | undefined)?.properties;
  if (properties && typeof properties === 'object') {
    for (const [key, property] of Object.entries(properties)) {
      if (property && (property.readOnly === true || property.readonly === true)) keys.add(key);
    }
  }
  return keys;
}

/**
 * Decides for a value at a path (['password'], ['auth', 'basic', 'password']) whether it is a secret. `parent` is the
 * object holding it: a `{name: "Authorization", value: "..."}` header pair makes its `value` a secret.
 */
export type SecretRule = (path: (string | number)[], value: unknown, parent?: unknown) => boolean;

export function secretRule(sensitiveTopLevel: Set<string>): SecretRule {
  return (path, value, parent) => {
    if (typeof value !== 'string') return false;
    if (isMaskedValue(value)) return true;
    if (path.length === 1) return sensitiveTopLevel.has(String(path[0]));
    const last = path[path.length - 1];
    if (last === 'value' && parent && typeof parent === 'object' && typeof (parent as { name?: unknown }).name === 'string') {
      if (isSensitiveKeyName((parent as { name: string }).name)) return true;
    }
    const lastName = [...path].reverse().find((p) => typeof p === 'string');
    return typeof lastName === 'string' && isSensitiveKeyName(lastName);
  };
}
