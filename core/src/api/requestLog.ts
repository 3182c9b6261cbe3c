// The request log: one line per attempt with method, path, status, duration and attempt number.
// Bodies and headers are never logged, and every line passes through a secret scrubber as a second guard.

import { SecretScrubber } from './redaction';

export interface RequestLogger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export interface AttemptOutcome {
  method: string;
  path: string;
  attempt: number;
  durationMs: number;
  status?: number;
  /** Short description of a failure without a status (timeout, connection reset...). */
  failure?: string;
  retryInMs?: number;
}

export class RequestLog {
  constructor(
    private readonly logger: RequestLogger | undefined,
    private readonly scrubber: SecretScrubber,
  ) {}

  attempt(outcome: AttemptOutcome, scrubber: SecretScrubber = this.scrubber): void {
    if (!this.logger) return;
    const result = outcome.status !== undefined ? String(outcome.status) : (outcome.failure ?? 'no response');
    let line = `${outcome.method} ${outcome.path} -> ${result} (${Math.round(outcome.durationMs)} ms, attempt ${outcome.attempt})`;
    if (outcome.retryInMs !== undefined) {
      line += `; retrying in ${Math.round(outcome.retryInMs)} ms`;
      this.logger.warn(scrubber.scrub(line));
    } else if (outcome.status !== undefined && outcome.status < 400) {
      this.logger.info(scrubber.scrub(line));
    } else {
      this.logger.warn(scrubber.scrub(line));
    }
  }

  failed(method: string, path: string, message: string, scrubber: SecretScrubber = this.scrubber): void {
    this.logger?.error(scrubber.scrub(`${method} ${path} failed: ${message}`));
  }
}
