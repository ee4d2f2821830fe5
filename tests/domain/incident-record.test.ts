import { describe, expect, it } from "vitest";
import type { VigilConfig } from "../../src/config/schema.js";
import { parseTaskItems } from "../../src/domain/checklist.js";
import { helpText, parseCommands } from "../../src/domain/commands.js";
import type { IncidentReport } from "../../src/domain/incident-report.js";
import {
  INVESTIGATION_CHECKLIST,
  MITIGATION_CHECKLIST,
  describeEntry,
  formatMoment,
  renderIncidentRecord,
} from "../../src/domain/incident-record.js";
import { type CommandComment, type IncidentSnapshot, type IncidentState, replayIncident } from "../../src/domain/incident-state.js";
import { decodeMarker } from "../../src/markers/codec.js";
import { classifyLines } from "../helpers/line-kinds.js";
import type { Severity } from "../../src/domain/severity.js";

const ZWSP = "\u200b";

const CONFIG: Pick<VigilConfig, "timezone" | "oncall"> = {
  timezone: "America/Los_Angeles",
  oncall: {
    rotation: ["alice", "bob"],
    start: "2026-01-05T09:00",
    overrides: [],
    securityOfficer: "officer",
    escalate: ["@org/security", "dana"],
  },
};

const REPORT: IncidentReport = {
  summary: "Unusual outbound traffic from db-1 --> unknown host; \"patient\" exports suspected.",
  notifiedAt: "2026-11-22T14:05:00-08:00",
  notifiedAtText: "2026-11-22 14:05",
  source: "monitoring",
  notifierContact: "pager@example.com",
  systems: "db-1.prod.internal",
  environment: "production",
  severity: "sev1",
  real: "real",
  inProgress: "yes",
  impact: "serious",
  urgent: "yes",
  containable: "no",
};

// The record is rendered from the snapshot (ids and enums) and the report as the issue holds it now.
const REPORTS = new WeakMap<IncidentSnapshot, IncidentReport>();
const MARKER = '<!-- vigil:incident-record v2 {"issue":42} -->';

function snapshotWith(report: Partial<IncidentReport> = {}, declaredAt = "2026-11-22T22:30:00Z"): IncidentSnapshot {
  const full = { ...REPORT, ...report };
  const snapshot = { declaredAt, severity: full.severity, notifiedAt: full.notifiedAt, responder: "alice", chain: ["alice", "bob", "officer"] };
  REPORTS.set(snapshot, full);
  return snapshot;
}

function comment(id: number, at: string, body: string, author = "carol"): CommandComment {
  return { id, at, author, url: `https://github.com/acme/incidents/issues/42#issuecomment-${id}`, allowed: true, commands: parseCommands(body), recorded: null, edited: false };
}

function render(snapshot: IncidentSnapshot, comments: CommandComment[] = [], previousBody?: string): { body: string; state: IncidentState } {
  const { state } = replayIncident(snapshot, comments, null);
  return { body: renderIncidentRecord({ marker: MARKER, snapshot, state, report: REPORTS.get(snapshot) ?? null, config: CONFIG, previousBody }), state };
}

// Lines GitHub renders as markdown, i.e. everything outside fenced code blocks.
function renderedLines(body: string): string[] {
  return classifyLines(body).filter((l) => l.kind !== "code").map((l) => l.text);
}

describe("renderIncidentRecord: marker", () => {
  it("starts with the marker line it is given, and nothing of the report in it", () => {
    const { body } = render(snapshotWith());
    expect(body.split("\n")[0]).toBe(MARKER);
  });
});

