// What the API receives for a file: one shape for Create, Update and the workspace apply.
import type { ValidConnectionFile } from '../connectionFile';
import type { CreateConnectionRequest } from '../api/types';

/** The optional envelope fields the file sets, as the API names them. */
export function optionalFields(file: ValidConnectionFile): { organization_id?: string; policies?: string[]; healthcheck_interval?: string } {
  const out: { organization_id?: string; policies?: string[]; healthcheck_interval?: string } = {};
  if (typeof file.organization_id === 'string') out.organization_id = file.organization_id;
  if (Array.isArray(file.policies)) out.policies = file.policies.filter((p): p is string => typeof p === 'string');
  if (typeof file.healthcheck_interval === 'string') out.healthcheck_interval = file.healthcheck_interval;
  return out;
}

/** The body of a create (an update sends the same fields). `validateDefault`: the setting when the file says nothing. */
export function connectionBody(file: ValidConnectionFile, configuration: Record<string, unknown>, validateDefault: boolean): CreateConnectionRequest {
  return {
    name: file.name,
    type: file.type,
    configuration,
    ...optionalFields(file),
    validate: typeof file.validate === 'boolean' ? file.validate : validateDefault,
  };
}
