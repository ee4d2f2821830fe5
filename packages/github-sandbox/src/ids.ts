import { createHash, randomBytes } from "node:crypto";

// Node ids only need to be opaque and unique, but prefixes like GitHub's
// (`I_`, `PR_`, `PVT_`) make failing assertions readable.

/** An opaque GraphQL node id for a record of the given kind. */
export function makeNodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`sandbox:${id}`).toString("base64url")}`;
}

/** The git object id of a blob with this content, computed as git does. */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** A SHA-1 over the parts, for sandbox-made commits and trees. */
export function hashParts(...parts: readonly string[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** A random token with a GitHub-style prefix (`ghs_`, `ghp_`). */
export function randomToken(prefix: string): string {
  return `${prefix}_${randomBytes(18).toString("base64url")}`;
}
