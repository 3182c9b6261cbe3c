// Fault injection for tests: latency, 5xx answers, dropped sockets and 429s, decided by a seeded PRNG so the same
// spec and the same request sequence give the same faults. Faults sit in front of the API, like a proxy: an
// "after commit" fault lets the change happen and then loses or replaces the answer.
import { createRandom, type Random } from './prng';

export interface FaultSpec {
  /** Added before every affected request is handled. */
  latencyMs?: number;
  /** Share (0..1) of affected requests answered with one of errorStatuses. */
  errorRate?: number;
  /** Default [500, 502, 503]. */
  errorStatuses?: number[];
  /** Share (0..1) of injected errors and drops that happen after the change was committed. */
  afterCommitShare?: number;
  /** Share (0..1) of affected requests whose socket is destroyed without an answer. */
  dropRate?: number;
  /** Every `every`-th affected request gets 429 with Retry-After. */
  rateLimit?: { every: number; retryAfterSeconds?: number };
  /** PRNG seed (default 1); setting a spec restarts the sequence. */
  seed?: number;
  /** Only these methods are affected (default: all). */
  methods?: string[];
}

export interface FaultDecision {
  latencyMs: number;
  rateLimit?: { retryAfterSeconds: number };
  error?: { status: number; afterCommit: boolean };
  drop?: { afterCommit: boolean };
}

const NONE: FaultDecision = { latencyMs: 0 };

function share(value: unknown, name: string): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new Error(`${name} must be a number from 0 to 1`);
  return value;
}

/** Checks a spec from JSON or flags; throws with a message naming the bad field. */
export function checkFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('the fault spec must be a JSON object');
  const spec = input as Record<string, unknown>;
  const known = ['latencyMs', 'errorRate', 'errorStatuses', 'afterCommitShare', 'dropRate', 'rateLimit', 'seed', 'methods'];
  const unknown = Object.keys(spec).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new Error(`unknown fault field(s): ${unknown.join(', ')}; known: ${known.join(', ')}`);
  const out: FaultSpec = {};
  if (spec.latencyMs !== undefined) {
    if (typeof spec.latencyMs !== 'number' || spec.latencyMs < 0) throw new Error('latencyMs must be a number >= 0');
    out.latencyMs = spec.latencyMs;
  }
  if (spec.errorRate !== undefined) out.errorRate = share(spec.errorRate, 'errorRate');
  if (spec.afterCommitShare !== undefined) out.afterCommitShare = share(spec.afterCommitShare, 'afterCommitShare');
  if (spec.dropRate !== undefined) out.dropRate = share(spec.dropRate, 'dropRate');
  if (spec.errorStatuses !== undefined) {
    const statuses = spec.errorStatuses;
    if (!Array.isArray(statuses) || statuses.length === 0 || statuses.some((s) => !Number.isInteger(s) || s < 400 || s > 599)) {
      throw new Error('errorStatuses must be a non-empty array of HTTP error statuses, e.g. [500, 502, 503]');
    }
    out.errorStatuses = statuses as number[];
  }
  if (spec.rateLimit !== undefined) {
    const limit = spec.rateLimit as Record<string, unknown>;
    if (typeof limit !== 'object' || limit === null || !Number.isInteger(limit.every) || (limit.every as number) < 1) {
      throw new Error('rateLimit must be {every: integer >= 1, retryAfterSeconds?: integer >= 0}');
    }
    if (limit.retryAfterSeconds !== undefined && (!Number.isInteger(limit.retryAfterSeconds) || (limit.retryAfterSeconds as number) < 0)) {
      throw new Error('rateLimit.retryAfterSeconds must be an integer >= 0');
    }
    out.rateLimit = { every: limit.every as number, retryAfterSeconds: (limit.retryAfterSeconds as number | undefined) ?? 1 };
  }
  if (spec.seed !== undefined) {
    if (!Number.isInteger(spec.seed)) throw new Error('seed must be an integer');
    out.seed = spec.seed as number;
  }
  if (spec.methods !== undefined) {
    if (!Array.isArray(spec.methods) || spec.methods.some((m) => typeof m !== 'string')) throw new Error('methods must be an array of HTTP methods');
    out.methods = (spec.methods as string[]).map((m) => m.toUpperCase());
  }
  return out;
}

export class FaultController {
  private spec: FaultSpec = {};
  private random: Random = createRandom(1);
  private counted = 0;
  /** Requests sleeping through the current spec's latency; a new spec wakes them. */
  private readonly sleepers = new Set<() => void>();

  constructor(initial?: FaultSpec) {
    if (initial) this.set(initial);
  }

  /**
   * Replaces the spec (checked), restarts the PRNG and the rate-limit counter, and ends the latency of requests
   * still waiting under the old spec (so a test can hold a request with a long latency and release it at will).
   */
  set(spec: FaultSpec): void {
    this.spec = checkFaultSpec(spec);
    this.random = createRandom(this.spec.seed ?? 1);
    this.counted = 0;
    for (const wake of [...this.sleepers]) wake();
  }

  /** Waits out a decision's latency, or less if the spec changes meanwhile. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      // Unreferenced: a held request must not keep a closed emulator's process alive.
      const timer = setTimeout(wake, ms).unref();
      this.sleepers.add(wake);
    });
  }

  clear(): void {
    this.set({});
  }

  get(): FaultSpec {
    return { ...this.spec };
  }

  /** One decision per API request; always draws the same count of numbers so sequences stay aligned. */
  decide(method: string): FaultDecision {
    const spec = this.spec;
    if (spec.methods && !spec.methods.includes(method.toUpperCase())) return NONE;
    if (Object.keys(spec).every((k) => k === 'seed' || k === 'methods')) return NONE;
    const [errorDraw, statusDraw, errorPhaseDraw, dropDraw, dropPhaseDraw] = [0, 0, 0, 0, 0].map(() => this.random());
    this.counted += 1;
    const decision: FaultDecision = { latencyMs: spec.latencyMs ?? 0 };
    if (spec.rateLimit && this.counted % spec.rateLimit.every === 0) {
      decision.rateLimit = { retryAfterSeconds: spec.rateLimit.retryAfterSeconds ?? 1 };
      return decision;
    }
    const afterCommitShare = spec.afterCommitShare ?? 0;
    if (errorDraw < (spec.errorRate ?? 0)) {
      const statuses = spec.errorStatuses ?? [500, 502, 503];
      decision.error = { status: statuses[Math.floor(statusDraw * statuses.length)], afterCommit: errorPhaseDraw < afterCommitShare };
    } else if (dropDraw < (spec.dropRate ?? 0)) {
      decision.drop = { afterCommit: dropPhaseDraw < afterCommitShare };
    }
    return decision;
  }
}
