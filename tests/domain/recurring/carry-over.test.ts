import { describe, expect, it } from "vitest";
import { carryOver, parseCarryNote } from "../../../src/domain/recurring/carry-over.js";
import { renderPatching } from "../../../src/domain/recurring/bodies.js";
import { taskItems } from "../../../src/domain/markdown/task-items.js";

const PREVIOUS = `<!-- vigil:patching -->
## OS patching — week of 2026-09-07

- [ ] Patch production
  - [ ] web servers
  - [x] database
    - [ ] replica
- [X] Patch development
  - [ ] build agents
* [ ] star item
- [ ] hand-added: rotate the \`deploy\` key, see #12

\`\`\`
- [ ] in a code fence
\`\`\`

<!--
- [ ] in a comment
-->

> - [ ] quoted

- [#99](https://github.com/o/r/pull/99) a merged pull request
`;

describe("carryOver", () => {
  it("carries unchecked items in order with their nesting and where they came from", () => {
    expect(carryOver({ number: 31, body: PREVIOUS })).toEqual([
      "- [ ] Patch production _(from #31, carried 1×)_",
      "  - [ ] web servers _(from #31, carried 1×)_",
      // Its parent was ticked, so it moves up under the nearest carried ancestor.
      "  - [ ] replica _(from #31, carried 1×)_",
      "- [ ] build agents _(from #31, carried 1×)_",
      "- [ ] star item _(from #31, carried 1×)_",
      "- [ ] hand-added: rotate the `deploy` key, see #12 _(from #31, carried 1×)_",
    ]);
  });

  it("counts a second carry and names the newer issue", () => {
    const first = carryOver({ number: 31, body: PREVIOUS });
    const next = renderPatching({ marker: "<!-- vigil:patching -->", weekOf: "2026-09-14", systems: ["staging"], carried: first });
    const ticked = next.replace("- [ ] star item", "- [x] star item");
    const second = carryOver({ number: 40, body: ticked });
    expect(second).toContain("- [ ] Patch staging _(from #40, carried 1×)_");
    expect(second).toContain("- [ ] Patch production _(from #40, carried 2×)_");
    expect(second).toContain("  - [ ] web servers _(from #40, carried 2×)_");
    expect(second.join("\n")).not.toContain("star item");
    expect(second.join("\n")).not.toContain("#31");
  });

  it("carries an item listed twice once, with the higher count", () => {
    const body = "- [ ] Patch production\n- [ ] Patch production _(from #5, carried 3×)_\n- [ ] other";
    expect(carryOver({ number: 6, body })).toEqual([
      "- [ ] Patch production _(from #6, carried 4×)_",
      "- [ ] other _(from #6, carried 1×)_",
    ]);
  });

  it("keeps every carried item one line that stays in the list", () => {
    const body = "- [ ] first line\n  continued\u2028still\n- [ ] next";
    const lines = carryOver({ number: 3, body });
    expect(lines).toEqual(["- [ ] first line continued still _(from #3, carried 1×)_", "- [ ] next _(from #3, carried 1×)_"]);
    expect(taskItems(lines.join("\n")).map((i) => i.depth)).toEqual([0, 0]);
  });

  it("carries nothing from a body without unchecked items", () => {
    expect(carryOver({ number: 1, body: "- [x] done\n- plain" })).toEqual([]);
    expect(carryOver({ number: 1, body: "" })).toEqual([]);
  });
});

describe("parseCarryNote", () => {
  it("reads and strips the annotation", () => {
    expect(parseCarryNote("web servers _(from #31, carried 2×)_")).toEqual({ text: "web servers", count: 2 });
    expect(parseCarryNote("web servers")).toEqual({ text: "web servers", count: 0 });
    expect(parseCarryNote("see _(from #31, carried 2×)_ later")).toEqual({ text: "see _(from #31, carried 2×)_ later", count: 0 });
  });
});

describe("carryOver of a very long item", () => {
  it("shortens the text, never the annotation", () => {
    const [line = ""] = carryOver({ number: 8, body: `- [ ] ${"word ".repeat(1000)}` });
    expect(line.length).toBeLessThan(1_600);
    expect(parseCarryNote(line.slice(6))).toMatchObject({ count: 1 });
  });
});
