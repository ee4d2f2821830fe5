/**
 * Runs work for one key at a time within this process: two deliveries for the same incident (a
 * redelivery, two commands at once) then observe each other's writes instead of racing. Replicas
 * are not covered; for them the markers and the next check converge instead.
 */
export function keyedSerializer(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(work);
    tails.set(key, run);
    try {
      return await run;
    } finally {
      if (tails.get(key) === run) tails.delete(key);
    }
  };
}
