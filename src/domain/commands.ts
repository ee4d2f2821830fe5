import { distance as levenshtein } from "fastest-levenshtein";
import { commandLines } from "./markdown/command-lines.js";
import { sourceLines } from "./markdown/parse.js";
import { rememberByText } from "./remember.js";
import { planSlug } from "./plans/slug.js";
import { isGitHubLogin } from "./sanitize.js";
import { splitSeverity, type AssessedSeverity } from "./severity.js";
import { type IncidentStatus, parseStatus } from "./status.js";

/** A command accepted from an incident comment (SPEC 2.2). */
export type Command =
  | { name: "severity"; level: AssessedSeverity; reason: string | null }
  | { name: "status"; status: IncidentStatus }
  | { name: "note"; text: string }
  | { name: "responder"; login: string }
  | { name: "escalate"; reason: string | null }
  | { name: "comms"; to: string; text: string }
  | { name: "plan"; plan: string; slug: string }
  | { name: "postmortem" }
  | { name: "help" };

/** The name of a command. */
export type CommandName = Command["name"];

/** One command line of a comment: the command, or what is wrong with it and the right form. */
export type ParsedCommand =
  | { ok: true; command: Command; line: string }
  | { ok: false; line: string; error: string };

interface CommandSpec {
  readonly name: CommandName;
  readonly usage: string;
  readonly summary: string;
}

/** The commands, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  { name: "severity", usage: "/severity <emergency|sev0|sev1|sev2> [reason]",
    summary: "Changes the severity. Emergency and Sev0 page the Security Officer and the escalation teams." },
  { name: "status", usage: "/status <investigating|mitigating|mitigated|resolved>",
    summary: "Changes the status; `resolved` also closes the issue as completed." },
  { name: "note", usage: "/note <text>",
    summary: "Adds a timestamped mitigation or investigation note to the timeline; the text may go on over the following lines." },
  { name: "responder", usage: "/responder @login", summary: "Makes that person the primary responder." },
  { name: "escalate", usage: "/escalate [reason]",
    summary: "Hands the incident to the next in line: primary, then backup, then the Security Officer." },
  { name: "comms", usage: "/comms <to> — <message>",
    summary: "Records an external communication: to whom, when, and the message verbatim; the message may go on over the following lines." },
  { name: "plan", usage: "/plan <name>",
    summary: "Attaches a response plan: copies the task list of `.github/incident-plans/<name>.md` into the incident as a checklist." },
  { name: "postmortem", usage: "/postmortem", summary: "Opens the post-mortem pull request now, also before the incident is resolved (it opens by itself on resolution)." },
  { name: "help", usage: "/help", summary: "Shows this list." },
];

const USAGE = new Map(COMMANDS.map((c) => [c.name, c.usage]));
const form = (name: CommandName): string => `\`${USAGE.get(name) ?? `/${name}`}\``;

// Words people type for a command Vigil names differently, mapped to the command they want.
const HINTS = new Map<string, CommandName>(Object.entries({
  sev: "severity", priority: "severity", prio: "severity", level: "severity",
  state: "status", resolve: "status", close: "status", mitigate: "status",
  comment: "note", log: "note", update: "note",
  assign: "responder", owner: "responder", oncall: "responder", "on-call": "responder", lead: "responder",
  page: "escalate", escalation: "escalate",
  comm: "comms", communication: "comms", notify: "comms",
  playbook: "plan", runbook: "plan",
  pm: "postmortem", "post-mortem": "postmortem", retro: "postmortem", rca: "postmortem",
  commands: "help", usage: "help",
} satisfies Record<string, CommandName>));

// At most three spaces of indentation: a line indented four or more is code or a continuation.
// The name must be followed by a space, a colon or the end, so `/etc/passwd` is not a command.
const COMMAND_RE = /^ {0,3}\/([A-Za-z][A-Za-z0-9_-]{0,31}):?(?:[ \t]+(.*))?$/;

// Edit distance that also counts one swap of neighbouring letters as a single slip, so the
// common typo `/stauts` is as close to `/status` as `/sevrity` is to `/severity`.
function distance(a: string, b: string): number {
  let best = levenshtein(a, b);
  for (let i = 0; i + 1 < a.length && best > 1; i++) {
    if (a[i] === a[i + 1]) continue;
    const swapped = `${a.slice(0, i)}${a[i + 1] ?? ""}${a[i] ?? ""}${a.slice(i + 2)}`;
    best = Math.min(best, 1 + levenshtein(swapped, b));
  }
  return best;
}

function isKnown(name: string): name is CommandName {
  return USAGE.has(name as CommandName);
}

/** The command a mistyped or differently named word most likely meant, if any. */
function suggestion(word: string): CommandName | null {
  const hinted = HINTS.get(word);
  if (hinted) return hinted;
  // A quarter of the name's length: one slip in `note`, two in `postmortem`.
  return COMMANDS.find((c) => distance(word, c.name) <= Math.floor(c.name.length / 4))?.name ?? null;
}

interface CommandLine {
  readonly name: string;
  readonly args: string;
}

// An unknown `/word` is a command attempt only when it stands alone or resembles a command:
// a comment starting "/tmp is full" is prose, "/sevrity sev0" and "/assign @bob" are attempts.
function commandLine(text: string): CommandLine | null {
  const m = COMMAND_RE.exec(text);
  if (!m?.[1]) return null;
  const name = m[1].toLowerCase();
  const args = (m[2] ?? "").trim();
  if (isKnown(name) || args === "" || suggestion(name)) return { name, args };
  return null;
}

