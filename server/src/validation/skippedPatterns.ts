// Information diagnostics for the patterns a check could not run (see linearRegExp.ts): one per pattern, on the first
// value (or key, for patternProperties) of the document it would have judged, so the user knows that value is unchecked.
import type { JSONPath } from 'jsonc-parser';
import { isPlainObject } from '../catalog/dialect';
import { Code } from '../diagnostics/codes';
import type { SkippedPattern } from './linearRegExp';
import { fieldLabel } from './messages';
import type { Problem } from './problem';

const MAX_SEARCH_DEPTH = 64;

export function skippedPatternProblems(skipped: SkippedPattern[], data: unknown, basePath: JSONPath): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { pattern, reason, value } of skipped) {
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    const found = findString(data, value, []);
    const path = [...basePath, ...(found?.path ?? [])];
    const what = !found ? 'a value' : found.target === 'key' ? `the key ${fieldLabel(path)}` : fieldLabel(path);
    problems.push({
      code: Code.patternSkipped,
      severity: 'information',
      message: `${what} is not checked against the schema's pattern ${JSON.stringify(pattern)}: patterns run on a linear-time engine, which cannot run this one (${reason})`,
      path,
      target: found?.target ?? 'key',
    });
  }
  return problems;
}

/** The first place holding `text` as a string value or as a key, depth first. */
function findString(node: unknown, text: string, path: JSONPath, depth = 0): { path: JSONPath; target: 'key' | 'value' } | undefined {
  if (depth > MAX_SEARCH_DEPTH) return undefined;
  if (node === text) return { path, target: 'value' };
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const found = findString(node[i], text, [...path, i], depth + 1);
      if (found) return found;
    }
  } else if (isPlainObject(node)) {
    for (const key of Object.keys(node)) {
      if (key === text) return { path: [...path, key], target: 'key' };
      const found = findString(node[key], text, [...path, key], depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
