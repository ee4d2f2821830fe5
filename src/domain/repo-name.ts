import { LOGIN_RE } from "./sanitize.js";

// GitHub's repository names: letters, digits, `.`, `_` and `-`, at most 100 characters.
const NAME_RE = /^[A-Za-z0-9._-]{1,100}$/;

/** `owner/name` as a repository reference, or null when it is not one. */
export function parseRepoName(text: string | null | undefined): { owner: string; repo: string } | null {
  const [owner, repo, ...rest] = (text ?? "").split("/");
  if (rest.length > 0 || !owner || !repo || !LOGIN_RE.test(owner) || !NAME_RE.test(repo) || repo === "." || repo === "..") return null;
  return { owner, repo };
}
