import { describe, expect, it } from "vitest";
import { reviewItems } from "../../../src/domain/postmortem/review-items.js";
import { SHIPPED_TEMPLATE } from "./fixtures.js";

describe("reviewItems", () => {
  it("reads the task items, ticked or not and nested, of the two sections of a merged post-mortem", () => {
    const doc = [
      "# Post-mortem: DB exfiltration (#12)",
      "",
      "## Root cause",
      "",
      "- [ ] not a defense",
      "",
      "## Suggested Defenses",
      "",
      "<!-- the template's note -->",
      "",
      "- [ ] \\<defense> — cost: … — benefit: …",
      "- [ ] Rotate the database credentials — cost: 1 day — benefit: closes the leak",
      "  - [x] Vault policy for db-1",
      "    1. [ ] Audit who read it",
      "  - a plain sub-point, not a task",
      "",
      "### Longer term",
      "",
      "* [X] Egress allow-list — cost: 2 weeks",
      "",
      "> - [ ] quoted, someone's words",
      "",
      "```",
      "- [ ] in a code block",
      "```",
      "",
      "## What worked",
      "",
      "- [ ] not a defense either",
      "",
      "# Response plan changes",
      "",
      "- [ ] Add a step for egress review to .github/incident-plans/exfiltration.md",
      "",
      "## Appendix",
      "",
      "- [ ] still under the level-1 heading above",
      "",
      "# Verbatim copy of the incident's comments",
      "",
      "- [ ] not a plan change",
    ].join("\n");
    expect(reviewItems(doc)).toEqual([
      { section: "Suggested defenses", text: "Rotate the database credentials — cost: 1 day — benefit: closes the leak" },
      { section: "Suggested defenses", text: "Vault policy for db-1" },
      { section: "Suggested defenses", text: "Audit who read it" },
      { section: "Suggested defenses", text: "Egress allow-list — cost: 2 weeks" },
      { section: "Response plan changes", text: "Add a step for egress review to .github/incident-plans/exfiltration.md" },
      { section: "Response plan changes", text: "still under the level-1 heading above" },
    ]);
  });

  it("finds nothing in the untouched template: the example line is not a defense", () => {
    expect(reviewItems(SHIPPED_TEMPLATE)).toEqual([]);
  });

  it("takes the British spelling, a trailing colon and any case", () => {
    expect(reviewItems("### SUGGESTED DEFENCES:\n\n- [ ] a\n\n#### response plan changes\n\n- [ ] b\n")).toEqual([
      { section: "Suggested defenses", text: "a" },
      { section: "Response plan changes", text: "b" },
    ]);
  });

  it("ignores headings inside quoted comments", () => {
    const doc = "## Comments\n\n````\n## Suggested defenses\n- [ ] injected\n````\n\n> ## Suggested defenses\n> - [ ] quoted\n";
    expect(reviewItems(doc)).toEqual([]);
  });
});
