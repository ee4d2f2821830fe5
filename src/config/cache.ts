import { loadRepoConfig, type RepoConfig } from "./load.js";
import type { ConfigReader } from "./reader.js";

/** How long a loaded configuration is used before it is read again, unless a push invalidates it first. */
export const DEFAULT_CONFIG_MAX_AGE_MS = 10 * 60_000;

export interface ConfigCacheOptions {
  /** Milliseconds a loaded configuration stays fresh; default 10 minutes. */
  maxAgeMs?: number;
  /** The clock, in milliseconds; injected by tests. */
  now?: () => number;
}

interface Entry {
  loadedAt: number;
  value: Promise<RepoConfig>;
  /** Repositories (`owner/repo`, lower case) whose files this configuration was read from, found or not. */
  readFrom: Set<string>;
}

// Expired entries are dropped when the cache grows past this many, so a long-running server does not keep every
// repository it ever saw.
const PRUNE_ABOVE = 1000;

function keyOf(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase();
}

/**
 * Loaded configurations per repository (key `owner/repo`, case-insensitive), each kept for a maximum age. A
 * configuration depends on every repository its loading read (its own, the owner's `.github`, each `_extends`
 * base), so a push to any of them can invalidate exactly the configurations it affects. Concurrent requests for
 * one repository share one load; a failed load is not kept.
 */
export class ConfigCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: ConfigCacheOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_CONFIG_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  /** The repository's configuration: the cached one while fresh, else loaded through `reader`. */
  get(reader: ConfigReader, target: { owner: string; repo: string }): Promise<RepoConfig> {
    const key = keyOf(target.owner, target.repo);
    const cached = this.entries.get(key);
    if (cached && this.now() - cached.loadedAt < this.maxAgeMs) return cached.value;
    if (this.entries.size >= PRUNE_ABOVE) this.pruneExpired();
    const readFrom = new Set<string>();
    const recording: ConfigReader = {
      readFile: (owner, repo, path) => {
        readFrom.add(keyOf(owner, repo));
        return reader.readFile(owner, repo, path);
      },
    };
    const entry: Entry = { loadedAt: this.now(), value: loadRepoConfig(recording, target), readFrom };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }

  /**
   * Forgets the configuration of `owner/repo` and every configuration read from a file there (as a base or as the
   * organisation's `.github` fallback): for a push that changes a configuration file in that repository.
   */
  invalidate(owner: string, repo: string): void {
    const key = keyOf(owner, repo);
    for (const [cachedKey, entry] of this.entries) {
      if (cachedKey === key || entry.readFrom.has(key)) this.entries.delete(cachedKey);
    }
  }

  /** Forgets every configuration of the owner's repositories: for a push to the owner's `.github` repository. */
  invalidateOwner(owner: string): void {
    const prefix = `${owner.toLowerCase()}/`;
    for (const [cachedKey, entry] of this.entries) {
      if (cachedKey.startsWith(prefix) || [...entry.readFrom].some((from) => from.startsWith(prefix))) this.entries.delete(cachedKey);
    }
  }

  /** How many configurations are held (fresh or not); for tests and metrics. */
  get size(): number {
    return this.entries.size;
  }

  private pruneExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (now - entry.loadedAt >= this.maxAgeMs) this.entries.delete(key);
    }
  }
}

/**
 * Whether a push that changed these paths can change a configuration: the configuration file itself, or any YAML
 * file (an `_extends` base may live at any `.yml`/`.yaml` path). The trigger then calls `invalidate(owner, repo)`,
 * which drops only the configurations that read from that repository.
 */
export function touchesConfiguration(changedPaths: readonly string[]): boolean {
  return changedPaths.some((path) => /\.ya?ml$/i.test(path));
}
