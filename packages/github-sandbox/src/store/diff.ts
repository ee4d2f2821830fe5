// Line diffs as `git diff` shows them in the pull request files list: hunks with three lines of context, no file
// header. Lines are matched by their longest common subsequence; past a size where that is too costly, the whole
// old text is shown removed and the new one added (still a valid diff, as GitHub's own fallbacks are).

type Op = { kind: " " | "-" | "+"; text: string };

function lines(text: string): string[] {
  if (text === "") return [];
  const all = text.split("\n");
  if (all[all.length - 1] === "") all.pop();
  return all;
}

function ops(a: string[], b: string[]): Op[] {
  if (a.length * b.length > 4_000_000) return [...a.map((text): Op => ({ kind: "-", text })), ...b.map((text): Op => ({ kind: "+", text }))];
  // Suffix table: lcs[i][j] is the common length of a[i..] and b[j..], so a forward walk reads the script.
  const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: " ", text: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ kind: "-", text: a[i++]! });
    else out.push({ kind: "+", text: b[j++]! });
  }
  return out;
}

/** A file's change: the unified diff's hunks, and its added and removed line counts. */
export interface FileDiff {
  patch: string;
  additions: number;
  deletions: number;
}

/** The diff from one version of a file to the next; an unchanged file gives an empty patch. */
export function diffTexts(before: string, after: string, context = 3): FileDiff {
  const script = ops(lines(before), lines(after));
  const changed = script.map((o, k) => (o.kind === " " ? -1 : k)).filter((k) => k >= 0);
  const hunks: string[] = [];
  let k = 0;
  while (k < changed.length) {
    let first = changed[k]!;
    let last = first;
    while (k + 1 < changed.length && changed[k + 1]! - last <= 2 * context) last = changed[++k]!;
    k++;
    first = Math.max(0, first - context);
    last = Math.min(script.length - 1, last + context);
    // Line numbers where the hunk starts in each version: count what came before it.
    let oldStart = 1;
    let newStart = 1;
    for (const o of script.slice(0, first)) {
      if (o.kind !== "+") oldStart++;
      if (o.kind !== "-") newStart++;
    }
    const body = script.slice(first, last + 1);
    const oldLen = body.filter((o) => o.kind !== "+").length;
    const newLen = body.filter((o) => o.kind !== "-").length;
    const range = (start: number, len: number) => `${len === 0 ? start - 1 : start}${len === 1 ? "" : `,${len}`}`;
    hunks.push(`@@ -${range(oldStart, oldLen)} +${range(newStart, newLen)} @@\n${body.map((o) => `${o.kind}${o.text}`).join("\n")}`);
  }
  return { patch: hunks.join("\n"), additions: script.filter((o) => o.kind === "+").length, deletions: script.filter((o) => o.kind === "-").length };
}
