// A problem the user can fix that is not an API error (a file with errors, a missing placeholder, no profile):
// shown as a notification with its own actions, never as a stack trace.

export interface UserErrorAction {
  title: string;
  command: string;
  args?: unknown[];
}

export class UserError extends Error {
  constructor(
    message: string,
    readonly actions: UserErrorAction[] = [],
    readonly severity: 'error' | 'warning' = 'error',
  ) {
    super(message);
    this.name = 'UserError';
  }
}
