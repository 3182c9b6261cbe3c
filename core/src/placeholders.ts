// `${env:NAME}` and `${secret:NAME}` placeholders: secrets stay out of the file and are filled in only when a file is
// sent. Pure: the environment and the secret store come in as functions, so the rules are testable without VS Code.

export type PlaceholderKind = 'env' | 'secret';

/** A placeholder found in a value, with the JSON path of the value that holds it (for messages). */
export interface PlaceholderUse {
  kind: PlaceholderKind;
  name: string;
  path: string;
}

export interface PlaceholderSources {
  env(name: string): string | undefined;
  secret(name: string): Promise<string | undefined>;
}

export interface ResolvedValue<T> {
  value: T;
  /** Placeholders that had no value; empty when everything resolved. */
  missing: PlaceholderUse[];
  /** Every value that came from a placeholder, so that logs can scrub them. */
  resolvedValues: string[];
}

/**
 * Where the value of `${secret:NAME}` lives in VS Code's SecretStorage. `scope` is the workspace's: a file of another
 * workspace (a cloned repository, say) cannot read a secret set for this one by naming it.
 */
export function placeholderSecretName(name: string, scope: string): string {
  return `polytomic.secret/${scope}/${name}`;
}

/** Text that would be read as a placeholder when sent (for values from the API that must not become one). */
export function looksLikePlaceholder(value: unknown): boolean {
  return typeof value === 'string' && /\$\{(env|secret):/.test(value);
}

/** Each placeholder once, as written: `${env:PG_PASSWORD}`. */
export function placeholderTexts(uses: PlaceholderUse[]): string[] {
  return [...new Set(uses.map((u) => placeholder(u.kind, u.name)))];
}

const PLACEHOLDER = /\$\{(env|secret):([^}\s]+)\}/g;

/** Names allowed for placeholders we generate (upper snake case keeps them valid environment variable names). */
export function placeholderName(...parts: string[]): string {
  const name = parts
    .join('_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[0-9]/.test(name) ? `_${name}` : name || 'SECRET';
}

export function placeholder(kind: PlaceholderKind, name: string): string {
  return `\${${kind}:${name}}`;
}

export function containsPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && new RegExp(PLACEHOLDER.source).test(value);
}

/** Every placeholder in a value (deep), in document order. */
export function findPlaceholders(value: unknown, path = 'configuration'): PlaceholderUse[] {
  const found: PlaceholderUse[] = [];
  walk(value, path, (text, at) => {
    for (const m of text.matchAll(PLACEHOLDER)) found.push({ kind: m[1] as PlaceholderKind, name: m[2], path: at });
  });
  return found;
}

function walk(value: unknown, path: string, onString: (text: string, path: string) => void): void {
  if (typeof value === 'string') onString(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, onString));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, onString);
  }
}

/** Returns a deep copy of `value` with every placeholder replaced; missing ones are listed and left as written. */
export async function resolvePlaceholders<T>(value: T, sources: PlaceholderSources, path = 'configuration'): Promise<ResolvedValue<T>> {
  const missing: PlaceholderUse[] = [];
  const resolvedValues: string[] = [];
  const secretCache = new Map<string, string | undefined>();

  async function lookup(kind: PlaceholderKind, name: string): Promise<string | undefined> {
    if (kind === 'env') return sources.env(name);
    if (!secretCache.has(name)) secretCache.set(name, await sources.secret(name));
    return secretCache.get(name);
  }

  async function resolve(v: unknown, at: string): Promise<unknown> {
    if (typeof v === 'string') {
      let out = '';
      let last = 0;
      for (const m of v.matchAll(PLACEHOLDER)) {
        const kind = m[1] as PlaceholderKind;
        const found = await lookup(kind, m[2]);
        out += v.slice(last, m.index);
        if (found === undefined) {
          missing.push({ kind, name: m[2], path: at });
          out += m[0];
        } else {
          if (found !== '') resolvedValues.push(found);
          out += found;
        }
        last = (m.index ?? 0) + m[0].length;
      }
      return last === 0 ? v : out + v.slice(last);
    }
    if (Array.isArray(v)) return Promise.all(v.map((item, i) => resolve(item, `${at}[${i}]`)));
    if (v !== null && typeof v === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) copy[k] = await resolve(item, `${at}.${k}`);
      return copy;
    }
    return v;
  }

  return { value: (await resolve(value, path)) as T, missing, resolvedValues };
}

/**
 * One sentence naming every missing placeholder and where it is used. `secretHint(name)`: how the driver sets a
 * secret (the editor's command by default; the command-line tool names its environment variable).
 */
export function describeMissing(missing: PlaceholderUse[], secretHint: (name: string) => string = () => 'set it with "Polytomic: Set Secret"'): string {
  const parts = missing.map((m) =>
    m.kind === 'env'
      ? `environment variable ${m.name} (for ${m.path})`
      : `secret ${m.name} (for ${m.path}; ${secretHint(m.name)})`,
  );
  return `Missing ${parts.join(', ')}.`;
}
