import { describe, expect, it } from "vitest";
import { keepCheckedItems, parseTaskItems } from "../../src/domain/checklist.js";

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

describe("keepCheckedItems", () => {
  const next = [
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

  it("ticks in the new document the items ticked in the previous one", () => {
    const previous = next
      .replace("- [ ] Quarantine affected servers", "- [x] Quarantine affected servers")
      .replace("- [ ] Review intrusion-detection logs", "- [X] Review intrusion-detection logs");
    const out = keepCheckedItems(previous, next);
    expect(out).toBe(
      next
        .replace("- [ ] Quarantine affected servers", "- [x] Quarantine affected servers")
        .replace("- [ ] Review intrusion-detection logs", "- [x] Review intrusion-detection logs"),
    );
    expect(parseTaskItems(out).map((i) => i.checked)).toEqual([true, false, false, true]);
  });

  it("matches items whatever bullet or indentation the previous version used", () => {
    const previous = "  * [x] Quarantine affected servers\n+ [x] Review system logs, and gaps in them";
    expect(parseTaskItems(keepCheckedItems(previous, next)).filter((i) => i.checked).map((i) => i.text)).toEqual([
      "Quarantine affected servers",
      "Review system logs, and gaps in them",
    ]);
  });

  it("keeps the new document's bullet and indentation", () => {
    const indented = "Steps:\n  * [ ] Quarantine affected servers\n  * [ ] Add capacity";
    expect(keepCheckedItems("- [x] Quarantine affected servers", indented)).toBe(
      "Steps:\n  * [x] Quarantine affected servers\n  * [ ] Add capacity",
    );
  });

  it("reads a previous version with CRLF line ends", () => {
    const previous = next.replace("- [ ] Restore affected data from backups", "- [x] Restore affected data from backups").replace(/\n/g, "\r\n");
    const out = keepCheckedItems(previous, next);
    expect(out).toContain("- [x] Restore affected data from backups");
    expect(out).not.toContain("\r");
    expect(parseTaskItems(out).filter((i) => i.checked)).toHaveLength(1);
  });

  it("ticks only items whose text is exactly the same", () => {
    const previous = [
      "- [x] Quarantine affected server",
      "- [x] restore affected data from backups",
      "- [x] Review system logs",
      "- [x] Review intrusion-detection logs and alerts",
    ].join("\n");
    expect(keepCheckedItems(previous, next)).toBe(next);
  });

  it("returns the new document unchanged when nothing was ticked", () => {
    expect(keepCheckedItems(next, next)).toBe(next);
    expect(keepCheckedItems("", next)).toBe(next);
    expect(keepCheckedItems("- [ ] Quarantine affected servers", next)).toBe(next);
  });

  it("ticks only the box, not brackets later in the text", () => {
    const doc = "- [ ] Check [ ] placeholders in configs";
    expect(keepCheckedItems("- [x] Check [ ] placeholders in configs", doc)).toBe("- [x] Check [ ] placeholders in configs");
  });

  it("leaves items already ticked in the new document alone", () => {
    const ticked = "- [x] Quarantine affected servers\n- [ ] Add capacity";
    expect(keepCheckedItems("- [x] Add capacity", ticked)).toBe("- [x] Quarantine affected servers\n- [x] Add capacity");
  });
});

describe("task items inside code", () => {
  it("ignores ticked items inside a fence when carrying ticks", () => {
    const prev = "```\n- [x] Quarantine affected servers\n```\n- [ ] Quarantine affected servers";
    expect(keepCheckedItems(prev, prev)).toBe(prev);
  });

  it("never rewrites an item inside a fence", () => {
    const next = "```\n- [ ] Add capacity\n```\n- [ ] Add capacity";
    expect(keepCheckedItems("- [x] Add capacity", next)).toBe("```\n- [ ] Add capacity\n```\n- [x] Add capacity");
  });

  it("does not count quoted items", () => {
    expect(parseTaskItems("> - [x] quoted\n- [ ] real")).toEqual([{ text: "real", checked: false }]);
  });
});
