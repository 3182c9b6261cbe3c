// Mutation operators: each turns a document into a broken or hostile variant. Small ones (cuts, inserts, swaps,
// duplicate keys, odd numbers, lone surrogates, other type ids) are stacked at random; the giants (nesting 100,000
// deep, a 10 MB string) are applied on their own because each is already the whole test.
import type { Prng } from '../support/prng';

export interface MutationContext {
  typeIds: readonly string[];
}

export type Mutation = (text: string, prng: Prng, context: MutationContext) => string;

/** Fragments that stress a JSON-with-comments scanner: structure, comments, escapes, odd characters. */
const TOKENS = [
  '{', '}', '[', ']', '"', ',', ':', '//', '/*', '*/', '\n', '\r', '\r\n', '\t', '\\', '\\u', '\\u12', '"\\ud800"',
  '\u0000', '\ufeff', '\u2028', '\ud800', '\udfff', '😀', 'true', 'null', 'NaN', 'Infinity', '-', '1e400', '0x1F',
  '"__proto__": {"polluted": true},', '"constructor": {},', '${env:', '${secret:X}', '"configuration": ', '"type": ',
];

const ODD_NUMBERS = ['1e400', '-1e400', '1e-400', '123456789012345678901234567890', '-0', '0.1e-7', '1E+308', '4.9e-324', '00012', '.5', '1.'];

const ODD_TYPES = ['', ' ', '__proto__', 'constructor', 'toString', '../../etc/passwd', 'postgresql\u0000', 'POSTGRESQL', 'x'.repeat(300), '\ud800'];

function at(text: string, prng: Prng): number {
  return prng.int(text.length + 1);
}

function insertAt(text: string, offset: number, fragment: string): string {
  return text.slice(0, offset) + fragment + text.slice(offset);
}

export const cut: Mutation = (text, prng) => {
  if (text.length === 0) return text;
  const start = prng.int(text.length);
  return text.slice(0, start) + text.slice(start + prng.between(1, 48));
};

export const insert: Mutation = (text, prng) => insertAt(text, at(text, prng), prng.pick(TOKENS));

export const swap: Mutation = (text, prng) => {
  if (text.length < 4) return text;
  const [a, b] = [prng.int(text.length), prng.int(text.length)].sort((x, y) => x - y);
  const lengthA = Math.min(prng.between(1, 32), b - a);
  const lengthB = prng.between(1, 32);
  const first = text.slice(a, a + lengthA);
  const second = text.slice(b, b + lengthB);
  return text.slice(0, a) + second + text.slice(a + lengthA, b) + first + text.slice(b + lengthB);
};

export const truncate: Mutation = (text, prng) => text.slice(0, prng.int(text.length + 1));

export const duplicateKeys: Mutation = (text, prng) => {
  const anchor = prng.chance(0.5) ? text.indexOf('"configuration"') : text.indexOf('{');
  const brace = text.indexOf('{', Math.max(0, anchor));
  if (brace < 0) return text;
  const key = prng.pick(['name', 'type', 'configuration', 'id', 'hostname', 'password', '']);
  const value = prng.pick(['"again"', '1', '{}', 'null', '[]']);
  return insertAt(text, brace + 1, ` "${key}": ${value}, "${key}": ${value},`);
};

export const oddNumber: Mutation = (text, prng) => {
  const numbers = [...text.matchAll(/-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
  const replacement = prng.pick(ODD_NUMBERS);
  if (numbers.length === 0) return insertAt(text, at(text, prng), replacement);
  const match = prng.pick(numbers);
  const start = match.index ?? 0;
  return text.slice(0, start) + replacement + text.slice(start + match[0].length);
};

export const loneSurrogate: Mutation = (text, prng) => {
  const quotes = [...text.matchAll(/"/g)];
  const offset = quotes.length > 0 ? (prng.pick(quotes).index ?? 0) + 1 : at(text, prng);
  return insertAt(text, offset, prng.pick(['\ud800', '\udc00', '\\ud800', '\\udfff\\ud800', '\ud83d']));
};

export const otherType: Mutation = (text, prng, context) => {
  const type = prng.chance(0.7) ? prng.pick(context.typeIds) : prng.pick(ODD_TYPES);
  const replaced = text.replace(/"type"\s*:\s*"[^"]*"/, `"type": ${JSON.stringify(type)}`);
  return replaced === text ? insertAt(text, text.indexOf('{') + 1, ` "type": ${JSON.stringify(type)},`) : replaced;
};

/** Replaces the configuration's value (or, failing that, the document) with arrays or objects nested `depth` deep. */
export function nesting(depth: number, text: string, prng: Prng): string {
  const nested = prng.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  const index = text.indexOf('"configuration"');
  if (index < 0) return nested;
  const colon = text.indexOf(':', index);
  return `${text.slice(0, colon + 1)} ${nested}, "after": ${text.slice(colon + 1)}`;
}

/**
 * Puts a string of `size` characters into the name (or at the front of an unparseable document): plain letters, or
 * mostly escape sequences (`é\\n\\"`), which cost a JSON scanner far more per character.
 */
export function hugeString(size: number, text: string, variant: 'plain' | 'escapes'): string {
  const filler = variant === 'plain' ? 'x'.repeat(size) : 'é\\n\\"'.repeat(Math.ceil(size / 5)).slice(0, size).replace(/\\$/, '');
  const replaced = text.replace(/"name"\s*:\s*"[^"]*"/, () => `"name": "${filler}"`);
  return replaced === text ? `"${filler}"${text}` : replaced;
}

export const SMALL_MUTATIONS: ReadonlyArray<[string, Mutation]> = [
  ['cut', cut],
  ['insert', insert],
  ['swap', swap],
  ['truncate', truncate],
  ['duplicate keys', duplicateKeys],
  ['odd number', oddNumber],
  ['lone surrogate', loneSurrogate],
  ['other type id', otherType],
  ['nesting 50..2000', (text, prng) => nesting(prng.between(50, 2000), text, prng)],
];
