// --seed demo: a realistic organisation (connections of common types, some unhealthy, some used by syncs).
// --seed many:N: N generated connections, for trees and lists under load. Ids and dates are deterministic.
import type { Actor } from './auth';
import { createRandom, randomUuid, type Random } from './prng';
import type { StateSnapshot, StoredBulkSync, StoredConnection, StoredModel, StoredModelSync } from './store';

const SEED_ACTOR: Actor = { id: '5b0e7c1e-2f4a-4c1d-9d3e-7a6b8c9d0e1f', name: 'Demo Admin', type: 'user' };
const BASE_TIME = Date.parse('2026-06-01T09:00:00.000Z');

interface SeedConnection {
  name: string;
  type: string;
  typeName: string;
  configuration: Record<string, unknown>;
  statusError?: string;
}

const DEMO_CONNECTIONS: SeedConnection[] = [
  {
    name: 'Production Postgres',
    type: 'postgresql',
    typeName: 'PostgreSQL',
    configuration: { hostname: 'db.acme-demo.example.com', port: 5432, database: 'app', username: 'polytomic', password: 'demo-not-a-real-password', ssl: true },
  },
  {
    name: 'Analytics Warehouse',
    type: 'snowflake',
    typeName: 'Snowflake',
    configuration: { account: 'acme-demo.us-east-1', username: 'POLYTOMIC', password: 'demo-not-a-real-password', dbname: 'ANALYTICS', warehouse: 'COMPUTE_WH' },
  },
  {
    name: 'Reporting Replica',
    type: 'postgresql',
    typeName: 'PostgreSQL',
    configuration: { hostname: 'replica.acme-demo.example.com', port: 5432, database: 'reporting', username: 'reporting', password: 'demo-not-a-real-password', ssl: true },
    statusError: 'pq: password authentication failed for user "reporting"',
  },
  {
    name: 'Data Lake',
    type: 's3',
    typeName: 'Amazon S3',
    configuration: { auth_mode: 'access_key_and_secret', aws_access_key_id: 'AKIADEMOEXAMPLE00000', aws_secret_access_key: 'demo-not-a-real-secret', s3_bucket_name: 'acme-demo-lake', s3_bucket_region: 'us-east-1' },
  },
  {
    name: 'Partner Inventory API',
    type: 'api',
    typeName: 'HTTP API',
    configuration: { url: 'https://partner.example.com/v2', healthcheck: 'https://partner.example.com/v2/healthz', headers: [{ name: 'Accept', value: 'application/json' }] },
    statusError: 'GET https://partner.example.com/v2/healthz: 503 Service Unavailable',
  },
  {
    name: 'Salesforce Production',
    type: 'salesforce',
    typeName: 'Salesforce',
    configuration: { domain: 'acme-demo.my.salesforce.com', connect_mode: 'browser', oauth_refresh_token: 'demo-not-a-real-token', username: 'integration@acme-demo.example.com' },
  },
  {
    name: 'HubSpot Marketing',
    type: 'hubspot',
    typeName: 'HubSpot',
    configuration: { oauth_refresh_token: 'demo-not-a-real-token', use_search_api: true, hub_domain: 'acme-demo.example.com' },
  },
  {
    name: 'Stripe Billing',
    type: 'stripe',
    typeName: 'Stripe',
    configuration: { api_key: 'demo-not-a-real-api-key' },
  },
  {
    name: 'Orders MySQL',
    type: 'mysql',
    typeName: 'MySQL',
    configuration: { hostname: 'orders.acme-demo.example.com', port: 3306, account: 'polytomic', passwd: 'demo-not-a-real-password', dbname: 'orders' },
    statusError: 'dial tcp 10.0.4.12:3306: i/o timeout',
  },
  {
    name: 'Marketing BigQuery',
    type: 'bigquery',
    typeName: 'Google BigQuery',
    configuration: { auth_method: 'service_account_key', service_account: '{"type":"service_account","note":"demo, not a real key"}', location: 'US' },
  },
  {
    name: 'Order Events Webhook',
    type: 'webhook',
    typeName: 'Webhook',
    configuration: { url: 'https://hooks.acme-demo.example.com/polytomic', auth_method: 'polytomic_secret' },
  },
  {
    name: 'Support Desk',
    type: 'zendesk_support',
    typeName: 'Zendesk Support',
    configuration: { domain: 'acme-demo.zendesk.com', auth_method: 'apitoken', email: 'support@acme-demo.example.com', api_token: 'demo-not-a-real-token' },
    statusError: 'oauth2: 401 Unauthorized: the API token was revoked',
  },
];