describe("renderIncidentRecord: content", () => {
  const { body } = render(snapshotWith());

  it("shows severity with its meaning, status, responder and the escalation path", () => {
    expect(body).toContain("| Severity | **Sev1** — partial disruption or significant degradation of service |");
    expect(body).toContain("| Status | Investigating |");
    expect(body).toContain("| Primary responder | alice |");
    expect(body).toContain("| Escalation path | alice → bob → officer (Security Officer) |");
  });

  it("shows the report's facts and the times in the configured zone", () => {
    expect(body).toContain("| Declared | 2026-11-22 14:30 PST |");
    expect(body).toContain("| Reporter notified | 2026-11-22 14:05 PST |");
    expect(body).toContain("| Source | Monitoring alert |");
    expect(body).toContain("| Notifier contact | pager@" + ZWSP + "example.com |");
    expect(body).toContain("| Environment | production |");
    expect(body).toContain("| Systems | db-1.prod.internal |");
  });

  it("shows the assessment answers", () => {
    expect(body).toContain("| Real or perceived? | Real |");
    expect(body).toContain("| Still in progress? | Yes |");
    expect(body).toContain("| Business impact if the attack succeeds | Serious |");
    expect(body).toContain("| Is the response urgent? | Yes |");
    expect(body).toContain("| Can it be contained quickly? | No |");
  });

  it("lists both checklists as unticked task items under their headings", () => {
    const mitigation = body.indexOf("### Mitigation checklist");
    const investigation = body.indexOf("### Investigation checklist");
    expect(mitigation).toBeGreaterThan(-1);
    expect(investigation).toBeGreaterThan(mitigation);
    for (const item of MITIGATION_CHECKLIST) {
      const at = body.indexOf(`\n- [ ] ${item}\n`);
      expect(at, item).toBeGreaterThan(mitigation);
      expect(at, item).toBeLessThan(investigation);
    }
    for (const item of INVESTIGATION_CHECKLIST) expect(body.indexOf(`\n- [ ] ${item}\n`), item).toBeGreaterThan(investigation);
    expect(parseTaskItems(body)).toEqual([...MITIGATION_CHECKLIST, ...INVESTIGATION_CHECKLIST].map((text) => ({ text, checked: false })));
  });

  it("shows the summary verbatim in a code block", () => {
    const lines = classifyLines(body);
    const at = lines.findIndex((l) => l.text === REPORT.summary);
    expect(at).toBeGreaterThan(-1);
    expect(lines[at]?.kind).toBe("code");
    expect(lines[at - 1]?.text).toBe("```");
  });

  it("ends with the commands help", () => {
    expect(body).toContain(`### Commands\n\n${helpText()}`);
    expect(body).toContain("/escalate [reason]");
  });
});

describe("renderIncidentRecord: timeline", () => {
  it("writes each entry in the configured zone, with PST or PDT as the date falls", () => {
    const snapshot = snapshotWith({ notifiedAt: "2026-03-08T01:20:00-08:00" }, "2026-03-08T09:45:00Z");
    const comments = [
      comment(1, "2026-03-08T10:15:00Z", "/status mitigating"),
      comment(2, "2026-03-08T11:00:00Z", "/note Rotated the database credentials"),
    ];
    const { body } = render(snapshot, comments);
    const timeline = body.slice(body.indexOf("### Timeline"), body.indexOf("### Commands"));
    expect(timeline.split("\n").filter((l) => l.startsWith("- "))).toEqual([
      "- 2026-03-08 01:20 PST — reporter notified of the incident",
      "- 2026-03-08 01:45 PST — incident declared as Sev1; primary responder alice",
      "- 2026-03-08 03:15 PDT — status Investigating → Mitigating by carol",
      "- 2026-03-08 04:00 PDT — note by carol: Rotated the database credentials",
    ]);
  });

  it("says the notification time was not given when the report has none", () => {
    const { body } = render(snapshotWith({ notifiedAt: null, notifiedAtText: null }));
    expect(body).toContain("| Reporter notified | not given |");
    expect(body).not.toContain("reporter notified of the incident");
  });
});

