import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import type { z } from "zod";
import { readYaml } from "../config/parse.js";
import { configSchema, POSTMORTEM_DAYS } from "../config/schema.js";
import type { VigilConfig } from "../config/schema.js";
import { holidayPlaceProblem } from "../domain/holidays.js";
import { assertTimeZone, parseMoment, workingCalendar } from "../domain/working-days.js";
import type { Deadline } from "../domain/working-days.js";
import type { CliCommand, CliIO } from "./io.js";

const USAGE = `Usage: vigil deadline --from ISO [--days N] [--config FILE | --country CC [--state SS] [--region RR] --timezone TZ] [--json]

When a post-mortem is due: the end of the N-th working day after the local day of --from,
skipping weekends, public holidays and company holidays.

  --from ISO       when the incident was resolved: an instant such as 2026-11-25T16:30:00Z,
                   or a local date or time in the time zone such as 2026-11-25 or 2026-11-25T08:30
  --days N         working days to count, 1 to 30 (default: postmortem.workingDays of --config, else 3)
  --config FILE    take timezone and calendar from a .github/incident-response.yml
  --country CC     public holidays of this country (ISO 3166-1, e.g. US); omit for weekends only
  --state SS       ... and of this state or province (e.g. CA)
  --region RR      ... and of this region within the state
  --timezone TZ    IANA time zone (default UTC)
  --json           print {"due", "dueDate", "skipped"} as JSON
  --help           this text
`;

const DEFAULT_DAYS = 3;

// A problem with the user's input: printed as is, exit code 2.
class InputError extends Error {}

type CalendarSettings = Pick<VigilConfig, "calendar" | "timezone">;

interface Settings extends CalendarSettings {
  days: number | undefined;
}

function zodProblems(file: string, key: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = [key, ...issue.path.map(String)].join(".");
    return `${file}: ${path}: ${issue.message}`;
  });
}

// Only the parts this command needs are validated, so a file with an unfinished on-call section still gives a deadline.
async function settingsFromFile(file: string, cwd: string): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a directory" : (error as Error).message;
    throw new InputError(`cannot read --config ${file}: ${why}. Give the path of an incident-response.yml file.`);
  }
  const read = readYaml(text, file);
  if (!read.ok) throw new InputError(`--config ${file}: ${read.problem.message}`);
  const doc = read.value ?? {};
  if (typeof doc !== "object" || Array.isArray(doc)) {
    throw new InputError(`--config ${file} must be a YAML mapping with keys such as timezone and calendar.`);
  }
  const record = doc as Record<string, unknown>;
  const timezone = configSchema.shape.timezone.safeParse(record.timezone);
  const calendar = configSchema.shape.calendar.safeParse(record.calendar);
  const postmortem = configSchema.shape.postmortem.safeParse(record.postmortem);
  const problems = [
    ...(timezone.success ? [] : zodProblems(file, "timezone", timezone.error)),
    ...(calendar.success ? [] : zodProblems(file, "calendar", calendar.error)),
    ...(postmortem.success ? [] : zodProblems(file, "postmortem", postmortem.error)),
  ];
  if (timezone.success) {
    try {
      assertTimeZone(timezone.data);
    } catch (error) {
      problems.push(`${file}: timezone: ${(error as Error).message}`);
    }
  }
  if (calendar.success) {
    const place = holidayPlaceProblem(calendar.data);
    if (place) problems.push(`${file}: calendar.${place.field}: ${place.message}`);
  }
  if (!timezone.success || !calendar.success || !postmortem.success || problems.length) {
    throw new InputError(problems.join("\n"));
  }
  return { timezone: timezone.data, calendar: calendar.data, days: postmortem.data.workingDays };
}

function settingsFromFlags(values: { country?: string; state?: string; region?: string; timezone?: string }): Settings {
  const timezone = values.timezone ?? "UTC";
  try {
    assertTimeZone(timezone);
  } catch (error) {
    throw new InputError(`--timezone: ${(error as Error).message}`);
  }
  const calendar: VigilConfig["calendar"] = {
    country: values.country?.trim().toUpperCase(),
    state: values.state?.trim().toUpperCase(),
    region: values.region?.trim().toUpperCase(),
    holidayTypes: ["public"],
    workingDays: ["mon", "tue", "wed", "thu", "fri"],
    extraHolidays: [],
  };
  const place = holidayPlaceProblem(calendar);
  if (place) throw new InputError(`--${place.field}: ${place.message}`);
  return { timezone, calendar, days: undefined };
}