function timeAt(offsetMinutes: number): string {
  return new Date(BASE_TIME + offsetMinutes * 60_000).toISOString();
}

function toStored(seed: SeedConnection, id: string, orgId: string, offsetMinutes: number): StoredConnection {
  const at = timeAt(offsetMinutes);
  return {
    id,
    name: seed.name,
    organization_id: orgId,
    type: seed.type,
    type_name: seed.typeName,
    configuration: seed.configuration,
    status: seed.statusError ? 'unhealthy' : 'healthy',
    ...(seed.statusError ? { status_error: seed.statusError } : {}),
    saved: true,
    policies: [],
    created_at: at,
    updated_at: at,
    created_by: SEED_ACTOR,
    updated_by: SEED_ACTOR,
  };
}

function dependentStamps(random: Random, orgId: string, offsetMinutes: number) {
  const at = timeAt(offsetMinutes);
  return { id: randomUuid(random), organization_id: orgId, created_at: at, updated_at: at };
}

export function demoSeed(orgId: string): StateSnapshot {
  const random = createRandom(20260601);
  const connections = DEMO_CONNECTIONS.map((seed, i) => toStored(seed, randomUuid(random), orgId, i * 90));
  const byName = (name: string) => connections.find((c) => c.name === name)!.id;
  const models: StoredModel[] = [
    { ...dependentStamps(random, orgId, 2000), name: 'Active customers', connection_id: byName('Production Postgres'), configuration: { query: 'select * from customers where active' } },
    { ...dependentStamps(random, orgId, 2010), name: 'Open orders', connection_id: byName('Orders MySQL'), configuration: { table: 'orders' } },
  ];
  const syncs: StoredModelSync[] = [
    { ...dependentStamps(random, orgId, 2100), name: 'Customers to Salesforce', target: { connection_id: byName('Salesforce Production'), object: 'Account' }, model_ids: [models[0].id], active: true, mode: 'updateOrCreate' },
    { ...dependentStamps(random, orgId, 2110), name: 'Customers to HubSpot', target: { connection_id: byName('HubSpot Marketing'), object: 'contacts' }, model_ids: [models[0].id], active: true, mode: 'updateOrCreate' },
  ];
  const bulkSyncs: StoredBulkSync[] = [
    { ...dependentStamps(random, orgId, 2200), name: 'Postgres to Snowflake', source_connection_id: byName('Production Postgres'), destination_connection_id: byName('Analytics Warehouse'), active: true, mode: 'replicate', schedule: { frequency: 'hourly' } },
    { ...dependentStamps(random, orgId, 2210), name: 'Stripe to BigQuery', source_connection_id: byName('Stripe Billing'), destination_connection_id: byName('Marketing BigQuery'), active: true, mode: 'replicate', schedule: { frequency: 'daily' } },
  ];
  return { connections, bulk_syncs: bulkSyncs, models, syncs };
}

/** Cycles over a few common types; every tenth connection is unhealthy. */
export function manySeed(orgId: string, count: number): StateSnapshot {
  const random = createRandom(count);
  const templates = DEMO_CONNECTIONS.filter((c) => !c.statusError);
  const connections: StoredConnection[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length];
    const number = String(i + 1).padStart(String(count).length, '0');
    const seed: SeedConnection = {
      ...template,
      name: `${template.typeName} ${number}`,
      statusError: i % 10 === 9 ? 'dial tcp: i/o timeout' : undefined,
    };
    connections.push(toStored(seed, randomUuid(random), orgId, i));
  }
  return { connections, bulk_syncs: [], models: [], syncs: [] };
}

/** "demo" or "many:N"; throws with the accepted forms otherwise. */
export function seedFor(spec: string, orgId: string): StateSnapshot {
  if (spec === 'demo') return demoSeed(orgId);
  const many = /^many:(\d+)$/.exec(spec);
  if (many) {
    const count = Number(many[1]);
    if (count < 1 || count > 100_000) throw new Error('--seed many:N takes N from 1 to 100000');
    return manySeed(orgId, count);
  }
  throw new Error(`unknown seed "${spec}"; use "demo" or "many:N"`);
}
