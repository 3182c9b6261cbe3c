// Every request handler goes through runSafe: a cancelled request answers RequestCancelled, and an exception becomes
// a logged error and an empty answer, never a crash of the server.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export type ErrorLog = (message: string) => void;

export async function runSafe<T>(log: ErrorLog, name: string, token: CancellationToken | undefined, fallback: T, work: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return cancelled(name);
  try {
    const result = await work();
    if (token?.isCancellationRequested) return cancelled(name);
    return result;
  } catch (error) {
    log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

function cancelled(name: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${name} was cancelled`);
}
