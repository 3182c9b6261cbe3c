// Compares a connection file with the live connection the way Apply shows it: both sides reduced to what the file
// controls, secrets masked on both sides (the API never returns them, so a secret cannot be compared, only kept masked).
import { ConnectionFile, isPlainObject } from './connectionFile';
import { containsPlaceholder } from './placeholders';
import { isMaskedValue, MASK, SecretRule } from './sensitiveFields';
import type { Connection } from './api/types';

/** Top-level keys the API stores and the file may set, in the order the comparison shows them. */
const COMPARED_KEYS = ['name', 'type', 'organization_id', 'policies', 'healthcheck_interval', 'configuration'] as const;

export interface Comparison {
  /** The file's side, as pretty JSON with secrets masked. */
  fileText: string;
  /** The live side, as pretty JSON (the API already masks its secrets). */
  liveText: string;
  equal: boolean;
}

export function compareWithLive(file: ConnectionFile, live: Connection, isSecret: SecretRule): Comparison {
  const fileSide: Record<string, unknown> = {};
  const liveSide: Record<string, unknown> = {};
  const liveValues: Record<string, unknown> = {
    name: live.name,
    type: live.type?.id,
    organization_id: live.organization_id,
    policies: live.policies,
    healthcheck_interval: live.healthcheck_interval,
    configuration: live.configuration ?? {},
  };
  for (const key of COMPARED_KEYS) {
    // Keys the file leaves out are the API's business (defaults), except the three it must always send.
    const always = key === 'name' || key === 'type' || key === 'configuration';
    if (!always && file[key] === undefined) continue;
    if (key === 'configuration') {
      const masked = maskBoth(file.configuration, liveValues.configuration, [], isSecret);
      fileSide.configuration = masked.file;
      liveSide.configuration = masked.live;
    } else {
      fileSide[key] = file[key];
      liveSide[key] = liveValues[key];
    }
  }
  const fileText = stableJson(fileSide);
  const liveText = stableJson(liveSide);
  return { fileText, liveText, equal: fileText === liveText };
}

/** Masks a value on both sides when either side says it is a secret (flag, name rule, mask, or placeholder). */
function maskBoth(
  file: unknown,
  live: unknown,
  path: (string | number)[],
  isSecret: SecretRule,
  parents: { file?: unknown; live?: unknown } = {},
): { file: unknown; live: unknown } {
  const secret =
    (path.length > 0 && (isSecret(path, file, parents.file) || isSecret(path, live, parents.live))) ||
    containsPlaceholder(file) ||
    isMaskedValue(live);
  if (secret && (typeof file === 'string' || typeof live === 'string')) {
    return { file: file === undefined ? undefined : MASK, live: live === undefined ? undefined : MASK };
  }
  if (isPlainObject(file) && isPlainObject(live)) {
    const f: Record<string, unknown> = {};
    const l: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(file), ...Object.keys(live)])) {
      const m = maskBoth(file[key], live[key], [...path, key], isSecret, { file, live });
      if (m.file !== undefined) f[key] = m.file;
      if (m.live !== undefined) l[key] = m.live;
    }
    return { file: f, live: l };
  }
  if (Array.isArray(file) && Array.isArray(live)) {
    const length = Math.max(file.length, live.length);
    const f: unknown[] = [];
    const l: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const m = maskBoth(file[i], live[i], [...path, i], isSecret, { file, live });
      if (i < file.length) f.push(m.file);
      if (i < live.length) l.push(m.live);
    }
    return { file: f, live: l };
  }
  return { file: maskAll(file, path, isSecret, parents.file), live: maskAll(live, path, isSecret, parents.live) };
}

/** Masks the secrets inside a value that has no counterpart of the same shape on the other side. */
function maskAll(value: unknown, path: (string | number)[], isSecret: SecretRule, parent?: unknown): unknown {
  if (typeof value === 'string') return (path.length > 0 && isSecret(path, value, parent)) || containsPlaceholder(value) ? MASK : value;
  if (Array.isArray(value)) return value.map((v, i) => maskAll(v, [...path, i], isSecret, value));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskAll(v, [...path, k], isSecret, value);
    return out;
  }
  return value;
}

/** Pretty JSON with configuration keys sorted, so that key order alone never shows as a difference. */
export function stableJson(value: Record<string, unknown>): string {
  return JSON.stringify(value, (key, v) => (isPlainObject(v) && key !== '' ? sortKeys(v) : v), 2) + '\n';
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = value[key];
  return out;
}
