// A seeded PRNG with the few draws the fuzzers need, so that a seed replays the same run exactly. The generator is
// the emulator's (mulberry32); this class adds the draws.
import { createRandom, type Random } from '../../../emulator/src/prng';

export class Prng {
  private readonly random: Random;

  constructor(seed: number) {
    this.random = createRandom(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.random();
  }

  /** An integer in [0, max). */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