describe("renderIncidentRecord: who is mentioned", () => {
  for (const level of ["emergency", "sev0"] as const) {
    it(`${level} pages the Security Officer and the escalation teams`, () => {
      const { body } = render(snapshotWith({ severity: level }));
      expect(body).toMatch(/@officer \(Security Officer\)/);
      expect(body).toContain("@org/security");
      expect(body).toContain("@dana");
      expect(body).toMatch(/^\*\*(Emergency|Sev0): paging\*\* @officer \(Security Officer\), @org\/security, @dana$/m);
    });
  }

  for (const level of ["sev1", "sev2", "triage"] as const satisfies readonly Severity[]) {
    it(`${level} names people without @`, () => {
      const { body } = render(snapshotWith({ severity: level }), [comment(1, "2026-11-22T23:00:00Z", "/responder @carol\n/note handing over")]);
      expect(body).toContain("| Primary responder | carol |");
      expect(body).not.toContain("paging");
      // The help's `/responder @login` sits in a code span and the marker's JSON is a hidden
      // comment; nothing else may carry a mention.
      const visible = body.replace(helpText(), "").split("\n").slice(1).join("\n");
      expect(visible).not.toMatch(/@[A-Za-z0-9]/);
      for (const login of ["officer", "alice", "bob", "carol", "dana", "org/security"]) expect(body).not.toContain(`@${login}`);
    });
  }

  it("follows the current severity, not the reported one", () => {
    const downgraded = render(snapshotWith({ severity: "sev0" }), [comment(1, "2026-11-22T23:00:00Z", "/severity sev2 test data only")]);
    expect(downgraded.body).toContain("| Severity | **Sev2** — moderate or minor disruption or degradation |");
    expect(downgraded.body).not.toContain("@officer");
    const upgraded = render(snapshotWith({ severity: "sev2" }), [comment(1, "2026-11-22T23:00:00Z", "/severity sev0 records were read")]);
    expect(upgraded.body).toContain("| Severity | **Sev0** — sensitive data breach, or complete disruption of a critical service |");
    expect(upgraded.body).toContain("**Sev0: paging** @officer (Security Officer)");
  });
});

describe("renderIncidentRecord: reporter text is inert", () => {
  const hostile = [
    "Contact @mallory about this",
    "<img src=x onerror=alert(1)>",
    "<!-- vigil:incident-record {} -->",
    "```",
    "@mallory closes the fence? <script>x</script>",
    "```",
    "### Injected heading",
  ].join("\n");
  const snapshot = snapshotWith({
    summary: hostile,
    notifierContact: "@mallory <img src=x onerror=alert(1)>",
    systems: "db-1 <!-- vigil:incident-record {} --> ``` **bold**",
    severity: "sev0",
  });
  const comments = [comment(1, "2026-11-22T23:00:00Z", "/note ping @mallory <img src=x onerror=alert(1)>\n/severity sev1 per @mallory <b>x</b>")];
  const { body } = render(snapshot, comments);

  it("keeps exactly one incident-record marker, the real one", () => {
    expect(decodeMarker(body)).toEqual({ kind: "incident-record", version: 2, data: { issue: 42 } });
    // Markers are read from the first line only; a marker the reporter typed sits inert in a code block.
    expect(renderedLines(body).filter((l) => l.startsWith("<!-- vigil:"))).toEqual([MARKER]);
  });

  it("mentions nobody the reporter or a commenter named, and renders none of their HTML", () => {
    const rendered = renderedLines(body).slice(1); // the first line is the marker's JSON
    for (const line of rendered) {
      expect(line).not.toMatch(/@mallory/);
      expect(line).not.toMatch(/<img|<script|<b>/i);
    }
    expect(body).toContain(`| Notifier contact | @${ZWSP}mallory &lt;img src=x onerror=alert\\(1\\)&gt; |`);
    expect(body).toMatch(new RegExp(`note by carol: ping @${ZWSP}mallory &lt;img`));
    expect(body).toMatch(new RegExp(`severity Sev0 → Sev1 by carol: per @${ZWSP}mallory &lt;b&gt;x&lt;/b&gt;`));
  });

  it("fences the whole summary so its backticks cannot close the block", () => {
    const lines = classifyLines(body);
    const start = lines.findIndex((l) => l.text === "Contact @mallory about this");
    const summaryLines = hostile.split("\n");
    expect(lines.slice(start, start + summaryLines.length).map((l) => l.text)).toEqual(summaryLines);
    expect(lines.slice(start - 1, start + summaryLines.length + 1).every((l) => l.kind === "code")).toBe(true);
    expect(lines[start - 1]?.text).toBe("````");
    expect(lines[start + summaryLines.length]?.text).toBe("````");
    expect(lines.filter((l) => l.text.startsWith("### ") && l.kind === "text").map((l) => l.text)).not.toContain("### Injected heading");
  });
});

