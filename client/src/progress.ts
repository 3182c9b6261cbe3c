// All network work runs under a cancellable progress notification; cancelling aborts the HTTP request itself.
import * as vscode from 'vscode';

export type ProgressReporter = (message: string) => void;

export function withCancellableProgress<T>(title: string, task: (signal: AbortSignal, report: ProgressReporter) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          return await task(controller.signal, (message) => progress.report({ message }));
        } finally {
          subscription.dispose();
        }
      },
    ),
  );
}
