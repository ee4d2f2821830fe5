import { z } from "zod";
import { defineMarker } from "./define.js";

// Markers of top-threat scrutiny on pull requests (SPEC 2.14): ids and hashes only, never a path or a line of code.

const hash = z.string().regex(/^[0-9a-f]{16}$/);

/**
 * Vigil's one scrutiny comment on a pull request. `asked` is the hash of the reviewer list Vigil requested review
 * from, so a reviewer who has reviewed (and so left the requested list) is not asked again on every push.
 */
export const SCRUTINY_COMMENT = defineMarker({
  kind: "scrutiny",
  version: 1,
  schema: z.object({ pull: z.number().int().positive(), asked: hash.optional() }).strict(),
});
