/**
 * Where configuration files come from. Every trigger (webhook, server timer, cron route, CLI, GitHub Actions)
 * hands the loader a reader, so all of them resolve `_extends` and the organisation's `.github` repository alike.
 */
export interface ConfigReader {
  /** The text of a file on the repository's default branch; null when GitHub answers 404. */
  readFile(owner: string, repo: string, path: string): Promise<string | null>;
}

/**
 * The path exists but is not a file Vigil can read as text: a directory, a submodule, a symbolic link, or a file
 * GitHub does not inline (over 1 MB). The loader reports it as a problem of the configuration.
 */
export class UnreadableConfigFile extends Error {
  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly path: string,
    /** What is there instead, as a noun phrase: "a directory", "a submodule", "a file too large to read". */
    readonly found: string,
  ) {
    super(`${owner}/${repo}:${path} is ${found}, not a file Vigil can read`);
    this.name = "UnreadableConfigFile";
  }
}