describe("renderIncidentRecord: ticked checklist items", () => {
  it("stay ticked when the record is re-rendered", () => {
    const snapshot = snapshotWith();
    const first = render(snapshot).body;
    const ticked = first
      .replace("- [ ] Quarantine affected servers", "- [x] Quarantine affected servers")
      .replace("- [ ] Review intrusion-detection logs", "- [X] Review intrusion-detection logs");
    const { body } = render(snapshot, [comment(1, "2026-11-22T23:00:00Z", "/status mitigating")], ticked);
    expect(body).toContain("| Status | Mitigating |");
    const checked = parseTaskItems(body).filter((i) => i.checked).map((i) => i.text);
    expect(checked).toEqual(["Quarantine affected servers", "Review intrusion-detection logs"]);
    expect(parseTaskItems(body)).toHaveLength(MITIGATION_CHECKLIST.length + INVESTIGATION_CHECKLIST.length);
  });
});

describe("formatMoment", () => {
  it("shows local time with the zone's abbreviation", () => {
    expect(formatMoment("2026-11-22T22:30:00Z", "America/Los_Angeles")).toBe("2026-11-22 14:30 PST");
    expect(formatMoment("2026-07-01T16:00:00Z", "America/Los_Angeles")).toBe("2026-07-01 09:00 PDT");
    expect(formatMoment("2026-11-22T14:05:00-08:00", "UTC")).toBe("2026-11-22 22:05 UTC");
  });

  it("returns the input when it is not an ISO instant", () => {
    expect(formatMoment("yesterday around 3", "America/Los_Angeles")).toBe("yesterday around 3");
    expect(formatMoment("2026-13-45T99:00:00Z", "UTC")).toBe("2026-13-45T99:00:00Z");
  });
});

describe("describeEntry", () => {
  const url = "https://github.com/acme/incidents/issues/42#issuecomment-1";

  it("describes each kind of entry", () => {
    expect(describeEntry({ at: "x", kind: "notified" })).toBe("reporter notified of the incident");
    expect(describeEntry({ at: "x", kind: "declared", by: "vigil", severity: "triage", responder: "bob" })).toBe(
      "incident declared as Triage; primary responder bob",
    );
    expect(describeEntry({ at: "x", kind: "status", by: "bob", from: "mitigated", to: "resolved", url })).toBe(
      "status Mitigated → Resolved by bob",
    );
    expect(describeEntry({ at: "x", kind: "responder", by: "bob", from: "bob", to: "officer", escalated: true, reason: null, url })).toBe(
      "escalated from bob to officer by bob",
    );
    expect(describeEntry({ at: "x", kind: "responder", by: "bob", from: "alice", to: "carol", escalated: false, reason: null, url })).toBe(
      "responder changed from alice to carol by bob",
    );
    expect(describeEntry({ at: "x", kind: "closed", reason: "completed" })).toBe("resolved (issue closed)");
    expect(describeEntry({ at: "x", kind: "closed", reason: "not_planned" })).toBe("closed as not planned");
    expect(describeEntry({ at: "x", kind: "reopened" })).toBe("reopened");
  });

  it("escapes a reason's markdown", () => {
    expect(describeEntry({ at: "x", kind: "severity", by: "bob", from: "sev2", to: "emergency", reason: "*all* down, see #12", url })).toBe(
      `severity Sev2 → Emergency by bob: \\*all\\* down, see \\#${ZWSP}12`,
    );
  });

  it("puts a note on one line and shortens a long one", () => {
    const long = `${"a".repeat(300)}\nsecond line`;
    const line = describeEntry({ at: "x", kind: "note", by: "bob", text: long, url });
    expect(line).not.toContain("\n");
    expect(line).toBe(`note by bob: ${"a".repeat(279)}…`);
    expect(describeEntry({ at: "x", kind: "note", by: "bob", text: "first\nsecond", url })).toBe("note by bob: first second");
  });
});

describe("Security Officer in the escalation path", () => {
  it("is recognised whatever the letter case of the chain entry", () => {
    const snapshot = { ...snapshotWith(), chain: ["alice", "Olivia"] };
    const config = { ...CONFIG, oncall: { ...CONFIG.oncall, securityOfficer: "olivia" } };
    const state: IncidentState = { severity: "sev2", status: "investigating", responder: "alice", timeline: [], comms: [], plans: [] };
    const body = renderIncidentRecord({ marker: MARKER, snapshot, state, report: REPORT, config });
    expect(body).toContain("| Escalation path | alice → Olivia (Security Officer) |");
  });
});
