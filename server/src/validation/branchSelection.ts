// Turns ajv's errors for oneOf/anyOf/if into the errors of the branch the user meant:
// a branch whose discriminator (a const/enum property, or the value's type) does not match the document is not meant;
// of the rest, the one with the fewest errors wins. The "must match exactly one schema" summaries are dropped, except
// when a oneOf failed because several branches matched: that is reported as an ambiguity, naming the branches.
import type { ErrorObject } from 'ajv';

export interface DiscriminatorMismatch {
  /** instancePath of the discriminating property (or of the value itself for a type mismatch). */
  instancePath: string;
  /** The values (or types) the branches allow. */
  allowed: unknown[];
  kind: 'enum' | 'type';
  /** A representative error of the mismatch, for its schema context. */
  error: ErrorObject;
}

/** A oneOf whose value matched two or more of its branches. */
export interface AmbiguousMatch {
  instancePath: string;
  /** The indexes of the branches that matched. */
  passing: number[];
  error: ErrorObject;
}

export interface BranchSelection {
  errors: ErrorObject[];
  /** When no branch matches the discriminator: one mismatch summarising what the branches allow. */
  mismatches: DiscriminatorMismatch[];
  ambiguities: AmbiguousMatch[];
}

const SUMMARY_KEYWORDS = new Set(['oneOf', 'anyOf']);

export function selectBranches(errors: ErrorObject[]): BranchSelection {
  const removed = new Set<ErrorObject>();
  const mismatches: DiscriminatorMismatch[] = [];
  const ambiguities: AmbiguousMatch[] = [];
  // Outer combinators first: dropping an outer branch drops the inner summaries with it.
  const summaries = errors.filter((e) => SUMMARY_KEYWORDS.has(e.keyword)).sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const summary of summaries) {
    if (removed.has(summary)) continue;
    removed.add(summary);
    const prefix = `${summary.schemaPath}/`;
    const byBranch = new Map<number, ErrorObject[]>();
    for (const error of errors) {
      if (removed.has(error) || !error.schemaPath.startsWith(prefix)) continue;
      const index = Number(error.schemaPath.slice(prefix.length).split('/', 1)[0]);
      if (!Number.isInteger(index)) continue;
      if (!byBranch.has(index)) byBranch.set(index, []);
      byBranch.get(index)!.push(error);
    }
    const passing = summary.params.passingSchemas;
    if (summary.keyword === 'oneOf' && Array.isArray(passing)) {
      // Several branches matched: the failing branches' errors do not apply to a value that fits others.
      ambiguities.push({ instancePath: summary.instancePath, passing: passing as number[], error: summary });
      for (const list of byBranch.values()) for (const error of list) removed.add(error);
      continue;
    }
    if (byBranch.size === 0) continue;
    const meant = [...byBranch.entries()].filter(([, list]) => !list.some((e) => isDiscriminatorFailure(e, summary.instancePath)));
    let keep: number; // the branch whose errors stand; -1 for none
    if (meant.length > 0) {
      keep = fewestErrors(meant);
    } else {
      const mismatch = summariseMismatch([...byBranch.values()], summary.instancePath);
      if (mismatch) mismatches.push(mismatch); // it says it all; the branches' other errors would be noise
      keep = mismatch ? -1 : fewestErrors([...byBranch.entries()]);
    }
    for (const [index, list] of byBranch) if (index !== keep) for (const error of list) removed.add(error);
  }
  return {
    errors: errors.filter((e) => !removed.has(e) && e.keyword !== 'if'), // "must match then schema": the then-errors stand
    mismatches,
    ambiguities,
  };
}

function fewestErrors(branches: [number, ErrorObject[]][]): number {
  return branches.reduce((best, entry) => (entry[1].length < best[1].length ? entry : best))[0];
}

/** An error that shows the branch does not apply: a const/enum property of the object, or the value's own type. */
function isDiscriminatorFailure(error: ErrorObject, objectPath: string): boolean {
  if (error.keyword === 'type' && error.instancePath === objectPath) return true;
  if (error.keyword !== 'const' && error.keyword !== 'enum') return false;
  if (!error.instancePath.startsWith(`${objectPath}/`)) return false;
  return !error.instancePath.slice(objectPath.length + 1).includes('/');
}

function summariseMismatch(branches: ErrorObject[][], objectPath: string): DiscriminatorMismatch | undefined {
  const firstFailures = branches.map((list) => list.find((e) => isDiscriminatorFailure(e, objectPath))!);
  const typeFailures = firstFailures.filter((e) => e.keyword === 'type');
  if (typeFailures.length === firstFailures.length) {
    const types = unique(typeFailures.flatMap((e) => String(e.params.type).split(',')));
    return { instancePath: objectPath, allowed: types, kind: 'type', error: typeFailures[0] };
  }
  const valueFailures = firstFailures.filter((e) => e.keyword !== 'type');
  const path = valueFailures[0].instancePath;
  if (!valueFailures.every((e) => e.instancePath === path)) return undefined;
  const allowed = unique(
    valueFailures.flatMap((e) => (e.keyword === 'const' ? [e.params.allowedValue] : (e.params.allowedValues as unknown[]) ?? [])),
  );
  return { instancePath: path, allowed, kind: 'enum', error: valueFailures[0] };
}

function unique<T>(values: T[]): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
