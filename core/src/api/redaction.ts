// Which configuration values are secrets, and how to keep them out of logs and messages.
// The API flags secrets only on top-level schema properties, so a name heuristic covers nested ones
// (auth.basic.password, oauth.client_secret, a header {name: "Authorization", value}).

const SENSITIVE_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'key',
  'apikey',
  'passphrase',
  'credential',
  'credentials',
  'private',
  'signature',
  'cookie',
  'authorization',
  'cert',
  'certificate',
]);

export const REDACTED = '[redacted]';

/** Splits snake_case, kebab-case and camelCase names into lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** True when a field name says it holds a secret (password, client_secret, api_key, privateKey, ...). */
export function isSensitiveKeyName(name: string): boolean {
  const parts = words(name);
  return parts.some((w) => SENSITIVE_WORDS.has(w)) || SENSITIVE_WORDS.has(parts.join(''));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A {name, value} pair (HTTP header or query parameter) whose name marks the value as secret. */
function isSecretNamedPair(value: Record<string, unknown>): boolean {
  return typeof value.name === 'string' && 'value' in value && isSensitiveKeyName(value.name);
}

function isSensitive(key: string, extra: ReadonlySet<string>): boolean {
  return extra.has(key) || isSensitiveKeyName(key);
}

/** The top-level properties a type's JSON Schema marks `"sensitive": true`. */
export function sensitiveFieldsOfSchema(schema: unknown): string[] {
  const properties = isRecord(schema) && isRecord(schema.properties) ? schema.properties : {};
  return Object.entries(properties)
    .filter(([, field]) => isRecord(field) && field.sensitive === true)
    .map(([name]) => name);
}

/** A deep copy of a configuration with every sensitive value replaced by "[redacted]". */
export function redactConfiguration(value: unknown, extraSensitiveKeys: Iterable<string> = []): unknown {
  const extra = new Set(extraSensitiveKeys);
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isRecord(node)) return node;
    const secretPair = isSecretNamedPair(node);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if ((secretPair && k === 'value') || (isSensitive(k, extra) && v !== null && v !== undefined && typeof v !== 'boolean')) {
        out[k] = REDACTED;
      } else {
        out[k] = walk(v);
      }
    }
    return out;
  };
  return walk(value);
}

/**
 * Every secret string inside a value: the values of sensitive keys (all strings below them, since a sensitive
 * field may hold an object such as a service-account JSON) and the values of secret-named header pairs.
 */
export function collectSecretValues(value: unknown, extraSensitiveKeys: Iterable<string> = []): string[] {
  const extra = new Set(extraSensitiveKeys);
  const found: string[] = [];
  const collectAll = (node: unknown): void => {
    if (typeof node === 'string') found.push(node);
    else if (typeof node === 'number') found.push(String(node));
    else if (Array.isArray(node)) node.forEach(collectAll);
    else if (isRecord(node)) Object.values(node).forEach(collectAll);
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!isRecord(node)) return;
    const secretPair = isSecretNamedPair(node);
    for (const [k, v] of Object.entries(node)) {
      if ((secretPair && k === 'value') || (isSensitive(k, extra) && typeof v !== 'boolean')) collectAll(v);
      else walk(v);
    }
  };
  walk(value);
  if (typeof value === 'string') found.push(value);
  return found;
}

/**
 * Replaces known secret strings in free text (a log line, a server message that echoes a value).
 * Strings shorter than 4 characters are not scrubbed: they would mangle ordinary words and are not
 * meaningful secrets; masked values ("********") are skipped for the same reason.
 */
export class SecretScrubber {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    this.add(secrets);
  }

  add(secrets: Iterable<string>): this {
    for (const s of secrets) {
      if (s.length >= 4 && !/^\*+$/.test(s)) this.secrets.add(s);
    }
    return this;
  }

  /** A scrubber with this one's secrets plus more (for one request's body). */
  with(secrets: Iterable<string>): SecretScrubber {
    return new SecretScrubber(this.secrets).add(secrets);
  }

  scrub(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(s)) out = out.split(s).join(REDACTED);
    }
    return out;
  }
}
