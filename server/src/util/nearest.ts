// "Did you mean": the closest candidate by edit distance, when it is close enough to be a plausible typo.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate nearest to `word` (case-insensitive), or undefined when none is within a third of its length (min 2). */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    let distance = editDistance(lower, candidateLower);
    // A candidate that contains the word or is contained in it ("postgres" / "postgresql") is a likely intent.
    if (distance > limit && (candidateLower.startsWith(lower) || lower.startsWith(candidateLower)) && Math.min(lower.length, candidateLower.length) >= 3) {
      distance = limit;
    }
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
