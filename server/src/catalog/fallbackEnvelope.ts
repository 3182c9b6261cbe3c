// The envelope used only when the bundle lacks schemas/connection.schema.json (a broken install): the API's own
// minimum (name, type and configuration are required), so a file is still checked rather than silently accepted.
import type { JsonSchema } from './types';

export const FALLBACK_ENVELOPE: JsonSchema = {
  type: 'object',
  title: 'Polytomic connection',
  required: ['name', 'type', 'configuration'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', title: 'Name' },
    type: { type: 'string', title: 'Connection type' },
    configuration: { type: 'object', title: 'Configuration' },
    id: { type: 'string', title: 'Connection id' },
    organization_id: { type: 'string', title: 'Organization id' },
    policies: { type: 'array', items: { type: 'string' }, title: 'Policies' },
    healthcheck_interval: { type: 'string', title: 'Health check interval' },
    validate: { type: 'boolean', title: 'Validate on save' },
    force_destroy: { type: 'boolean', title: 'Force destroy' },
  },
};