function parseSeverityArgs(args: string): Command | string {
  const found = splitSeverity(args);
  if (!found) {
    const word = args.split(/\s/)[0] ?? "";
    // "sev3" reads as a level that does not exist rather than as a word Vigil does not know.
    if (/^sev[ -]?\d+$/i.test(word)) return `there is no level ${word}. Use ${form("severity")}.`;
    const got = args === "" ? "needs a level" : `does not know the level "${args.split(/\s/)[0] ?? ""}"`;
    return `/severity ${got}. Use ${form("severity")}, for example \`/severity sev1 the API is degraded\`.`;
  }
  if (found.level === "triage") {
    return `triage means "not yet assessed" and cannot be set. Choose a level: ${form("severity")}.`;
  }
  return { name: "severity", level: found.level, reason: found.rest || null };
}

function parseStatusArgs(args: string): Command | string {
  const status = parseStatus(args);
  if (status) return { name: "status", status };
  if (args === "") return `/status needs a status. Use ${form("status")}.`;
  if (parseStatus(args.split(/\s+/)[0] ?? "")) {
    return `/status takes only the status; put the details in a \`/note\` on the next line. Use ${form("status")}.`;
  }
  return `/status does not know "${args}". Use ${form("status")}.`;
}

function parseResponderArgs(args: string): Command | string {
  const words = args.split(/\s+/).filter(Boolean);
  const [first] = words;
  if (first === undefined) return `/responder needs a GitHub login. Use ${form("responder")}.`;
  if (words.length > 1) return `/responder takes exactly one person. Use ${form("responder")}.`;
  const login = first.replace(/^@/, "");
  if (login.includes("/")) return `the primary responder is one person, not a team. Use ${form("responder")}.`;
  if (!isGitHubLogin(login)) return `"${first}" is not a GitHub login. Use ${form("responder")}.`;
  return { name: "responder", login };
}

// The first of `—`, `–`, ` - ` or `:` ends the recipient (a hyphen only with a space on each side,
// so `on-call` stays one word; `Legal -` at the end of the line also counts).
const COMMS_SEPARATOR_RE = /[—–:]|(?:^|\s)-(?:\s|$)/;

function parseCommsArgs(args: string, more: string): Command | string {
  const sep = COMMS_SEPARATOR_RE.exec(args);
  if (!sep) {
    return args === ""
      ? `/comms needs the recipient and the message. Use ${form("comms")}, for example \`/comms Acme Health — We contained the incident at 14:00 UTC.\``
      : `/comms needs the message after the recipient, separated from it by —, –, : or a - between spaces. Use ${form("comms")}.`;
  }
  const to = args.slice(0, sep.index).trim();
  const text = [args.slice(sep.index + sep[0].length), more].join("\n").trim();
  if (to === "") return `/comms needs the recipient before the message. Use ${form("comms")}.`;
  if (text === "") return `/comms needs the message after the recipient. Use ${form("comms")}.`;
  return { name: "comms", to, text };
}

function parsePlanArgs(args: string): Command | string {
  if (args === "") return `/plan needs the name of a plan. Use ${form("plan")}, for example \`/plan lost laptop\`.`;
  const slug = planSlug(args);
  if (slug === "") return `a plan name needs a letter or digit. Use ${form("plan")}.`;
  return { name: "plan", plan: args, slug };
}

function parseArgs(name: CommandName, args: string, more: string): Command | string {
  switch (name) {
    case "severity": return parseSeverityArgs(args);
    case "status": return parseStatusArgs(args);
    case "responder": return parseResponderArgs(args);
    case "escalate": return { name, reason: args || null };
    case "help": return { name }; // anything after /help is harmless; show help anyway
    case "comms": return parseCommsArgs(args, more);
    case "plan": return parsePlanArgs(args);
    case "postmortem": return args === "" ? { name } : `/postmortem takes no arguments. Use ${form("postmortem")}.`;
    case "note": {
      const text = [args, more].join("\n").trim();
      return text === "" ? `/note needs the text of the note. Use ${form("note")}.` : { name, text };
    }
  }
}

/**
 * Finds the commands in a comment, in order. A command is a line starting with `/` (after at most
 * three spaces) in the comment's own top-level text: not in code blocks or spans, block quotes
 * (lazy continuation lines included), HTML comments or list items (see `commandLines`). `/note`
 * text and a `/comms` message run on, verbatim, over the following lines until the next command line.
 */
export const parseCommands: (commentBody: string) => readonly ParsedCommand[] = rememberByText((commentBody) => {
  const lines = sourceLines(commentBody).map((l) => l.text);
  const found = commandLines(commentBody).flatMap(({ text, line }) => {
    const cmd = commandLine(text);
    return cmd ? [{ ...cmd, at: line, line: text.trim() }] : [];
  });
  return found.map(({ name, args, at, line }, k): ParsedCommand => {
    if (!isKnown(name)) {
      const hint = suggestion(name);
      const meant = hint ? ` Did you mean ${form(hint)}?` : "";
      return { ok: false, line, error: `unknown command /${name}.${meant} Send \`/help\` for the list.` };
    }
    const next = found[k + 1]?.at ?? lines.length + 1;
    const more = name === "note" || name === "comms" ? lines.slice(at, next - 1).join("\n") : "";
    const result = parseArgs(name, args, more);
    return typeof result === "string" ? { ok: false, line, error: result } : { ok: true, command: result, line };
  });
});

/** Markdown help: a table of the commands and what they do, and who may run them. */
export function helpText(): string {
  const rows = COMMANDS.map((c) => `| \`${c.usage.replace(/\|/g, "\\|")}\` | ${c.summary} |`);
  return [
    "| Command | What it does |",
    "| --- | --- |",
    ...rows,
    "",
    "Only people with write, maintain or admin permission on this repository may run commands. " +
      "Put each command at the start of its own line; one comment may hold several, and they run in order. " +
      "Lines in code blocks or quotes are not commands.",
  ].join("\n");
}
