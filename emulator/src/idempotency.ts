// Idempotency-Key on POST: the first request's outcome is replayed to later requests with the same key; a request
// whose key is still in flight gets 409. Keys are kept for 24 hours; recorded ones go into the --data file with their
// answers (see persistence.ts), so a restart of the emulator forgets none of them.
import { HttpError } from './api-error';
import type { Reply } from './router';

const KEY = /^[A-Za-z0-9_-]{8,255}$/;
const RETENTION_MS = 24 * 60 * 60 * 1000;

type Entry = { inFlight: true } | { inFlight: false; reply: Reply; expiresAt: number };

export type Admission = { kind: 'new' } | { kind: 'replay'; reply: Reply } | { kind: 'conflict' };

/** A key whose outcome is recorded, as the data file holds it. */
export interface RecordedKey {
  key: string;
  reply: Reply;
  /** Milliseconds since the epoch. */
  expires_at: number;
}

export function checkIdempotencyKey(key: string): void {
  if (!KEY.test(key)) {
    throw new HttpError(400, 'Idempotency-Key must be 8 to 255 characters of letters, digits, "-" and "_"');
  }
}

export class IdempotencyKeys {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: Array<() => void> = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Called after an outcome is recorded or the recorded keys are cleared (persistence listens here). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

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
    this.changed();
  }

  /** The request never reached the API (a fault before commit): the key may be used again. */
  abandon(key: string): void {
    this.entries.delete(key);
  }

  inFlightCount(): number {
    return [...this.entries.values()].filter((e) => e.inFlight).length;
  }

  /** The recorded (not in-flight), unexpired keys. */
  recorded(): RecordedKey[] {
    const now = this.now();
    const recorded: RecordedKey[] = [];
    for (const [key, entry] of this.entries) {
      if (!entry.inFlight && entry.expiresAt > now) recorded.push({ key, reply: entry.reply, expires_at: entry.expiresAt });
    }
    return recorded;
  }

  /** Takes back keys recorded before a restart; expired ones are left out. */
  restore(records: RecordedKey[]): void {
    const now = this.now();
    for (const record of records) {
      if (record.expires_at > now) this.entries.set(record.key, { inFlight: false, reply: record.reply, expiresAt: record.expires_at });
    }
  }

  clear(): void {
    this.entries.clear();
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
