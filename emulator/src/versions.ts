// X-Polytomic-Version: the supported versions and what differs between them for the connections API.
import { HttpError } from './api-error';

export const VERSION_HEADER = 'x-polytomic-version';
export const SUPPORTED_VERSIONS = ['2025-09-18', '2024-02-08', '2023-04-25', '2022-12-12', '2021-05-23'] as const;
export type ApiVersion = (typeof SUPPORTED_VERSIONS)[number];
/** A request without the header is served as the newest version (the newest docs say so) and still gets it echoed. */
export const DEFAULT_VERSION: ApiVersion = '2025-09-18';

export function resolveVersion(header: string | string[] | undefined): ApiVersion {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || raw.trim() === '') return DEFAULT_VERSION;
  const value = raw.trim();
  const known = SUPPORTED_VERSIONS.find((v) => v === value);
  if (!known) {
    throw new HttpError(
      400,
      `unsupported X-Polytomic-Version "${value}"; supported versions: ${SUPPORTED_VERSIONS.join(', ')}`,
    );
  }
  return known;
}

/** Update is PUT from 2024-02-08 on; 2023-04-25 and older used PATCH. */
export function updateMethodFor(version: ApiVersion): 'PUT' | 'PATCH' {
  return version >= '2024-02-08' ? 'PUT' : 'PATCH';
}

/** The 2024-02-08 SDK (and the versions before it) types 401 bodies as RestErrResponse; 2025-09-18 uses ApiError. */
export function usesRestErrFor401(version: ApiVersion): boolean {
  return version <= '2024-02-08';
}

/** In 2025-09-18 the type list is public (the SDK sends no Authorization header for it). */
export function typeListNeedsAuth(version: ApiVersion): boolean {
  return version < '2025-09-18';
}
