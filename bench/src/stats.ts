// Timing: warm-up runs, then repetitions until both a minimum count and a time budget are reached, summarised as
// median, min, max and p95 in milliseconds.
export interface Summary {
  median: number;
  min: number;
  max: number;
  p95: number;
  runs: number;
}

export interface MeasureOptions {
  warmup?: number;
  minRuns?: number;
  maxRuns?: number;
  /** Keep repeating (up to maxRuns) while the measured runs of each piece of work took less than this in total. */
  budgetMs?: number;
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function summarise(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), min: sorted[0], max: sorted[sorted.length - 1], p95: percentile(sorted, 95), runs: sorted.length };
}

/** Nearest-rank percentile of an ascending list; the median of an even count is the mean of the middle two. */
export function percentile(sorted: number[], p: number): number {
  if (p === 50 && sorted.length % 2 === 0) return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * Times several pieces of work in rotation (one run of each per round), so that a change in the machine's load
 * during the measure affects them alike: the fair way to compare them on a shared machine.
 */
export async function measureInterleaved(works: (() => unknown)[], options: MeasureOptions = {}): Promise<Summary[]> {
  const { warmup = 3, minRuns = 5, maxRuns = 200, budgetMs = 1000 } = options;
  for (let i = 0; i < warmup; i++) for (const work of works) await work();
  const samples: number[][] = works.map(() => []);
  let spent = 0;
  let rounds = 0;
  while (rounds < maxRuns && (rounds < minRuns || spent < budgetMs * works.length)) {
    for (let w = 0; w < works.length; w++) {
      const start = now();
      await works[w]();
      const elapsed = now() - start;
      samples[w].push(elapsed);
      spent += elapsed;
    }
    rounds++;
  }
  return samples.map(summarise);
}
