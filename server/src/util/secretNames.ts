// Field names that plainly hold a secret, at any depth (the API flags only top-level fields as sensitive),
// and the environment variable name suggested in place of a literal.

/** Name words that make a field secret on their own or as the last part of the name. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'apikey', 'passphrase', 'credentials', 'credential']);
/** Multi-word names that are secrets although their last word alone is not (key). */
const SECRET_NAMES = new Set(['api_key', 'private_key', 'access_key', 'secret_key', 'secret_access_key', 'client_key', 'account_key', 'signing_key', 'encryption_key', 'master_key', 'auth_key', 'service_account_key']);
/** A last word that makes the name something other than the secret itself (token_endpoint, secret_id, token_url...). */
const NOT_SECRET_LAST_WORDS = new Set(['id', 'ids', 'endpoint', 'url', 'uri', 'name', 'type', 'path', 'file', 'arn', 'expiry', 'expires', 'expiration', 'ttl', 'header', 'mode', 'method', 'style', 'version', 'location', 'format', 'length', 'enabled']);

/** Splits `clientSecret`, `client-secret`, `CLIENT_SECRET` into lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Names repeat across a document (every header has a `value`): each is judged once, until the map fills and starts over. */
const verdicts = new Map<string, boolean>();
const MAX_REMEMBERED = 10_000;

export function isSecretName(name: string): boolean {
  // Most names are settled by their last word alone, compared in place.
  const settled = verdictByLastWord(name);
  if (settled !== undefined) return settled;
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    verdict = judgeName(name);
    if (verdicts.size >= MAX_REMEMBERED) verdicts.clear();
    verdicts.set(name, verdict);
  }
  return verdict;
}

const isLower = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isUpper = (c: number) => c >= 65 && c <= 90;

/** The words of a set by their length (a dense table), for comparing a name's last word without cutting it out. */
function byLength(words: Iterable<string>): string[][] {
  const list = [...words];
  const out: string[][] = Array.from({ length: Math.max(...list.map((w) => w.length)) + 1 }, () => []);
  for (const word of list) out[word.length].push(word);
  return out;
}
const NOT_SECRET_BY_LENGTH = byLength(NOT_SECRET_LAST_WORDS);
const SECRET_BY_LENGTH = byLength(SECRET_WORDS);
/** The letters those words and "key" start with: a last word starting otherwise (a digit, say) is settled at once. */
const FIRST_LETTERS = new Uint8Array(128);
for (const word of [...NOT_SECRET_LAST_WORDS, ...SECRET_WORDS, 'key']) FIRST_LETTERS[word.charCodeAt(0)] = 1;

/** Whether the word of `name` from `start` is one of `words` (of its length). */
function isOneOf(name: string, start: number, words: string[]): boolean {
  for (let i = 0; i < words.length; i++) if (sameWord(name, start, words[i])) return true;
  return false;
}

/**
 * judgeName's verdict from the last of `words(name)`, read from the end up to the ASCII separator or case change
 * before it; undefined when that word is "key" (the multi-word names decide) or a non-ASCII character comes first,
 * whose lower-casing may add letters (judgeName handles those).
 */
function verdictByLastWord(name: string): boolean | undefined {
  let end = name.length;
  for (; end > 0; end--) {
    const c = name.charCodeAt(end - 1);
    if (c > 127) return undefined;
    if (isLower(c) || isUpper(c)) break;
  }
  let start = end;
  for (; start > 0; start--) {
    const c = name.charCodeAt(start - 1);
    if (c > 127) return undefined;
    if (!isLower(c) && !isUpper(c)) break;
    // words() splits between a lower-case letter or digit and an upper-case letter.
    if (start < end && isUpper(name.charCodeAt(start)) && isLower(c)) break;
  }
  const length = end - start;
  if (length === 0) return false;
  const first = name.charCodeAt(start);
  if (FIRST_LETTERS[isUpper(first) ? first + 32 : first] === 0) return false;
  if (length < NOT_SECRET_BY_LENGTH.length && isOneOf(name, start, NOT_SECRET_BY_LENGTH[length])) return false;
  if (length < SECRET_BY_LENGTH.length && isOneOf(name, start, SECRET_BY_LENGTH[length])) return true;
  return length === 3 && sameWord(name, start, 'key') ? undefined : false; // every multi-word secret name ends in "key"
}

/** Whether `name` holds the lower-case ASCII `word` at `start`, in any case. */
function sameWord(name: string, start: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = name.charCodeAt(start + i);
    if ((isUpper(c) ? c + 32 : c) !== word.charCodeAt(i)) return false;
  }
  return true;
}

function judgeName(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0) return false;
  const last = parts[parts.length - 1];
  if (NOT_SECRET_LAST_WORDS.has(last)) return false;
  if (SECRET_WORDS.has(last)) return true;
  const joined = parts.join('_');
  for (const secret of SECRET_NAMES) if (joined === secret || joined.endsWith(`_${secret}`)) return true;
  return false;
}

/** e.g. ("postgresql", ["password"]) -> POSTGRESQL_PASSWORD; ("api", ["auth", "basic", "password"]) -> API_AUTH_BASIC_PASSWORD. */
export function envNameFor(connectionType: string | undefined, keys: string[]): string {
  const parts = [...(connectionType ? words(connectionType) : []), ...keys.flatMap(words)];
  const name = parts.join('_').toUpperCase();
  return /^[A-Z_]/.test(name) ? name : `_${name}`;
}
