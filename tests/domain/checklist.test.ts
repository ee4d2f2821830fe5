import { describe, expect, it } from "vitest";
import { parseTaskItems, renderChecklist, tickedItems } from "../../src/domain/checklist.js";

describe("parseTaskItems", () => {
  it("reads ticked and unticked items in order", () => {
    const md = ["## Mitigation", "", "- [ ] Quarantine affected servers", "- [x] Restore from backups", "- [X] Add capacity"].join("\n");
    expect(parseTaskItems(md)).toEqual([
      { text: "Quarantine affected servers", checked: false },
      { text: "Restore from backups", checked: true },
      { text: "Add capacity", checked: true },
    ]);
  });

  it("accepts `*` and `+` bullets and indented (nested) items", () => {
    const md = ["* [x] star item", "+ [ ] plus item", "  - [x] nested item", "    * [ ] deeper item"].join("\n");
    expect(parseTaskItems(md)).toEqual([
      { text: "star item", checked: true },
      { text: "plus item", checked: false },
      { text: "nested item", checked: true },
      { text: "deeper item", checked: false },
    ]);
  });

  it("reads CRLF documents without keeping the carriage return", () => {
    const md = "Intro\r\n- [x] Review system logs\r\n- [ ] Review database logs\r\n";
    expect(parseTaskItems(md)).toEqual([
      { text: "Review system logs", checked: true },
      { text: "Review database logs", checked: false },
    ]);
  });

  it("trims the spaces around an item's text", () => {
    expect(parseTaskItems("-   [x]    Rotate keys   ")).toEqual([{ text: "Rotate keys", checked: true }]);
  });

  it("ignores lines that are not task items", () => {
    const md = [
      "- plain bullet",
      "- [] no space in the box",
      "-[x] no space after the bullet",
      "- [y] unknown mark",
      "[x] no bullet",
      "- [x]",
      "Some text - [x] in the middle",
    ].join("\n\n"); // apart, or a line would be a lazy continuation of the item before it
    expect(parseTaskItems(md)).toEqual([]);
  });
});

describe("tickedItems", () => {
  const doc = [
    "### Mitigation checklist",
    "",
    "- [ ] Quarantine affected servers",
    "- [ ] Restore affected data from backups",
    "",
    "### Investigation checklist",
    "",
    "- [ ] Review system logs, and gaps in them",
    "- [ ] Review intrusion-detection logs",
  ].join("\n");

  it("names the exact texts of the items ticked with [x] or [X]", () => {
    const ticked = doc
      .replace("- [ ] Quarantine affected servers", "- [x] Quarantine affected servers")
      .replace("- [ ] Review intrusion-detection logs", "- [X] Review intrusion-detection logs");
    expect([...tickedItems(ticked)]).toEqual(["Quarantine affected servers", "Review intrusion-detection logs"]);
  });

  it("reads any bullet or indentation, and CRLF line ends", () => {
    expect([...tickedItems("  * [x] Quarantine affected servers\n+ [x] Review system logs, and gaps in them")]).toEqual([
      "Quarantine affected servers",
      "Review system logs, and gaps in them",
    ]);
    expect([...tickedItems(doc.replace("- [ ] Restore", "- [x] Restore").replace(/\n/g, "\r\n"))]).toEqual(["Restore affected data from backups"]);
  });

  it("is empty when nothing is ticked", () => {
    expect(tickedItems(doc).size).toBe(0);
    expect(tickedItems("").size).toBe(0);
    expect(tickedItems("a link [x](https://example.com) is no item").size).toBe(0);
  });

  it("ignores ticked items in code, HTML comments and block quotes", () => {
    expect(tickedItems("```\n- [x] Quarantine affected servers\n```\n- [ ] Quarantine affected servers").size).toBe(0);
    expect(tickedItems("<!--\n- [x] Add capacity\n-->\n> - [x] quoted").size).toBe(0);
  });
});

describe("renderChecklist", () => {
  const items = ["Quarantine affected servers", "Add capacity"];

  it("ticks only the items whose text is exactly the same", () => {
    expect(renderChecklist(items, new Set(["Add capacity", "quarantine affected servers", "Quarantine affected server"]))).toEqual([
      "- [ ] Quarantine affected servers",
      "- [x] Add capacity",
    ]);
  });

  it("round-trips through tickedItems", () => {
    const ticked = new Set(["Quarantine affected servers"]);
    expect(tickedItems(renderChecklist(items, ticked).join("\n"))).toEqual(ticked);
  });
});

describe("task items inside code", () => {
  it("does not count quoted items", () => {
    expect(parseTaskItems("> - [x] quoted\n- [ ] real")).toEqual([{ text: "real", checked: false }]);
  });
});
