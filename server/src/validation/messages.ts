// Plain-words names and phrases shared by the error messages.
import type { JSONPath } from 'jsonc-parser';

/** How a field is named in a message: its key, or `headers[2]` for an array item; the root is "the connection". */
export function fieldLabel(path: JSONPath): string {
  return path.length === 0 ? 'the connection' : `\`${plainName(path)}\``;
}

function plainName(path: JSONPath): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') return `${path.length > 1 ? plainName(path.slice(0, -1)) : ''}[${last}]`;
  return String(last);
}

const TYPE_PHRASES: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

export function typePhrase(types: string | string[]): string {
  const list = Array.isArray(types) ? types : types.split(',');
  return list.map((t) => TYPE_PHRASES[t] ?? t).join(' or ');
}

const MAX_LISTED_VALUES = 12;

/** "a, b, c" for an enum; labels that differ from their value follow in parentheses. */
export function allowedValuesPhrase(values: unknown[], labels?: (string | undefined)[]): string {
  const shown = values.slice(0, MAX_LISTED_VALUES).map((value, i) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const label = labels?.[i];
    return label && label !== text ? `${text} (${label})` : text;
  });
  const rest = values.length - shown.length;
  return shown.join(', ') + (rest > 0 ? ` and ${rest} more` : '');
}

const FORMAT_PHRASES: Record<string, string> = {
  json: 'a string holding valid JSON, such as {"key":"value"}',
  uri: 'a full URI, such as https://example.com',
  'uri-reference': 'a URI or a path',
  url: 'a full URL, such as https://example.com',
  email: 'an email address',
  uuid: 'a UUID',
  'date-time': 'a date and time such as 2026-01-31T12:00:00Z',
  date: 'a date such as 2026-01-31',
  time: 'a time such as 12:00:00Z',
  hostname: 'a host name',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  regex: 'a regular expression',
  duration: 'an ISO 8601 duration',
};

export function formatPhrase(format: string): string {
  return FORMAT_PHRASES[format] ?? `a valid ${format}`;
}
