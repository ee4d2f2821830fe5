// Hidden HTML comments let Vigil recognise its own writes (SPEC 2.10). A marker is the first line of
// a body Vigil wrote: `<!-- vigil:KIND vN {json} -->`. Its data are ids, enums, dates and hashes,
// never user text, and every character outside printable ASCII is \u-escaped, so nothing a person
// can type (U+2028, NUL, bidi controls, `-->`) can end or split it.

/** A marker as found on the first line of a body, before its schema is checked. */
export interface RawMarker {
  kind: string;
  version: number;
  data: unknown;
}

// Lower-case words joined by single hyphens: cannot contain `--`, so cannot end the comment.
const KIND_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const LINE_RE = /^<!-- vigil:([a-z0-9-]+)(?: v(\d{1,4}))?(?: (\{[\x20-\x7e]*\}))? -->$/;

function escapeJson(data: object): string {
  // Inside strings `-`, `<`, `>` and anything outside printable ASCII become \u escapes; outside
  // strings JSON has no `<` or `>`, and `-` only as a lone sign, so `--` cannot appear.
  return JSON.stringify(data).replace(/[^\x20-\x7e]|[-<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Renders a marker line; the caller puts it first in the body. */
export function encodeMarker(kind: string, version: number, data: object): string {
  if (!KIND_RE.test(kind)) throw new Error(`invalid marker kind ${JSON.stringify(kind)}`);
  if (!Number.isInteger(version) || version < 1) throw new Error(`invalid marker version ${version}`);
  return `<!-- vigil:${kind} v${version} ${escapeJson(data)} -->`;
}

const PREFIX = "<!-- vigil:";

/**
 * Whether a body starts with a marker of this kind, by its first characters alone: a marker of another kind or a
 * person's comment is told apart without decoding (a look-up runs per kind over every comment of an issue).
 */
export function startsWithKind(body: string, kind: string): boolean {
  return body.startsWith(`${PREFIX}${kind} `);
}

/** The marker on the first line of a body, or null. Versionless markers (written before v2) read as v1. */
export function decodeMarker(body: string): RawMarker | null {
  if (!body.startsWith(PREFIX)) return null;
  const end = body.indexOf("\n");
  const first = (end === -1 ? body : body.slice(0, end)).replace(/\r$/, "");
  const m = LINE_RE.exec(first);
  if (!m?.[1]) return null;
  let data: unknown = {};
  if (m[3] !== undefined) {
    try {
      data = JSON.parse(m[3]);
    } catch {
      return null; // Vigil never writes unparsable data
    }
  }
  return { kind: m[1], version: m[2] === undefined ? 1 : Number(m[2]), data };
}
