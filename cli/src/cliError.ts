// The one way a command ends early: a sentence for stderr that says what went wrong and what to do, and the exit code.
export const EXIT_OK = 0;
/** validate: errors found. plan/apply: a failure. */
export const EXIT_PROBLEMS = 1;
/** Usage or environment: an unknown flag, a missing path, an unreadable catalog, a refused base URL. */
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
