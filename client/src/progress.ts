// All network work runs under a cancellable progress notification; cancelling aborts the HTTP request itself.
// A progress notification renders links like any notification: its title and messages (connection and type names)
// are made inert.
import * as vscode from 'vscode';
import { inertText } from './inertText';

export type ProgressReporter = (message: string) => void;

export function withCancellableProgress<T>(title: string, task: (signal: AbortSignal, report: ProgressReporter) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: inertText(title, 200), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          return await task(controller.signal, (message) => progress.report({ message: inertText(message, 200) }));
        } finally {
          subscription.dispose();
        }
      },
    ),
  );
}
