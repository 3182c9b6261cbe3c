// What a failed connection test means for the user: Polytomic's own words about the upstream ("could not reach
// `hostname` (db.example.com): ..."), not an HTTP failure, and the configuration fields it names, so that the editor
// can mark them.
import type { FieldError } from './api/errors';

export interface TestFailure {
  /** Polytomic's reason, e.g. "could not reach `hostname` (db.example.com): no such host". */
  reason: string;
  /** Configuration paths the reason names that the file has, e.g. ["hostname"] or ["auth.basic.username"]. */
  fields: string[];
}

export function describeTestFailure(serverMessage: string | undefined, fieldErrors: FieldError[] | undefined, configuration: Record<string, unknown>): TestFailure {
  const reason = (serverMessage ?? '').replace(/^\s*connection test failed:?\s*/i, '').trim() || 'Polytomic gave no reason';
  const fields = new Set<string>();
  for (const f of fieldErrors ?? []) if (hasPath(configuration, f.field.replace(/^configuration\./, ''))) fields.add(f.field.replace(/^configuration\./, ''));
  // Polytomic quotes the field it could not use in backticks (`hostname`); plain words would match too much.
  for (const m of reason.matchAll(/`([A-Za-z0-9_.[\]-]+)`/g)) if (hasPath(configuration, m[1])) fields.add(m[1]);
  return { reason, fields: [...fields] };
}

/** The path as jsonc-parser's JSONPath: "auth.basic[0].name" -> ["auth", "basic", 0, "name"]. */
export function fieldPath(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => {
    const out: (string | number)[] = [];
    const base = part.replace(/\[(\d+)\]/g, (_, i: string) => {
      out.push(Number(i));
      return '';
    });
    return [base, ...out].filter((p) => p !== '');
  });
}

function hasPath(configuration: Record<string, unknown>, path: string): boolean {
  let at: unknown = configuration;
  for (const key of fieldPath(path)) {
    if (at === null || typeof at !== 'object' || !(key in (at as Record<string | number, unknown>))) return false;
    at = (at as Record<string | number, unknown>)[key];
  }
  return true;
}
