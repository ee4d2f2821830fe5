/** Runs work for one key at a time: the engine takes its turns on an issue through one of these. */
export type Serializer = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/**
 * Runs work for one key at a time within this process: two deliveries for the same incident (a
 * redelivery, two commands at once) then observe each other's writes instead of racing. Replicas
 * are covered when they share Redis (src/coordination); without it the markers and the next check
 * converge instead.
 */
export function keyedSerializer(): Serializer {
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
