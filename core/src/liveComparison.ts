// Compares a connection file with the live connection the way Apply shows it. The file side is the file as written
// (comments and key order kept; literal secrets masked; placeholders NAMED, never masked as if they were values);
// the live side is the live connection in the file's key order. A secret cannot be read back from the API, so its
// status comes from the fingerprints of what was last sent (secretFingerprints.ts): "changed since the last apply",
// "unchanged", or "not known". A placeholder in a field the API returns in clear is compared by its resolved value.
import { applyEdits, findNodeAtLocation, parseTree } from 'jsonc-parser';
import { ConnectionFile, detectFormatting, isPlainObject, setValueEdits } from './connectionFile';
import { containsPlaceholder, findPlaceholders, PlaceholderUse } from './placeholders';
import { describeSecretStatus, pathString, SecretStatus } from './secretFingerprints';
import { isMaskedValue, MASK, SecretRule } from './sensitiveFields';
import type { Connection } from './api/types';

/** Top-level keys the API stores and the file may set. */
const COMPARED_KEYS = new Set(['name', 'type', 'organization_id', 'policies', 'healthcheck_interval', 'configuration']);
const ALWAYS_SENT = new Set(['name', 'type', 'configuration']);

export type FieldStatus = SecretStatus | 'missing';

/** One difference (or one field whose sameness cannot be known), for the confirmation and "Nothing to apply". */
export interface FieldChange {
  /** `configuration.port`, `name`. */
  path: string;
  /** What to say about it: "5432 → 5433", "changed since the last apply", "not known: ...". Never a secret value. */
  note: string;
}

export interface CompareOptions {
  /** The file's text as saved: when given, the file side shows it as written. */
  fileText?: string;
  /** The file's configuration with the placeholders resolved that could be (missing ones still as written). */
  resolved?: Record<string, unknown>;
  /** Paths (`configuration.password`) whose placeholders could not be resolved yet. */
  missing?: ReadonlySet<string>;
  /** The fingerprint status of the file's secret fields, by path. */
  secretStatus?: Readonly<Record<string, SecretStatus>>;
  /**
   * Top-level configuration keys the server fills in (the schema's read-only ones): when only the live side has them
   * they are shown but are no change, since a file cannot set them (Pull leaves them out).
   */
  readOnlyKeys?: ReadonlySet<string>;
}

export interface Comparison {
  fileText: string;
  liveText: string;
  /** Nothing to send differs from what Polytomic holds (fields listed in `unknown` may still differ). */
  equal: boolean;
  changes: FieldChange[];
  /** Secret fields whose sameness cannot be known (never sent from here, or not resolvable yet). */
  unknown: FieldChange[];
  /** Every placeholder the file uses, with the field it is in. */
  placeholders: PlaceholderUse[];
}

type Path = (string | number)[];

export { pathString };

