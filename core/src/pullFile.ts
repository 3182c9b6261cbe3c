// Pull: a live connection written as a connection file. Secrets never land in the file, neither as the API's asterisks
// nor as the nested values it returns in clear: they become `${env:NAME}` / `${secret:NAME}` placeholders, or keep the
// placeholder the existing file already had.
import { applyEdits, ConnectionFile, detectFormatting, isPlainObject, parseConnectionText, setValueEdits } from './connectionFile';
import { containsPlaceholder, looksLikePlaceholder, placeholder, placeholderName, PlaceholderKind } from './placeholders';
import { isMaskedValue, SecretRule } from './sensitiveFields';
import type { Connection } from './api/types';

export interface PullOptions {
  placeholderKind: PlaceholderKind;
  /** Top-level configuration keys that are server-populated and must not be written. */
  readOnlyKeys?: Set<string>;
  /** The `$schema` to reference in a new file, if any. */
  schemaUrl?: string;
  /** Which values are secrets beyond the masked ones (nested secrets come back in clear): they become placeholders too. */
  isSecret?: SecretRule;
  /** What placeholder names start with instead of the type id (Import: the file's path, so two connections never share one). */
  placeholderBase?: string;
}

/** The placeholders a pull wrote, so the user can be told what to set. */
export interface PullResult {
  text: string;
  placeholders: string[];
  /**
   * Fields whose live value reads like a placeholder (`${env:...}`): not copied, since sending the file would resolve
   * it and send a local secret wherever that field points. The file keeps its own value for them, if it had one.
   */
  refused: string[];
}

/** The one naming rule for placeholders (New Connection File, quick fixes, Pull): type id and field path, POSTGRESQL_PASSWORD. */
export function placeholderNameFor(typeId: string, path: string[]): string {
  return placeholderName(typeId, ...path);
}

/** The configuration to write: read-only keys dropped, each masked value replaced by a placeholder. */
function pulledConfiguration(
  live: Connection,
  options: PullOptions,
  existing: Record<string, unknown> | undefined,
  used: string[],
  refused: string[],
): Record<string, unknown> {
  const replace = (value: unknown, path: string[], before: unknown, parent?: unknown): unknown => {
    if (isMaskedValue(value) || (options.isSecret?.(path, value, parent) ?? false)) {
      if (typeof before === 'string' && containsPlaceholder(before)) return before;
      const text = placeholder(options.placeholderKind, placeholderNameFor(options.placeholderBase || live.type?.id || live.name, path));
      used.push(text);
      return text;
    }
    if (looksLikePlaceholder(value)) {
      refused.push(['configuration', ...path].join('.'));
      return before;
    }
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      const prior = isPlainObject(before) ? before : {};
      for (const [k, v] of Object.entries(value)) out[k] = replace(v, [...path, k], prior[k], value);
      return out;
    }
    if (Array.isArray(value)) {
      const prior = Array.isArray(before) ? before : [];
      return value.map((v, i) => replace(v, [...path, String(i)], prior[i], value));
    }
    return value;
  };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(live.configuration ?? {})) {
    if (options.readOnlyKeys?.has(key)) continue;
    out[key] = replace(value, [key], existing?.[key]);
  }
  return out;
}

/** A new file for a live connection. */
export function connectionToFileText(live: Connection, options: PullOptions): PullResult {
  const used: string[] = [];
  const refused: string[] = [];
  const file: Record<string, unknown> = {};
  if (options.schemaUrl) file.$schema = options.schemaUrl;
  file.id = live.id;
  file.name = live.name;
  file.type = live.type?.id ?? '';
  // organization_id stays out: it is the profile's organization, and a file that names it cannot move to another.
  if (live.policies && live.policies.length > 0) file.policies = live.policies;
  if (live.healthcheck_interval) file.healthcheck_interval = live.healthcheck_interval;
  file.configuration = pulledConfiguration(live, options, undefined, used, refused);
  return { text: JSON.stringify(file, null, 2) + '\n', placeholders: used, refused };
}

/**
 * Rewrites an existing file to match the live connection with minimal edits: comments and the formatting of untouched
 * parts stay; placeholders the file already had for masked secrets stay.
 */
export function mergeIntoFileText(text: string, live: Connection, options: PullOptions): PullResult {
  const current: ConnectionFile = parseConnectionText(text).value ?? {};
  const used: string[] = [];
  const refused: string[] = [];
  const existingConfig = isPlainObject(current.configuration) ? current.configuration : undefined;
  const configuration = pulledConfiguration(live, options, existingConfig, used, refused);
  let out = text.trim() === '' ? '{}' : text;
  const set = (path: (string | number)[], value: unknown) => {
    out = applyEdits(out, setValueEdits(out, path, value));
  };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (current.id !== live.id) set(['id'], live.id);
  if (current.name !== live.name) set(['name'], live.name);
  if (live.type?.id && current.type !== live.type.id) set(['type'], live.type.id);
  if (existingConfig) {
    for (const key of Object.keys(existingConfig)) if (!(key in configuration)) set(['configuration', key], undefined);
    for (const [key, value] of Object.entries(configuration)) {
      if (value !== undefined && !same(existingConfig[key], value)) set(['configuration', key], value);
    }
  } else {
    set(['configuration'], configuration);
  }
  // organization_id only where the file names it already (see connectionToFileText).
  for (const key of ['organization_id', 'healthcheck_interval'] as const) {
    const value = live[key];
    if (value && current[key] !== value && (key !== 'organization_id' || current[key] !== undefined)) set([key], value);
  }
  if (live.policies && live.policies.length > 0 && !same(current.policies, live.policies)) set(['policies'], live.policies);
  const eol = detectFormatting(out).eol ?? '\n';
  return { text: out.endsWith(eol) ? out : out + eol, placeholders: used, refused };
}

/** A file name for a connection: its name in lower kebab case, e.g. "Sales Warehouse" -> sales-warehouse.polytomic.json. */
export function fileNameFor(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  // At most 80 characters before the suffix: a name from the API can be far longer than a file system allows.
  const capped = base.slice(0, 80).replace(/-+$/, '');
  return `${capped || 'connection'}.polytomic.json`;
}

/**
 * The file name with the connection's short id added (sales-warehouse-1a2b3c4d.polytomic.json), for when the plain one
 * is taken: the first 8 letters and digits of the id, since an id from the API is not trusted to be a plain name.
 */
export function withShortId(fileName: string, id: string): string {
  const shortId = id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8).toLowerCase() || 'noid';
  return fileName.replace(/\.polytomic\.json$/, `-${shortId}.polytomic.json`);
}
