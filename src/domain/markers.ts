import { classifyLines } from "./sanitize.js";

// Hidden HTML comments let Vigil recognise its own writes in issue bodies and comments (SPEC 2.10).
// GitHub does not render them, they survive edits through the API, and a marker with the same
// kind and key doubles as the guard that keeps duplicate deliveries from writing twice.

/** Marker kinds Vigil writes; other modules may use further kinds of the same shape. */
export const MARKER = {
  incidentRecord: "incident-record",
  needsInfo: "needs-info",
  publicRefusal: "public-refusal",
  projectProblem: "project-problem",
  configProblem: "config-problem",
  commandReply: "command-reply",
  timeline: "timeline",
  postmortem: "postmortem",
  postmortemLink: "postmortem-link",
  postmortemMerged: "postmortem-merged",
  postmortemReview: "postmortem-review",
  reminder: "reminder",
  overdue: "overdue",
  recurring: "recurring",
} as const;

/** Data a marker carries: a JSON object (a bare marker reads back as `{}`). */
export type MarkerData = Record<string, unknown>;

// Lower-case words joined by single hyphens: cannot contain `--`, so cannot end the comment.
const KIND_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function checkKind(kind: string): void {
  if (!KIND_RE.test(kind)) throw new Error(`invalid marker kind ${JSON.stringify(kind)}`);
}

// Inside JSON strings `-`, `<` and `>` become \u escapes, so no `--`, `-->`, `--!>` or `<!--`
// can appear; outside strings JSON has neither `<` nor `>`, and `-` only as a lone sign.
function encode(data: MarkerData): string {
  return JSON.stringify(data).replace(/"(?:[^"\\]|\\.)*"/g, (str) =>
    str.replace(/[-<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  );
}

/** Renders `<!-- vigil:KIND -->` or `<!-- vigil:KIND {json} -->`; put it on a line of its own. */
export function marker(kind: string, data?: MarkerData): string {
  checkKind(kind);
  return data === undefined ? `<!-- vigil:${kind} -->` : `<!-- vigil:${kind} ${encode(data)} -->`;
}

// A marker counts only at the start of a line (spaces allowed) and outside code blocks, where
// Vigil puts them; user text in Vigil's comments is escaped or fenced, so it cannot forge one.
const LINE_RE = /^[ \t]*<!--[ \t]*vigil:([a-z0-9-]+)(?:[ \t]+(.*?))?[ \t]*-->/;

function parse(json: string | undefined): MarkerData | null {
  if (json === undefined || json === "") return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as MarkerData) : null;
  } catch {
    return null; // Vigil never writes unparsable data, so this is not Vigil's marker
  }
}

/** Data of every marker of a kind in a body, in order. */
export function findMarkers(body: string, kind: string): MarkerData[] {
  checkKind(kind);
  const found: MarkerData[] = [];
  for (const line of classifyLines(body)) {
    if (line.kind === "code") continue;
    const m = LINE_RE.exec(line.text);
    if (m?.[1] !== kind) continue;
    const data = parse(m[2]);
    if (data) found.push(data);
  }
  return found;
}

/** Data of the first marker of a kind in a body, or null when there is none. */
export function findMarker(body: string, kind: string): MarkerData | null {
  return findMarkers(body, kind)[0] ?? null;
}

/** Whether a body carries a marker of a kind. */
export function hasMarker(body: string, kind: string): boolean {
  return findMarker(body, kind) !== null;
}
