import { renderMarker } from "../../markers/define.js";
import { SCRUTINY_COMMENT } from "../../markers/scrutiny-kinds.js";
import { codeSpan } from "../markdown/code-span.js";
import { fitBody, truncateText, type BodyPart } from "../markdown/fit-body.js";
import { inlineText } from "../sanitize.js";
import { MAX_PULL_FILES } from "./limits.js";
import { SCAN_LIMITS, type MatchResult, type ThreatHit } from "./match.js";
import { reviewerNames } from "./reviewers.js";

/** Locations shown per threat; the rest are counted. */
const SHOWN_HITS = 20;
/** Characters of a matched line shown; enough to recognise it. */
const SHOWN_LINE = 120;
/** Files named in a note about the scan. */
const SHOWN_FILES = 10;

function location(hit: ThreatHit): string {
  if (hit.line === null) return `- ${codeSpan(hit.file)} (path)`;
  const text = hit.text === null ? "" : `: ${codeSpan(truncateText(hit.text.trim(), SHOWN_LINE).text)}`;
  return `- ${codeSpan(hit.file)} line ${hit.line}${text}`;
}

function fileList(files: readonly string[]): string {
  const shown = files.slice(0, SHOWN_FILES).map(codeSpan).join(", ");
  return files.length > SHOWN_FILES ? `${shown} and ${files.length - SHOWN_FILES} more` : shown;
}

/** What the comment says about the scan's limits, one note per limit that was reached. */
export function scanNotes(result: MatchResult, listed: number, changedFiles: number): string[] {
  const notes: string[] = [];
  if (result.pathOnly.length > 0) notes.push(`GitHub sent no diff for ${fileList(result.pathOnly)} (too large or binary): matched by path only.`);
  if (result.cut.length > 0) notes.push(`Scanned in part (the first ${SCAN_LIMITS.maxLines.toLocaleString("en-US")} added lines per file, ${SCAN_LIMITS.maxLineLength.toLocaleString("en-US")} characters per line): ${fileList(result.cut)}.`);
  if (changedFiles > listed) notes.push(`This pull request changes ${changedFiles.toLocaleString("en-US")} files; GitHub lists only the first ${MAX_PULL_FILES.toLocaleString("en-US")}, so ${(changedFiles - listed).toLocaleString("en-US")} were not scanned.`);
  return notes;
}

/** The body of Vigil's one scrutiny comment on a pull request; `asked` is the marker's record of reviewers asked. */
export function renderScrutinyComment(input: { pull: number; fromFork: boolean; result: MatchResult; notes: readonly string[]; reviewers: readonly string[]; asked: string | undefined }): string {
  const marker = renderMarker(SCRUTINY_COMMENT, input.asked === undefined ? { pull: input.pull } : { pull: input.pull, asked: input.asked });
  const { matches } = input.result;
  if (matches.length === 0) {
    // No head in this text: a pull request that keeps not matching must not get its comment rewritten on every push.
    return `${marker}\n### Top-threat scrutiny\n\nThis pull request no longer touches a top threat: the check **Vigil / top-threat scrutiny** passes without a security review.\n`;
  }
  const who = input.reviewers.length > 0 ? reviewerNames(input.reviewers) : "nobody yet (set `securityReview.reviewers`)";
  const parts: BodyPart[] = [
    { text: `${marker}\n### Top-threat scrutiny\n\nThis pull request touches ${matches.length === 1 ? "a top threat" : `${matches.length} top threats`}, so it gets additional scrutiny: the check **Vigil / top-threat scrutiny** stays neutral until a security reviewer (${who}) approves its current head; every push needs a new approval.\n` },
  ];
  for (const match of matches) {
    const more = match.total > SHOWN_HITS ? `\n- … and ${match.total - SHOWN_HITS} more` : "";
    const hits = match.hits.slice(0, SHOWN_HITS).map(location).join("\n");
    parts.push({ text: `\n#### ${inlineText(match.name)}\n\n` });
    parts.push({ text: `${hits}${more}\n`, shrinkable: true });
    if (match.checklist.length > 0) parts.push({ text: `\nFor the reviewer:\n${match.checklist.map((item) => `- ${inlineText(item)}`).join("\n")}\n`, shrinkable: true });
  }
  // Reviewers of a fork's change should know its code ran nowhere on Vigil's side: it was read as data only.
  const notes = input.fromFork ? [...input.notes, "This pull request comes from a fork: Vigil read its diff through the API only and ran none of its code."] : input.notes;
  if (notes.length > 0) parts.push({ text: `\n${notes.map((n) => `_${n}_`).join("\n\n")}\n` });
  return fitBody(parts);
}
