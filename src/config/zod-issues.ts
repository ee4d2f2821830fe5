import { z } from "zod";
import { allowedKeysAt, hasDefaultAt, innerSchemaAt } from "./schema-walk.js";
import { didYouMean } from "./suggest.js";
import { formatKey, PEOPLE_EXAMPLE, showValue, valueAt, type ConfigPath } from "./problems.js";

/**
 * Passed as the per-parse error map so that zod's own English (which may quote a regex) never reaches a user:
 * an issue carrying this message is worded here; any other message is a fragment the schema wrote on purpose.
 */
export const UNWORDED = "\u0000vigil:unworded";

/** A translated issue: the key it concerns and the sentence to show. */
interface WordedIssue {
  path: ConfigPath;
  message: string;
}

// What to add when a required key is missing, by path with list indexes dropped.
const REQUIRED_HINTS: Record<string, string> = {
  oncall: `Vigil needs to know the people: add an oncall section with the weekly rotation and the Security Officer, for example ${PEOPLE_EXAMPLE}.`,
  "oncall.rotation": "Add the weekly rotation of GitHub logins, in order, for example rotation: [alice, bob, carol].",
  "oncall.securityOfficer": "Add the Security Officer's GitHub login, for example securityOfficer: erin; they are the last step of every escalation.",
  "oncall.overrides.login": "Each override names who is on call instead, for example { login: dave, from: 2026-11-23, to: 2026-11-29 }.",
  "oncall.overrides.from": "Each override has a first day, for example { login: dave, from: 2026-11-23, to: 2026-11-29 }.",
  "oncall.overrides.to": "Each override has a last day, for example { login: dave, from: 2026-11-23, to: 2026-11-29 }.",
  "project.owner": "Add the organisation or user that owns the project, for example owner: my-org.",
  "project.number": "Add the project's number as in its URL, for example number: 7 for https://github.com/orgs/my-org/projects/7.",
};

const NOUNS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a group of settings (indented key: value lines)",
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// The key as a sentence names it: its own name, with the list index when it is an entry of a list.
function keyName(path: ConfigPath): string {
  const lastName = path.findLastIndex((segment) => typeof segment === "string");
  return lastName < 0 ? "The configuration" : formatKey(path.slice(lastName));
}

function genericKey(path: ConfigPath): string {
  return path.filter((segment) => typeof segment === "string").join(".");
}

// The value a sentence is about: quoted when it is a scalar, otherwise named by its key.
function subject(path: ConfigPath, value: unknown): string {
  if (Array.isArray(value)) return `The list ${keyName(path)}`;
  if (value !== null && typeof value === "object") return keyName(path);
  return showValue(value);
}

function orDefault(path: ConfigPath): string {
  return hasDefaultAt(path) ? ", or remove the key to use the default" : "";
}

function wrongType(issue: z.core.$ZodIssueInvalidType, path: ConfigPath, value: unknown): string {
  const name = keyName(path);
  if (path.length === 0) {
    return `The file must be a group of settings (key: value lines such as timezone: UTC), not ${showValue(value)}; start from ${PEOPLE_EXAMPLE}.`;
  }
  if (value === undefined) return `${name} is required. ${REQUIRED_HINTS[genericKey(path)] ?? ""}`.trim();
  const expected = NOUNS[issue.expected] ?? issue.expected;
  if (value === null) {
    const hint = REQUIRED_HINTS[genericKey(path)];
    return `${name} has no value; it needs ${expected}${orDefault(path)}.${hint ? ` ${hint}` : ""}`;
  }
  const found = `${name} must be ${expected}, not ${showValue(value)}`;
  if (issue.expected === "string" && (typeof value === "number" || typeof value === "boolean")) {
    return `${found}; put it in quotes, for example "${String(value)}".`;
  }
  if (issue.expected === "int" && typeof value === "number") return `${name} must be a whole number, not ${value}.`;
  if (issue.expected === "array" && typeof value !== "object") {
    return `${found}; write a list, for example [${String(value)}]${orDefault(path)}.`;
  }
  if (issue.expected === "object") return `${found}; write its settings indented below it${orDefault(path)}.`;
  return `${found}${orDefault(path)}.`;
}

