// What every route handler works with: the organisation's state, the type catalog and the validator.
import { randomUUID } from 'node:crypto';
import type { Catalog } from './catalog';
import type { ConfigurationValidator } from './configuration-validator';
import type { EmulatorState } from './store';

export interface Services {
  state: EmulatorState;
  catalog: Catalog;
  validator: ConfigurationValidator;
  orgId: string;
  now(): string;
  newId(): string;
}

export function createServices(state: EmulatorState, catalog: Catalog, validator: ConfigurationValidator, orgId: string): Services {
  return { state, catalog, validator, orgId, now: () => new Date().toISOString(), newId: () => randomUUID() };
}
