import picomatch from "picomatch";
import { RE2JS } from "re2js";

// A threat's globs and regular expressions are user input run against hostile diffs. Globs go through picomatch
// with strict brackets (an unclosed `[`, `{` or `(` is a mistake, not a literal); regular expressions through RE2,
// whose matching time is linear in the input, so no pattern can backtrack catastrophically.

/** Longest regular expression accepted: long enough for any real rule, short enough to stay readable. */
export const MAX_PATTERN_LENGTH = 500;

/** A compiled glob over repository paths (dotfiles included: `.github/**` must match). */
export type PathTest = (path: string) => boolean;
/** A compiled regular expression over one line. */
export type LineTest = (line: string) => boolean;

/** Why a glob cannot be used, or null when it can. */
export function globProblem(glob: string): string | null {
  if (glob.startsWith("/")) return "starts with /; paths are relative to the repository root, so drop the leading slash (for example web/**/*.tsx)";
  if (glob.includes("\\")) return "contains a backslash; write paths with forward slashes (for example web/**/*.tsx)";
  try {
    picomatch.makeRe(glob, { strictBrackets: true, dot: true });
    return null;
  } catch (error) {
    return `is not a glob Vigil can read: ${(error as Error).message.replace(/ - use .*$/, "")}; close it or escape the character with a backslash`;
  }
}

/** Why a regular expression cannot be used, or null when it can. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters; split it into several patterns`;
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, "");
    return `is not a regular expression Vigil can run (${reason}); Vigil uses RE2 syntax, which has no lookarounds or backreferences`;
  }
}

/** A glob as a test; call only with a glob globProblem accepted. */
export function compileGlob(glob: string): PathTest {
  return picomatch(glob, { strictBrackets: true, dot: true });
}

/** A regular expression as a test; call only with a pattern patternProblem accepted. */
export function compilePattern(pattern: string): LineTest {
  const re = RE2JS.compile(pattern);
  return (line) => re.matcher(line).find();
}