export function compareWithLive(file: ConnectionFile, live: Connection, isSecret: SecretRule, options: CompareOptions = {}): Comparison {
  const changes: FieldChange[] = [];
  const unknown: FieldChange[] = [];
  /** Line notes by path, for both sides. */
  const notes: { path: Path; note: string }[] = [];
  /** File-side values to mask in place (literal secrets). */
  const masks: Path[] = [];
  const liveTop: Record<string, unknown> = {
    id: live.id,
    name: live.name,
    type: live.type?.id,
    organization_id: live.organization_id,
    policies: live.policies,
    healthcheck_interval: live.healthcheck_interval,
    configuration: live.configuration ?? {},
  };

  const leaf = (path: Path, fileValue: unknown, liveValue: unknown, resolved: unknown, parents: { file?: unknown; live?: unknown }): unknown => {
    const at = pathString(path);
    const secret =
      (path.length > 1 && (isSecret(path.slice(1), fileValue, parents.file) || isSecret(path.slice(1), liveValue, parents.live))) ||
      isMaskedValue(liveValue);
    // A secret that is not a string (an integer id marked sensitive) comes back masked as a string: it is a secret
    // like the others, known by its fingerprint, not a change from "********" to a number.
    const secretPrimitive = secret && (typeof fileValue === 'number' || typeof fileValue === 'boolean') && isMaskedValue(liveValue);
    if ((typeof fileValue === 'string' && (containsPlaceholder(fileValue) || (secret && !isMaskedValue(fileValue)))) || secretPrimitive) {
      const status = fieldStatus(at, secret, resolved, liveValue, options);
      if (!containsPlaceholder(fileValue)) masks.push(path);
      const shown = containsPlaceholder(fileValue) ? fileValue : MASK;
      if (status === 'unchanged') return shown;
      const note = status === 'changed' && !secret ? 'its value differs from the live one' : describeSecretStatus(status);
      notes.push({ path, note });
      if (status === 'changed') changes.push({ path: at, note });
      else unknown.push({ path: at, note });
      return secret && typeof liveValue === 'string' ? MASK : liveValue;
    }
    if (typeof fileValue === 'string' && isMaskedValue(fileValue) && isMaskedValue(liveValue)) return fileValue;
    if (!sameValue(fileValue, liveValue)) {
      const show = (v: unknown) => (v === undefined ? 'not set' : secret ? MASK : JSON.stringify(v));
      changes.push({ path: at, note: `${show(liveValue)} → ${show(fileValue)}` });
    }
    return secret && typeof liveValue === 'string' ? MASK : maskNested(liveValue, path, isSecret, parents.live);
  };

  /** The live side of a value, shaped and ordered like the file's. */
  const walk = (path: Path, fileValue: unknown, liveValue: unknown, resolved: unknown, parents: { file?: unknown; live?: unknown }): unknown => {
    if (isPlainObject(fileValue) && isPlainObject(liveValue)) {
      const out: Record<string, unknown> = {};
      const r = isPlainObject(resolved) ? resolved : {};
      for (const key of Object.keys(fileValue)) {
        if (!(key in liveValue)) {
          // A read-only field the file sets anyway (the server warns): the API drops it, so sending it changes nothing.
          if (!(path.length === 1 && options.readOnlyKeys?.has(key))) changes.push({ path: pathString([...path, key]), note: 'added by the file' });
          continue;
        }
        out[key] = walk([...path, key], fileValue[key], liveValue[key], r[key], { file: fileValue, live: liveValue });
      }
      for (const key of Object.keys(liveValue)) {
        if (key in fileValue) continue;
        const readOnly = path.length === 1 && options.readOnlyKeys?.has(key) === true;
        if (!readOnly) changes.push({ path: pathString([...path, key]), note: 'not in the file (an update removes it)' });
        out[key] = maskNested(liveValue[key], [...path, key], isSecret, liveValue);
      }
      return out;
    }
    if (Array.isArray(fileValue) && Array.isArray(liveValue) && fileValue.length === liveValue.length) {
      const r = Array.isArray(resolved) ? resolved : [];
      return liveValue.map((v, i) => walk([...path, i], fileValue[i], v, r[i], { file: fileValue, live: liveValue }));
    }
    return leaf(path, fileValue, liveValue, resolved, parents);
  };

  const liveSide: Record<string, unknown> = {};
  for (const key of Object.keys(file)) {
    if (key === 'configuration') {
      liveSide.configuration = walk(['configuration'], file.configuration, liveTop.configuration, options.resolved ?? file.configuration, {});
    } else if (COMPARED_KEYS.has(key)) {
      if (!sameValue(file[key], liveTop[key])) changes.push({ path: key, note: `${JSON.stringify(liveTop[key]) ?? 'not set'} → ${JSON.stringify(file[key])}` });
      liveSide[key] = liveTop[key];
    } else {
      // Not stored by Polytomic ($schema, id, validate, force_destroy): shown as the file has it, never as a change.
      liveSide[key] = key === 'id' ? live.id : file[key];
    }
  }
  for (const key of ALWAYS_SENT) {
    if (key in file) continue;
    liveSide[key] = key === 'configuration' ? maskNested(liveTop.configuration, ['configuration'], isSecret) : liveTop[key];
    changes.push({ path: key, note: 'not in the file' });
  }

  const format = options.fileText !== undefined ? detectFormatting(options.fileText) : { insertSpaces: true, tabSize: 2, eol: '\n' };
  const indent = format.insertSpaces ? ' '.repeat(format.tabSize ?? 2) : '\t';
  const eol = format.eol ?? '\n';
  let fileText =
    options.fileText !== undefined
      ? options.fileText
      : JSON.stringify(file, null, indent).replace(/\n/g, eol) + eol;
  for (const path of masks) fileText = applyEdits(fileText, setValueEdits(fileText, path, MASK));
  fileText = withLineNotes(fileText, notes);
  const liveText = withLineNotes(JSON.stringify(liveSide, null, indent).replace(/\n/g, eol) + eol, notes);
  const placeholders = findPlaceholders(file.configuration);
  return { fileText, liveText, equal: changes.length === 0, changes, unknown, placeholders };
}

function fieldStatus(at: string, secret: boolean, resolved: unknown, liveValue: unknown, options: CompareOptions): FieldStatus {
  if (options.missing?.has(at)) return 'missing';
  // A value the API returns in clear (a nested secret, or a plain field with a placeholder) compares directly.
  if (typeof liveValue === 'string' && !isMaskedValue(liveValue) && typeof resolved === 'string' && !containsPlaceholder(resolved)) {
    return resolved === liveValue ? 'unchanged' : 'changed';
  }
  if (!secret && liveValue === undefined) return 'changed';
  return options.secretStatus?.[at] ?? 'unknown';
}

/** Masks the secrets inside a value shown on the live side only. */
function maskNested(value: unknown, path: Path, isSecret: SecretRule, parent?: unknown): unknown {
  if (typeof value === 'string') return path.length > 1 && isSecret(path.slice(1), value, parent) ? MASK : value;
  if (Array.isArray(value)) return value.map((v, i) => maskNested(v, [...path, i], isSecret, value));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskNested(v, [...path, k], isSecret, value);
    return out;
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Appends ` // note` to the line where the value at each path ends (both sides carry the same notes). */
export function withLineNotes(text: string, notes: { path: Path; note: string }[]): string {
  if (notes.length === 0) return text;
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return text;
  const inserts = new Map<number, string[]>();
  for (const { path, note } of notes) {
    const node = findNodeAtLocation(root, path);
    if (!node) continue;
    const end = node.offset + node.length;
    let lineEnd = text.indexOf('\n', end);
    if (lineEnd === -1) lineEnd = text.length;
    if (text[lineEnd - 1] === '\r') lineEnd--;
    inserts.set(lineEnd, [...(inserts.get(lineEnd) ?? []), note]);
  }
  let out = text;
  for (const offset of [...inserts.keys()].sort((a, b) => b - a)) {
    out = `${out.slice(0, offset)} // ${inserts.get(offset)!.join('; ')}${out.slice(offset)}`;
  }
  return out;
}

/** Pretty JSON with object keys sorted (kept for callers that want an order-free rendering). */
export function stableJson(value: Record<string, unknown>): string {
  return JSON.stringify(value, (key, v) => (isPlainObject(v) && key !== '' ? sortKeys(v) : v), 2) + '\n';
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = value[key];
  return out;
}
