/** Edit distance between two strings (insertions, deletions, substitutions), ignoring case. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/**
 * The candidate a user most likely meant, or undefined when nothing is close enough to be worth saying:
 * a case-insensitive match, then a unique prefix, then the nearest within a third of the input's length.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const wanted = input.trim().toLowerCase();
  if (wanted === "") return undefined;
  const exact = candidates.find((c) => c.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const prefixed = candidates.filter((c) => c.toLowerCase().startsWith(wanted) || wanted.startsWith(c.toLowerCase()));
  if (prefixed.length === 1) return prefixed[0];
  // Short inputs are one edit away from many candidates, so a guess there would mislead more than help.
  const limit = Math.floor(wanted.length / 3);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** " Did you mean X?" when a close candidate exists, otherwise "". */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const guess = closest(input, candidates);
  return guess === undefined ? "" : ` Did you mean ${guess}?`;
}
