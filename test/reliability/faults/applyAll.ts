// Applies many connection files at once, in passes: a file whose create failed with an unknown or transient outcome
// is tried again in the next pass with the same idempotency key. Every failure is written to the output with its
// reason. `midway` runs once, while other creates are in flight, when half of the files have started (e.g. an
// emulator restart under load).
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { applyFile, type ApplyContext, type ApplyOutcome } from './applyFile';

export interface ApplyAllOptions {
  concurrency: number;
  maxPasses: number;
  output: (line: string) => void;
  midway?: () => Promise<void>;
}

export interface ApplyAllResult {
  /** The final outcome per file. */
  outcomes: Map<string, ApplyOutcome>;
  /** Creates sent (one per file and pass that reached the API client). */
  createsAttempted: number;
  /** Failures per pass, each with its reason (a file that failed and then succeeded appears here too). */
  failures: Array<{ pass: number; file: string; reason: string }>;
  passes: number;
}

export async function applyAll(files: readonly string[], context: ApplyContext, options: ApplyAllOptions): Promise<ApplyAllResult> {
  // One key per logical create, kept across passes: a retry of a create whose answer was lost replays its result.
  const keys = new Map(files.map((f) => [f, randomUUID()]));
  const outcomes = new Map<string, ApplyOutcome>();
  const failures: ApplyAllResult['failures'] = [];
  let createsAttempted = 0;
  let pending = [...files];
  let pass = 0;
  let midwayDone = options.midway === undefined;
  let started = 0;
  const halfway = Math.floor(files.length / 2);

  while (pending.length > 0 && pass < options.maxPasses) {
    // Like a person retrying: not at once, and a little later each time (a create may still be running: 409).
    if (pass > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(3000, 400 * pass)));
    pass++;
    const queue = [...pending];
    const failedThisPass: string[] = [];
    const worker = async () => {
      for (;;) {
        const file = queue.shift();
        if (file === undefined) return;
        if (!midwayDone && pass === 1 && started === halfway) {
          midwayDone = true;
          await options.midway!();
        }
        started++;
        const outcome = await applyFile(file, keys.get(file)!, context);
        if (outcome.kind === 'created' || (outcome.kind === 'failed' && outcome.sent)) createsAttempted++;
        outcomes.set(file, outcome);
        if (outcome.kind === 'failed') {
          failures.push({ pass, file, reason: outcome.reason });
          options.output(`pass ${pass}: ${basename(file)} failed: ${outcome.reason}${outcome.retryable ? ' (will retry with the same idempotency key)' : ''}`);
          if (outcome.retryable) failedThisPass.push(file);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, queue.length) }, worker));
    pending = failedThisPass;
  }
  for (const file of pending) options.output(`${basename(file)} was not created after ${pass} passes: ${(outcomes.get(file) as { reason: string }).reason}`);
  return { outcomes, createsAttempted, failures, passes: pass };
}
