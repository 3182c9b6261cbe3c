// One run of a compiled validator over a value: its errors, the patterns it could not run, and whether the schema
// recursed without end (`{"$ref": "#"}` compiles, then calls itself on the same value until the stack runs out).
import type { ErrorObject, ValidateFunction } from 'ajv';
import { PatternSkips, type SkippedPattern } from './linearRegExp';

export type ValidatorRun = { errors: ErrorObject[]; skipped: SkippedPattern[] } | { endlessRecursion: true };

export function runValidator(validate: ValidateFunction, data: unknown): ValidatorRun {
  try {
    const { result: valid, skipped } = PatternSkips.during(() => validate(data));
    return { errors: valid ? [] : (validate.errors ?? []), skipped };
  } catch (error) {
    if (error instanceof RangeError) return { endlessRecursion: true };
    throw error;
  }
}