// The same range as postmortem.workingDays, so the command answers what Vigil would do with such a setting.
function parseDays(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const days = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!(days >= POSTMORTEM_DAYS.min && days <= POSTMORTEM_DAYS.max)) {
    throw new InputError(`--days must be a whole number of working days from ${POSTMORTEM_DAYS.min} to ${POSTMORTEM_DAYS.max} (the range of postmortem.workingDays), not "${text}"; for example --days 3.`);
  }
  return days;
}

function weekdayName(date: string): string {
  return DateTime.fromISO(date, { zone: "utc", locale: "en-US" }).toFormat("cccc");
}

function describePlace(calendar: VigilConfig["calendar"]): string {
  if (!calendar.country) return "no public holidays (no country given)";
  const place = [calendar.country, calendar.state, calendar.region].filter(Boolean).join("-");
  return `${calendar.holidayTypes.join(" and ")} holidays of ${place}`;
}

function humanReport(deadline: Deadline, start: string, days: number, settings: CalendarSettings): string {
  const lines = [
    `Due: end of ${weekdayName(deadline.dueDate)} ${deadline.dueDate} (${deadline.due}, ${settings.timezone})`,
    `${days} working day${days === 1 ? "" : "s"} after ${weekdayName(start)} ${start}; working days ${settings.calendar.workingDays.join(", ")}; ${describePlace(settings.calendar)}.`,
  ];
  if (deadline.skipped.length === 0) {
    lines.push("No non-working days skipped.");
  } else {
    lines.push(`Skipped ${deadline.skipped.length} non-working day${deadline.skipped.length === 1 ? "" : "s"}:`);
    for (const day of deadline.skipped) lines.push(`  ${weekdayName(day.date).slice(0, 3)} ${day.date}  ${day.reason}`);
  }
  return lines.join("\n");
}

// `--days -1` would otherwise be refused by parseArgs as an ambiguous option before the range is checked.
const joinNegativeDays = (argv: string[]) => argv.flatMap((arg, i) => (arg === "--days" && /^-\d/.test(argv[i + 1] ?? "") ? [] : i > 0 && argv[i - 1] === "--days" && /^-\d/.test(arg) ? [`--days=${arg}`] : [arg]));

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: joinNegativeDays(argv),
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: "string" },
        days: { type: "string" },
        config: { type: "string" },
        country: { type: "string" },
        state: { type: "string" },
        region: { type: "string" },
        timezone: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (error) {
    // parseArgs already says what is wrong ("Unknown option '--form'"); the caller adds where to read more.
    throw new InputError((error as Error).message);
  }
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const values = parseFlags(argv);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.from === undefined) {
    throw new InputError("--from is required: say when the incident was resolved, for example --from 2026-11-25T16:30:00Z.");
  }
  const flagged = (["country", "state", "region", "timezone"] as const).filter((k) => values[k] !== undefined);
  if (values.config !== undefined && flagged.length) {
    throw new InputError(
      `--config takes the time zone and calendar from the file, so it cannot be combined with ${flagged.map((k) => `--${k}`).join(", ")}; use one or the other.`,
    );
  }
  const settings = values.config !== undefined ? await settingsFromFile(values.config, io.cwd) : settingsFromFlags(values);
  const days = parseDays(values.days) ?? settings.days ?? DEFAULT_DAYS;

  let start: string;
  try {
    start = parseMoment(values.from, settings.timezone).toISODate() as string;
  } catch (error) {
    throw new InputError(`--from: ${(error as Error).message}`);
  }
  const deadline = workingCalendar(settings).addWorkingDays(values.from, days);
  if (values.json) {
    io.stdout(JSON.stringify({ due: deadline.due, dueDate: deadline.dueDate, skipped: deadline.skipped }, null, 2));
  } else {
    io.stdout(humanReport(deadline, start, days, settings));
  }
  return 0;
}

/** `vigil deadline`: prints when something counted in working days is due, and which days were skipped and why. */
export const deadlineCommand: CliCommand = async (argv, io) => {
  try {
    return await run(argv, io);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`vigil deadline: ${error.message}\nRun "vigil deadline --help" for usage.`);
    return 2;
  }
};
