// Turns an HTTP error response into a PolytomicApiError with a message a person can act on.
// Reads every body shape the API is known to send: ApiError {status, message, key, metadata},
// RestErrResponse {code, error, status, context}, the legacy {error: {message}}, and non-JSON bodies.

import { kindForStatus, PolytomicApiError, type Dependent, type FieldError } from './errors';

export interface ErrorContext {
  method: string;
  path: string;
  /** "delete the connection" */
  action: string;
  /** "connection", when a 404 names a missing thing */
  subject?: string;
  /** The id or type id from the path, for 404 messages. */
  subjectId?: string;
  profileName: string;
}

/** What an error body said, whatever its shape. */
export interface ParsedErrorBody {
  message?: string;
  key?: string;
  usedBy?: Dependent[];
  fieldErrors?: FieldError[];
  /** Set when the body was not JSON: a page title or trimmed text. */
  rawText?: string;
  truncated?: boolean;
}

const MAX_TEXT = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function shorten(text: string, max = MAX_TEXT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** A readable summary of a body that is not JSON: an HTML page's <title> (or its text), or the trimmed text. */
export function summarizeText(body: string): string | undefined {
  if (body.trim() === '') return undefined;
  if (/<html|<!doctype html|<head|<body/i.test(body)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
    if (title && title.trim() !== '') return shorten(decodeEntities(title));
    const text = body
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ');
    return shorten(decodeEntities(text)) || undefined;
  }
  return shorten(body);
}

function readDependents(metadata: unknown): Dependent[] | undefined {
  const list = Array.isArray(metadata) ? metadata : isRecord(metadata) ? metadata.used_by : undefined;
  if (!Array.isArray(list)) return undefined;
  const dependents = list.filter(isRecord).map((d) => ({
    type: String(d.type ?? 'resource'),
    name: String(d.name ?? ''),
    id: String(d.id ?? ''),
  }));
  return dependents.length > 0 ? dependents : undefined;
}

function fieldErrorsFrom(source: unknown): FieldError[] | undefined {
  const out: FieldError[] = [];
  if (Array.isArray(source)) {
    for (const item of source) {
      if (!isRecord(item)) continue;
      const field = nonEmptyString(item.field) ?? nonEmptyString(item.path) ?? nonEmptyString(item.name);
      const message = nonEmptyString(item.message) ?? nonEmptyString(item.error);
      if (field && message) out.push({ field, message });
    }
  } else if (isRecord(source)) {
    for (const [field, value] of Object.entries(source)) {
      const messages = Array.isArray(value) ? value : [value];
      for (const m of messages) {
        const message = nonEmptyString(m) ?? (isRecord(m) ? nonEmptyString(m.message) : undefined);
        if (message) out.push({ field, message });
      }
    }
  }
  return out.length > 0 ? out : undefined;
}

/** Field-level validation errors, wherever the body keeps them (metadata, context, or the top level). */
function readFieldErrors(body: Record<string, unknown>): FieldError[] | undefined {
  const holders = [body.metadata, body.context, body];
  for (const holder of holders) {
    if (!isRecord(holder)) continue;
    for (const name of ['field_errors', 'fields', 'errors', 'validation_errors']) {
      const found = fieldErrorsFrom(holder[name]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Parses an error body of any known shape; never throws. */
export function parseErrorBody(text: string, contentType?: string): ParsedErrorBody {
  const trimmed = text.trim();
  let json: unknown;
  try {
    json = trimmed === '' ? undefined : JSON.parse(trimmed);
  } catch {
    const looksJson = /^[[{]/.test(trimmed) || /json/i.test(contentType ?? '');
    return { rawText: summarizeText(text), truncated: looksJson };
  }
  if (!isRecord(json)) return { rawText: trimmed === '' ? undefined : shorten(trimmed) };
  const legacy = isRecord(json.error) ? nonEmptyString(json.error.message) : undefined;
  return {
    message: nonEmptyString(json.message) ?? nonEmptyString(json.error) ?? legacy ?? nonEmptyString(json.detail),
    key: nonEmptyString(json.key),
    usedBy: readDependents(json.metadata) ?? readDependents(json.context),
    fieldErrors: readFieldErrors(json),
  };
}

function humanType(type: string): string {
  return type.replace(/[_-]+/g, ' ').trim() || 'resource';
}

/** "Connection is used by 2 resources: bulk sync "Nightly", model "Users". Delete them first or force delete." */
export function inUseMessage(usedBy: Dependent[]): string {
  const count = usedBy.length === 1 ? '1 resource' : `${usedBy.length} resources`;
  const shown = usedBy.slice(0, 5).map((d) => `${humanType(d.type)} "${d.name || d.id}"`);
  const more = usedBy.length > 5 ? `, and ${usedBy.length - 5} more` : '';
  return `Connection is used by ${count}: ${shown.join(', ')}${more}. Delete them first or force delete.`;
}

/** The field errors the server message does not already spell out, as one sentence. */
function fieldList(fieldErrors: FieldError[] | undefined, serverMessage: string | undefined): string {
  const missing = (fieldErrors ?? []).filter((f) => !serverMessage?.includes(f.message));
  if (missing.length === 0) return '';
  const shown = missing.slice(0, 5).map((f) => `${f.field}: ${f.message}`);
  const more = missing.length > 5 ? `; and ${missing.length - 5} more` : '';
  return ` ${shown.join('; ')}${more}.`;
}

function said(parsed: ParsedErrorBody): string {
  if (parsed.message) return `: ${parsed.message.replace(/\.$/, '')}`;
  if (parsed.rawText) return parsed.truncated ? `: the error body was cut off ("${parsed.rawText}")` : `: "${parsed.rawText}"`;
  return '';
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.ceil(ms / 1000)} s`;
}

/** Builds the typed error for a non-2xx response. */
export function errorFromResponse(
  status: number,
  bodyText: string,
  contentType: string | undefined,
  ctx: ErrorContext,
  retryAfterMs?: number,
): PolytomicApiError {
  const parsed = parseErrorBody(bodyText, contentType);
  let kind = kindForStatus(status);
  const where = `${ctx.method} ${ctx.path}`;
  const detail = said(parsed);
  let message: string;
  switch (kind) {
    case 'unauthorized':
      message = `Polytomic rejected the API key (401)${detail}. Re-enter the key for profile "${ctx.profileName}".`;
      break;
    case 'forbidden':
      message = `The API key of profile "${ctx.profileName}" may not ${ctx.action} (403)${detail}. Use a key with access to this organization.`;
      break;
    case 'not_found':
      message = ctx.subject
        ? `Polytomic has no ${ctx.subject}${ctx.subjectId ? ` "${ctx.subjectId}"` : ''} (404, ${where})${detail}. It may have been deleted, or it belongs to another organization or profile.`
        : `Polytomic does not know ${where} (404)${detail}. Check the base URL of profile "${ctx.profileName}".`;
      break;
    case 'conflict':
      message = `Polytomic could not ${ctx.action} because of a conflict (409)${detail}. A request with the same idempotency key may still be running; wait a moment and retry.`;
      break;
    case 'unprocessable':
      if (parsed.usedBy || /in use/i.test(parsed.message ?? '')) {
        kind = 'in_use';
        message = parsed.usedBy
          ? inUseMessage(parsed.usedBy)
          : `Connection is in use (422)${detail}. Delete what uses it first or force delete.`;
      } else {
        message = `Polytomic could not ${ctx.action} (422)${detail}.${fieldList(parsed.fieldErrors, parsed.message)} Fix the configuration and retry.`;
      }
      break;
    case 'rate_limited':
      message = `Polytomic is rate limiting requests (429)${detail}. ${retryAfterMs !== undefined ? `Wait ${seconds(retryAfterMs)}` : 'Wait a moment'} and retry.`;
      break;
    case 'server':
      // Servers often say "retry later" themselves; say it once.
      message = `Polytomic failed to ${ctx.action} with a server error (${status}, ${where})${detail.replace(/[;,.]?\s*retry later$/i, '')}. Retry later.`;
      break;
    default:
      message = `Polytomic rejected the request to ${ctx.action} (${status})${detail}.${fieldList(parsed.fieldErrors, parsed.message)} Fix the request and retry.`;
  }
  return new PolytomicApiError({
    kind,
    message: message.replace(/\.\./g, '.'),
    status,
    key: parsed.key,
    usedBy: kind === 'in_use' ? (parsed.usedBy ?? []) : undefined,
    fieldErrors: parsed.fieldErrors,
    retryAfterMs,
    method: ctx.method,
    path: ctx.path,
    serverMessage: parsed.message ?? parsed.rawText,
  });
}
