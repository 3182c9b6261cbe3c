// Turns any failure of a command into one notification a person can act on, and logs it. API errors are mapped by
// kind: 401 offers to re-enter the key, 404 on a file's connection offers to remove the stale id, and every error
// offers "Show Output" where the request log is.
import * as vscode from 'vscode';
import { isPolytomicApiError, PolytomicApiError } from '../../core/src/api/errors';
import type { PolytomicOutput } from './output';
import type { PromptHolder } from './ui';
import { UserError } from './userError';

const SHOW_OUTPUT = 'Show Output';

export interface ErrorContext {
  /** What was being done, e.g. "Create connection from warehouse.polytomic.json". */
  action: string;
  /** The connection file the command worked on, if any (for the 404 "remove stale id" offer). */
  fileUri?: vscode.Uri;
}

export class ErrorReporter {
  constructor(
    private readonly output: PolytomicOutput,
    private readonly prompts: PromptHolder,
  ) {}

  async report(error: unknown, context: ErrorContext): Promise<void> {
    if (error instanceof UserError) {
      this.output.warn(`${context.action}: ${error.message}`);
      // Scrubbed like the log: a UserError may quote a file's or the API's text that holds a resolved secret.
      const message = this.output.scrub(error.message);
      const picked = await this.prompts.current.notify(error.severity, message, ...error.actions.map((a) => a.title));
      const action = error.actions.find((a) => a.title === picked);
      if (action) await vscode.commands.executeCommand(action.command, ...(action.args ?? []));
      return;
    }
    if (isPolytomicApiError(error)) return this.reportApiError(error, context);
    const message = error instanceof Error ? error.message : String(error);
    this.output.error(`${context.action} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
    await this.offerOutput('error', `${context.action} failed: ${this.output.scrub(message)}`);
  }

  private async reportApiError(error: PolytomicApiError, context: ErrorContext): Promise<void> {
    if (error.kind === 'cancelled') {
      this.output.info(`${context.action}: cancelled.`);
      await this.prompts.current.notify('info', `${context.action}: cancelled.`);
      return;
    }
    this.output.error(`${context.action} failed (${error.kind}${error.status ? `, ${error.status}` : ''}): ${error.message}`);
    const message = `${context.action} failed: ${this.output.scrub(error.message)}`;
    if (error.kind === 'unauthorized') {
      const picked = await this.prompts.current.notify('error', message, 'Re-enter API Key', SHOW_OUTPUT);
      if (picked === 'Re-enter API Key') await vscode.commands.executeCommand('polytomic.enterApiKey');
      else if (picked === SHOW_OUTPUT) this.output.show();
      return;
    }
    if (error.kind === 'not_found' && context.fileUri && /\/api\/connections\/[^/]+$/.test(error.path)) {
      const remove = 'Remove Id from File';
      const picked = await this.prompts.current.notify(
        'error',
        `${message} The connection this file points at no longer exists in Polytomic.`,
        remove,
        SHOW_OUTPUT,
      );
      if (picked === remove) await vscode.commands.executeCommand('polytomic.removeStaleId', context.fileUri);
      else if (picked === SHOW_OUTPUT) this.output.show();
      return;
    }
    await this.offerOutput('error', message);
  }

  private async offerOutput(kind: 'error' | 'warning', message: string): Promise<void> {
    const picked = await this.prompts.current.notify(kind, message, SHOW_OUTPUT);
    if (picked === SHOW_OUTPUT) this.output.show();
  }
}
