import { describe, expect, it } from "vitest";
import { overdueRecurringNote, supersededNote } from "../../../src/domain/recurring/notes.js";

describe("recurring notes", () => {
  it("links the issue that supersedes", () => {
    expect(supersededNote(42)).toBe("Superseded by #42: its unchecked items were carried over.");
  });

  it("mentions the Security Officer when overdue", () => {
    const note = overdueRecurringNote({ officer: "alice", what: "The security review", lastCompleted: "2026-01-05", maxWeeks: 8 });
    expect(note).toMatch(/^@alice: The security review is overdue/);
    expect(note).toContain("at most 8 weeks");
    expect(note).toContain("completed on 2026-01-05");
    expect(overdueRecurringNote({ officer: "@bob", what: "OS patching", lastCompleted: null, maxWeeks: 2 })).toContain(
      "none has been completed yet",
    );
  });

  it("does not let an invalid officer name ping anyone", () => {
    expect(overdueRecurringNote({ officer: "x @everyone", what: "w", lastCompleted: null, maxWeeks: 2 })).not.toMatch(/@everyone/);
  });
});
