// Paths of the test catalogs and the two connection documents of the product's own docs.
import { resolve } from 'node:path';
import { REPO_ROOT } from './lsp-session';

export const FIXTURES = resolve(REPO_ROOT, 'test', 'server', 'fixtures');
export const CORE_CATALOG = resolve(FIXTURES, 'catalog-core');
export const OVERRIDE_CATALOG = resolve(FIXTURES, 'catalog-override');
/** The 232 real schemas: test data, read in place. */
export const REAL_CATALOG = resolve(REPO_ROOT, '..', 'shared', 'data', 'connection-types');

export const DOCS_API_EXAMPLE = `{
  "name": "example",
  "type": "api",
  "configuration": {
    "url": "https://example.com",
    "healthcheck": "https://example.com/healthz",
    "body": "{\\"key\\":\\"value\\"}"
  }
}
`;

export const DOCS_POSTGRES_EXAMPLE = `{
  // The password comes from the environment when the file is sent.
  "name": "My Postgres Connection",
  "type": "postgresql",
  "configuration": {
    "hostname": "postgres.example.com",
    "port": 5432,
    "database": "example",
    "username": "user",
    "password": "\${env:PG_PASSWORD}"
  }
}
`;

let counter = 0;
/** A fresh document URI per call, so tests never see each other's diagnostics. */
export function newUri(name = 'connection'): string {
  counter++;
  return `file:///workspace/${name}-${counter}.polytomic.json`;
}
