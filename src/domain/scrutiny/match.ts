import type { TopThreatSettings } from "../settings.js";
import { addedLines } from "./diff.js";
import type { PullFile } from "./observation.js";
import { compileGlob, compilePattern, type LineTest, type PathTest } from "./patterns.js";

/**
 * How much of a diff is scanned. RE2 matches in time linear in the text, so these bound the work per file whatever
 * a hostile diff holds: at most MAX_LINES added lines per file, each read up to MAX_LINE_LENGTH characters.
 */
export const SCAN_LIMITS = { maxLines: 5_000, maxLineLength: 1_000 } as const;
/** Locations kept per threat: the comment shows fewer, and a count of the rest. */
const MAX_HITS = 200;

/** Where a threat was found: a file (by its path, `line` null) or an added line of it. */
export interface ThreatHit {
  file: string;
  line: number | null;
  /** The added line's text (user text: render it safely), up to the length scanned. */
  text: string | null;
}

/** A threat a pull request touches. */
export interface ThreatMatch {
  name: string;
  checklist: readonly string[];
  hits: ThreatHit[];
  /** All locations found, including those beyond the ones kept. */
  total: number;
}

/** The outcome of matching, with what the scan could not read in full. */
export interface MatchResult {
  matches: ThreatMatch[];
  /** Files GitHub sent no diff for: matched by path only. */
  pathOnly: string[];
  /** Files whose scan stopped at a limit (too many added lines, or lines longer than scanned). */
  cut: string[];
}

/** Whether any threat can match a pull request at all: scrutiny is configured. */
export function scrutinyConfigured(threats: readonly TopThreatSettings[]): boolean {
  return threats.some((t) => t.paths.length > 0 || t.patterns.length > 0);
}

interface Compiled {
  threat: TopThreatSettings;
  paths: PathTest[];
  patterns: LineTest[];
  match: ThreatMatch;
}

/** The threats the changed files (by path) or their added lines (by pattern) touch, in configuration order. */
export function matchThreats(threats: readonly TopThreatSettings[], files: readonly PullFile[]): MatchResult {
  const compiled: Compiled[] = threats
    .filter((t) => t.paths.length > 0 || t.patterns.length > 0)
    .map((threat) => ({ threat, paths: threat.paths.map(compileGlob), patterns: threat.patterns.map(compilePattern), match: { name: threat.name, checklist: threat.checklist, hits: [], total: 0 } }));
  const hit = (c: Compiled, h: ThreatHit) => {
    c.match.total++;
    if (c.match.hits.length < MAX_HITS) c.match.hits.push(h);
  };
  const pathOnly: string[] = [];
  const cut: string[] = [];
  const wantsLines = compiled.some((c) => c.patterns.length > 0);
  for (const file of files) {
    for (const c of compiled) if (c.paths.some((test) => test(file.path))) hit(c, { file: file.path, line: null, text: null });
    if (!wantsLines) continue;
    if (file.patch === null) {
      pathOnly.push(file.path);
      continue;
    }
    const added = addedLines(file.patch, SCAN_LIMITS.maxLines);
    let long = false;
    for (const { line, text } of added.lines) {
      const scanned = text.length > SCAN_LIMITS.maxLineLength ? text.slice(0, SCAN_LIMITS.maxLineLength) : text;
      long ||= scanned !== text;
      for (const c of compiled) if (c.patterns.some((test) => test(scanned))) hit(c, { file: file.path, line, text: scanned });
    }
    if (added.cut || long) cut.push(file.path);
  }
  return { matches: compiled.map((c) => c.match).filter((m) => m.total > 0), pathOnly, cut };
}
