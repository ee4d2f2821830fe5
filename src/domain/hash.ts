import { createHash } from "node:crypto";

/** SHA-256 of a text's UTF-8 bytes, hex (what `sha256sum` prints for the same bytes). */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The first 16 hex digits of SHA-256: enough to tell whether a text changed, short enough for a marker. */
export function shortHash(text: string): string {
  return sha256(text).slice(0, 16);
}
