// Typed reads of request-body fields, each failing with a 400 that names the field.
import { HttpError } from './api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A Go duration such as "3h30m" or "45s". */
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/;

export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) throw new HttpError(400, `${field} is required`);
  if (typeof value !== 'string' || value.trim() === '') throw new HttpError(400, `${field} must be a non-empty string`);
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, `${field} must be a string`);
  return value;
}

export function optionalUuid(body: Record<string, unknown>, field: string): string | undefined {
  const value = optionalString(body, field);
  if (value !== undefined && !UUID.test(value)) throw new HttpError(400, `${field} must be a UUID`);
  return value;
}

export function requiredObject(body: Record<string, unknown>, field: string): Record<string, unknown> {
  const value = body[field];
  if (value === undefined || value === null) throw new HttpError(400, `${field} is required`);
  if (typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, `${field} must be a JSON object`);
  return value as Record<string, unknown>;
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new HttpError(400, `${field} must be a boolean`);
  return value;
}

export function optionalStringArray(body: Record<string, unknown>, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new HttpError(400, `${field} must be an array of strings`);
  }
  return value as string[];
}

export function optionalDuration(body: Record<string, unknown>, field: string): string | undefined {
  const value = optionalString(body, field);
  if (value !== undefined && value !== '' && !GO_DURATION.test(value)) {
    throw new HttpError(400, `${field} must be a duration such as "3h30m" or "45m", got "${value}"`);
  }
  return value === '' ? undefined : value;
}
