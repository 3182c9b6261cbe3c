// The engine's and the language server's messages are written for the editor: a 401 says "Re-enter the key for
// profile", an unknown type "sign in to load your organization's catalog". On the command line the same facts get
// the command line's remedy (the variable or flag to set), chosen by the error's kind or the diagnostic's code.
import { isPolytomicApiError, PolytomicApiError, type ApiErrorKind } from '../../core/src/api/errors';
import { API_KEY_ENV } from '../../core/src/profiles/profileSettings';
import { BASE_URL_ENV } from './profileResolution';

const KEY_SOURCES = `${API_KEY_ENV}, or the file given to --api-key-file`;

function said(error: PolytomicApiError): string {
  return error.serverMessage ? `: ${error.serverMessage.replace(/\.$/, '')}` : '';
}

/** The message for the command line, or undefined when the engine's words serve already. */
function cliMessage(error: PolytomicApiError): string | undefined {
  const kind: ApiErrorKind = error.kind;
  switch (kind) {
    case 'unauthorized':
      return `Polytomic rejected the API key (401)${said(error)}. Check the key in ${KEY_SOURCES}: it must be a key of the organisation at this base URL.`;
    case 'forbidden':
      return error.message.replace(/Use a key with access to this organization\.$/, `Use a key with access to this organization (${KEY_SOURCES}).`);
    case 'not_found':
      return error.message.replace(/Check the base URL of profile "[^"]*"\.$/, `Check the base URL (--base-url or ${BASE_URL_ENV}).`);
    default:
      return undefined;
  }
}

/** The same error (kind, status, everything the engine branches on) with the command line's words. */
export function inCliWords(error: PolytomicApiError): PolytomicApiError {
  const message = cliMessage(error);
  if (message === undefined || message === error.message) return error;
  return new PolytomicApiError({
    kind: error.kind,
    message,
    method: error.method,
    path: error.path,
    status: error.status,
    key: error.key,
    usedBy: error.usedBy,
    fieldErrors: error.fieldErrors,
    retryAfterMs: error.retryAfterMs,
    serverMessage: error.serverMessage,
    cause: error,
  });
}

/**
 * The client, every call of which rejects with inCliWords: so the engine's results (an apply item's reason), the
 * commands' messages and describeError all say it the command line's way.
 */
export function cliWordedClient<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.catch((error: unknown) => {
          throw isPolytomicApiError(error) ? inCliWords(error) : error;
        });
      };
    },
  });
}

const EDITOR_CATALOG_ADVICE = "(sign in to load your organization's catalog, or check the spelling)";

/** A diagnostic's message with the command line's advice. `online`: checked against the profile's live catalog. */
export function diagnosticInCliWords(message: string, online: boolean): string {
  if (!message.includes(EDITOR_CATALOG_ADVICE)) return message;
  const advice = online ? '(the organisation\'s live catalog does not list it either: check the spelling)' : '(check the spelling, or run with --online to check against your organisation\'s catalog, or give it with --catalog DIR)';
  return message.replace(EDITOR_CATALOG_ADVICE, advice);
}
