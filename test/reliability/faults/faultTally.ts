// Counts the faults an emulator injects and adds latency spikes beyond the client's timeout to a seeded share of
// requests. It wraps the emulator's FaultController (whose spec is set through POST /__emulator/faults), so every
// decision is seen: 429s, 5xx and dropped sockets before or after commit, and spikes.
import type { FaultController } from '../../../emulator/src/index';
import { Prng } from '../support/prng';

export interface FaultCounts {
  rateLimited: number;
  errorsBeforeCommit: number;
  errorsAfterCommit: number;
  dropsBeforeCommit: number;
  dropsAfterCommit: number;
  latencySpikes: number;
}

export class FaultTally {
  readonly counts: FaultCounts = { rateLimited: 0, errorsBeforeCommit: 0, errorsAfterCommit: 0, dropsBeforeCommit: 0, dropsAfterCommit: 0, latencySpikes: 0 };
  private readonly prng: Prng;
  /** When the last spiked request stops sleeping in the emulator (it commits then, whoever still listens). */
  private spikesEndAt = 0;

  constructor(seed: number, private readonly spike: { share: number; ms: number }) {
    this.prng = new Prng(seed);
  }

  get total(): number {
    return Object.values(this.counts).reduce((a, b) => a + b, 0);
  }

  /** Wraps a (new) emulator's controller; call again after a restart. */
  watch(faults: FaultController): void {
    const decide = faults.decide.bind(faults);
    faults.decide = (method: string) => {
      const decision = decide(method);
      if (decision.rateLimit) this.counts.rateLimited++;
      else if (decision.error) this.counts[decision.error.afterCommit ? 'errorsAfterCommit' : 'errorsBeforeCommit']++;
      else if (decision.drop) this.counts[decision.drop.afterCommit ? 'dropsAfterCommit' : 'dropsBeforeCommit']++;
      else if (method === 'POST' && this.prng.chance(this.spike.share)) {
        this.counts.latencySpikes++;
        this.spikesEndAt = Math.max(this.spikesEndAt, Date.now() + this.spike.ms);
        return { ...decision, latencyMs: decision.latencyMs + this.spike.ms };
      }
      return decision;
    };
  }

  /** Resolves once no spiked request is still asleep inside the emulator. */
  async quiet(): Promise<void> {
    const wait = this.spikesEndAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
  }
}
