// Idempotency-Key on POST: the first request's outcome is replayed to later requests with the same key; a request
// whose key is still in flight gets 409. Keys are kept for 24 hours, in memory.
import { HttpError } from './api-error';
import type { Reply } from './router';

const KEY = /^[A-Za-z0-9_-]{8,255}$/;
const RETENTION_MS = 24 * 60 * 60 * 1000;

type Entry = { inFlight: true } | { inFlight: false; reply: Reply; expiresAt: number };

export type Admission = { kind: 'new' } | { kind: 'replay'; reply: Reply } | { kind: 'conflict' };

export function checkIdempotencyKey(key: string): void {
  if (!KEY.test(key)) {
    throw new HttpError(400, 'Idempotency-Key must be 8 to 255 characters of letters, digits, "-" and "_"');
  }
}

export class IdempotencyKeys {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  admit(key: string): Admission {
    const entry = this.entries.get(key);
    if (entry && !entry.inFlight && entry.expiresAt <= this.now()) this.entries.delete(key);
    const current = this.entries.get(key);
    if (!current) {
      this.entries.set(key, { inFlight: true });
      return { kind: 'new' };
    }
    return current.inFlight ? { kind: 'conflict' } : { kind: 'replay', reply: current.reply };
  }

  complete(key: string, reply: Reply): void {
    this.entries.set(key, { inFlight: false, reply, expiresAt: this.now() + RETENTION_MS });
  }

  /** The request never reached the API (a fault before commit): the key may be used again. */
  abandon(key: string): void {
    this.entries.delete(key);
  }

  inFlightCount(): number {
    return [...this.entries.values()].filter((e) => e.inFlight).length;
  }

  clear(): void {
    this.entries.clear();
  }
}