function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, path: ConfigPath, value: unknown): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === "array") {
    const count = `${limit} item${limit === 1 ? "" : "s"}`;
    return small
      ? `The list ${keyName(path)} needs at least ${count}${orDefault(path)}.`
      : `The list ${keyName(path)} may have at most ${count}; remove some.`;
  }
  if (issue.origin === "string") {
    const fix = typeof path.at(-1) === "number" ? " or remove the entry" : orDefault(path);
    return small ? `${keyName(path)} must not be empty; write a value${fix}.` : `${keyName(path)} is too long; shorten it.`;
  }
  const range = numberRange(path);
  const kind = range?.isInt ? "a whole number" : "a number";
  const advice =
    // `.int()` alone sets the safe-integer limits, which are no advice to anyone.
    range && isStated(range.minValue) && isStated(range.maxValue)
      ? `use ${kind} from ${range.minValue} to ${range.maxValue}`
      : `use ${kind} ${small ? (inclusive ? "of at least" : "greater than") : inclusive ? "of at most" : "less than"} ${limit}`;
  return `${showValue(value)} is too ${small ? "small" : "large"} for ${keyName(path)}; ${advice}.`;
}

// Both bounds of a number, so the advice names the whole range rather than the one bound that was crossed.
function numberRange(path: ConfigPath): z.ZodNumber | undefined {
  const schema = innerSchemaAt(path);
  return schema instanceof z.ZodNumber ? schema : undefined;
}

function isStated(bound: number | null): bound is number {
  return bound !== null && Math.abs(bound) < Number.MAX_SAFE_INTEGER;
}

// A key written at the top level that belongs inside a section, such as `rotation` for `oncall.rotation`.
function misplaced(key: string): string {
  const home = allowedKeysAt([]).find((section) => allowedKeysAt([section]).includes(key));
  return home === undefined ? "" : ` It belongs in the ${home} section: indent it under ${home}: (that is, ${home}.${key}).`;
}

function unknownKey(path: ConfigPath, key: string): WordedIssue {
  const allowed = allowedKeysAt(path);
  const where = path.length === 0 ? "at the top level" : `in ${formatKey(path)}`;
  // Probot resolves `_extends` itself; it is listed so nobody thinks it was refused.
  const listed = path.length === 0 ? [...allowed, "_extends"] : allowed;
  return {
    path: [...path, key],
    message: `${JSON.stringify(key)} is not a setting Vigil knows ${where}.${path.length === 0 ? misplaced(key) : ""}${didYouMean(key, allowed)} The allowed keys are: ${listed.join(", ")}.`,
  };
}

/** Plain sentences, each saying what is wrong and how to fix it, for one zod issue; `raw` is what the user wrote. */
export function wordIssue(issue: z.core.$ZodIssue, raw: unknown): WordedIssue[] {
  const path = issue.path;
  const value = valueAt(raw, path);
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => unknownKey(path, key));
  if (issue.message !== UNWORDED) return [{ path, message: `${capitalise(subject(path, value))} ${issue.message}.` }];
  switch (issue.code) {
    case "invalid_type":
      return [{ path, message: wrongType(issue, path, value) }];
    case "invalid_value": {
      const options = issue.values.map(String);
      const written = typeof value === "string" ? value : String(value);
      return [{ path, message: `${showValue(value)} is not allowed here.${didYouMean(written, options)} Use one of: ${options.join(", ")}.` }];
    }
    case "too_small":
    case "too_big":
      return [{ path, message: bound(issue, path, value) }];
    default:
      return [{ path, message: `${capitalise(showValue(value))} is not a valid value for ${keyName(path)}; see the configuration reference for what it accepts.` }];
  }
}
