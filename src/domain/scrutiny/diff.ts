/** A line a patch adds, with its number in the new file. */
export interface AddedLine {
  line: number;
  text: string;
}

const HUNK_RE = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * The added lines of a unified diff as GitHub's files list gives it (hunks only, no file header). Stops after
 * `maxLines` added lines; `cut` says whether it did.
 */
export function addedLines(patch: string, maxLines: number): { lines: AddedLine[]; cut: boolean } {
  const lines: AddedLine[] = [];
  let next = 0;
  for (const raw of patch.split("\n")) {
    const hunk = HUNK_RE.exec(raw);
    if (hunk) {
      next = Number(hunk[1]);
      continue;
    }
    if (raw.startsWith("+")) {
      if (lines.length === maxLines) return { lines, cut: true };
      lines.push({ line: next, text: raw.slice(1).replace(/\r$/, "") });
      next++;
    } else if (raw.startsWith(" ") || raw === "") {
      next++;
    }
    // "-" lines are gone from the new file, "\ No newline at end of file" is no line at all.
  }
  return { lines, cut: false };
}
