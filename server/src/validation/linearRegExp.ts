// Schema patterns run on RE2JS, a linear-time engine: a served schema's `^(a+)+$` cannot freeze the server.
// A pattern RE2 cannot express (lookaround, backreferences) is not run at all: it counts as matched, and each value it
// would have judged is recorded so that the check can say which pattern was skipped (see PatternSkips).
import { RE2JS } from 're2js';
import type { RegExpEngine, RegExpLike } from 'ajv/dist/types';

export interface SkippedPattern {
  pattern: string;
  /** Why RE2 cannot run it, in RE2's words. */
  reason: string;
  /** The string it would have been tested against. */
  value: string;
}

/** The values met by unrunnable patterns during one validation; set around each validate() call. */
let collecting: SkippedPattern[] | undefined;

export const PatternSkips = {
  /** Runs `work`, returning what it returned and the patterns it had to skip. */
  during<T>(work: () => T): { result: T; skipped: SkippedPattern[] } {
    const outer = collecting;
    const skipped: SkippedPattern[] = [];
    collecting = skipped;
    try {
      return { result: work(), skipped };
    } finally {
      collecting = outer;
    }
  },
};

export type LinearPattern = { test(value: string): boolean } | { unsupported: string };

/** Compiles an ECMAScript (JSON Schema) pattern for RE2JS; `unsupported` says why it cannot run there. */
export function compileLinear(pattern: string): LinearPattern {
  try {
    const compiled = RE2JS.compile(toRe2Syntax(pattern));
    return { test: (value: string) => compiled.test(value) };
  } catch (error) {
    return { unsupported: error instanceof Error ? error.message : String(error) };
  }
}

/** `\uXXXX` (ECMAScript) is `\x{XXXX}` in RE2; the rest of the syntax JSON Schema patterns use is shared. */
function toRe2Syntax(pattern: string): string {
  return pattern.replace(/(\\*)\\u([0-9a-fA-F]{4})/g, (match, slashes: string, hex: string) =>
    slashes.length % 2 === 0 ? `${slashes}\\x{${hex}}` : match,
  );
}

/**
 * ajv's `code.regExp`: every `pattern` and `patternProperties` key of a compiled schema goes through here.
 * ajv keys its compiled patterns by `toString()`, so each one names its own pattern (an object's default would make
 * every pattern of an Ajv share the first one's).
 */
export const linearRegExpEngine: RegExpEngine = Object.assign(
  (pattern: string): RegExpLike => {
    const compiled = compileLinear(pattern);
    const toString = () => `linear:${pattern}`;
    if ('test' in compiled) return named({ test: compiled.test, toString });
    const reason = compiled.unsupported;
    return named({
      test(value: string): boolean {
        collecting?.push({ pattern, reason, value });
        return true;
      },
      toString,
    });
  },
  { code: 'linearRegExp' },
);

function named(pattern: RegExpLike & { toString(): string }): RegExpLike {
  return pattern;
}
