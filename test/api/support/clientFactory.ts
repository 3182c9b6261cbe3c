// Builds clients for tests: fast retries, delays recorded instead of waited, a logger that keeps every line,
// and an empty proxy environment unless the test gives one.

import { PolytomicClient, type ClientOptions } from '../../../core/src/api/client';
import type { ApiProfile } from '../../../core/src/api/profile';
import type { RequestLogger } from '../../../core/src/api/requestLog';

export class CollectingLogger implements RequestLogger {
  readonly lines: { level: 'info' | 'warn' | 'error'; line: string }[] = [];
  info(line: string): void {
    this.lines.push({ level: 'info', line });
  }
  warn(line: string): void {
    this.lines.push({ level: 'warn', line });
  }
  error(line: string): void {
    this.lines.push({ level: 'error', line });
  }
  text(): string {
    return this.lines.map((l) => `${l.level} ${l.line}`).join('\n');
  }
}

export interface TestClient {
  client: PolytomicClient;
  logger: CollectingLogger;
  /** Every delay the client asked to wait between attempts. */
  delays: number[];
}

export function userProfile(baseUrl: string, overrides: Partial<ApiProfile> = {}): ApiProfile {
  return { name: 'test', baseUrl, keyKind: 'user', apiVersion: '2025-09-18', ...overrides };
}

export function makeClient(baseUrl: string, overrides: Partial<ClientOptions> = {}, profile: Partial<ApiProfile> = {}): TestClient {
  const logger = new CollectingLogger();
  const delays: number[] = [];
  const client = new PolytomicClient({
    profile: userProfile(baseUrl, profile),
    apiKey: 'test-key-0123456789',
    log: logger,
    env: {},
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...overrides,
    retry: { baseDelayMs: 1, maxDelayMs: 2, ...overrides.retry },
  });
  return { client, logger, delays };
}
