import { describe, expect, it } from "vitest";
import { renderMarker } from "../../../src/markers/define.js";
import { PLAN_CHECKLIST } from "../../../src/markers/kinds.js";
import { GITHUB_BODY_LIMIT } from "../../../src/domain/markdown/fit-body.js";
import { taskItems } from "../../../src/domain/markdown/task-items.js";
import { isPlanSlug, planFileSlug, planSlug, planTasks, renderPlanChecklist, unknownPlanReply } from "../../../src/domain/plans/index.js";

describe("planSlug", () => {
  it.each([
    ["Lost laptop", "lost-laptop"],
    ["Ransomware!", "ransomware"],
    ["  --Phishing / BEC__campaign--  ", "phishing-bec-campaign"],
    ["Übung Café", "ubung-cafe"],
    ["../../etc/passwd", "etc-passwd"],
    ["DDoS 2.0", "ddos-2-0"],
    ["!!!", ""],
    ["", ""],
  ])("%j → %j", (name, slug) => {
    expect(planSlug(name)).toBe(slug);
  });

  it("is at most 60 characters and never ends in a hyphen", () => {
    const slug = planSlug(`${"a".repeat(59)} b and more`);
    expect(slug).toBe("a".repeat(59));
    expect(planSlug("x".repeat(100))).toHaveLength(60);
    for (const name of ["Lost laptop", "a b ".repeat(40), "Ünïcödé ñame — 2026"]) {
      const s = planSlug(name);
      expect(isPlanSlug(s)).toBe(true);
      expect(planSlug(s)).toBe(s);
    }
  });

  it("isPlanSlug accepts only lower-case runs joined by single hyphens, up to 60 characters", () => {
    for (const ok of ["a", "lost-laptop", "v2-0", "x".repeat(60)]) expect(isPlanSlug(ok)).toBe(true);
    for (const bad of ["", "-a", "a-", "a--b", "A", "a_b", "../x", "a/b", "a.md", "x".repeat(61), "a b"]) expect(isPlanSlug(bad)).toBe(false);
  });

  it("planFileSlug reads a file name as the plan it holds", () => {
    expect(planFileSlug("lost-laptop.md")).toBe("lost-laptop");
    expect(planFileSlug(".github/incident-plans/Lost laptop.MD")).toBe("lost-laptop");
    expect(planFileSlug("ransomware")).toBe("ransomware");
  });
});

describe("planTasks", () => {
  it("lists the task-list items as GitHub renders them, nesting kept as indentation", () => {
    const plan = [
      "# Lost laptop",
      "",
      "Steps, in order:",
      "",
      "- [ ] Revoke the laptop's sessions",
      "  - [ ] Google Workspace",
      "  - [x] VPN",
      "    * [ ] certificates",
      "- [x] Wipe it remotely",
      "  continued on a second line",
      "1. [ ] Tell the owner's manager",
      "- plain item, not a task",
      "- [] not a box either",
      "",
      "```",
      "- [ ] in a code block",
      "```",
      "",
      "> - [ ] quoted",
      "",
      "    - [ ] indented code",
      "",
      "<!--",
      "- [ ] in an HTML comment",
      "-->",
    ].join("\n");
    expect(planTasks(plan)).toEqual([
      "Revoke the laptop's sessions",
      "  Google Workspace",
      "  VPN",
      "    certificates",
      "Wipe it remotely continued on a second line",
      "Tell the owner's manager",
    ]);
  });

  it("is empty for a plan without task items, and accepts CRLF", () => {
    expect(planTasks("# Plan\n\nJust prose.\n- a list\n")).toEqual([]);
    expect(planTasks("")).toEqual([]);
    expect(planTasks("- [ ] one\r\n- [ ] two\r\n")).toEqual(["one", "two"]);
  });
});

describe("renderPlanChecklist", () => {
  const marker = renderMarker(PLAN_CHECKLIST, { issue: 42, slug: "lost-laptop" });

  it("starts with the marker, names the plan, and lists every task unticked with its nesting", () => {
    const body = renderPlanChecklist({ marker, name: "Lost laptop", slug: "lost-laptop", tasks: ["Revoke sessions", "  Google", "    certs", "Wipe it"] });
    expect(body.split("\n")).toEqual([
      marker,
      "### Response plan: Lost laptop",
      "",
      "_Copied from `.github/incident-plans/lost-laptop.md`. Tick the tasks here as they are done._",
      "",
      "- [ ] Revoke sessions",
      "  - [ ] Google",
      "    - [ ] certs",
      "- [ ] Wipe it",
    ]);
    // GitHub reads the copy as the same tasks, nesting included, none ticked.
    expect(taskItems(body).map((t) => [t.depth, t.text, t.checked])).toEqual([[0, "Revoke sessions", false], [1, "Google", false], [2, "certs", false], [0, "Wipe it", false]]);
  });

  it("round-trips a plan file through planTasks", () => {
    const plan = "- [x] a\n  - [ ] b\n- [ ] c\n";
    const body = renderPlanChecklist({ marker, name: "p", slug: "p", tasks: planTasks(plan) });
    expect(taskItems(body).map((t) => [t.depth, t.text, t.checked])).toEqual([[0, "a", false], [1, "b", false], [0, "c", false]]);
  });

  it("renders hostile task text and name as inert text", () => {
    const tasks = [
      "Page @acme/security and @bob about #12 and GH-3",
      "<img src=x onerror=alert(1)> <!-- hide",
      "[click](https://evil.example) ![i](x) **bold** `code` ~~s~~ | pipe",
      "```",
      "# heading",
      "- [x] fake ticked item",
      "1. numbered",
      "a\u202eb\u200bc\u0000d",
      "line\nbreak\r\n- [ ] smuggled",
      "   ",
    ];
    const body = renderPlanChecklist({ marker, name: "<b>@everyone</b> #1", slug: "x", tasks });
    const lines = body.split("\n");
    expect(lines[1]).toBe("### Response plan: &lt;b&gt;@\u200beveryone&lt;/b&gt; \\#\u200b1");
    const items = lines.filter((l) => l.startsWith("- [ ] "));
    // One line per task with text (the blank one is left out), each a single unticked item.
    expect(items).toHaveLength(9);
    expect(taskItems(body)).toHaveLength(9);
    expect(taskItems(body).every((t) => !t.checked && t.depth === 0)).toBe(true);
    // eslint-disable-next-line no-control-regex -- NUL is one of the characters under test
    expect(lines.slice(1).join("\n")).not.toMatch(/@(?!\u200b)|#(?!\u200b)\d|<img|<!--|\]\(|```|\u202e|\u0000/u);
    expect(items[0]).toBe("- [ ] Page @\u200bacme/security and @\u200bbob about \\#\u200b12 and GH-\u200b3");
    expect(items[5]).toBe("- [ ] \\- \\[x\\] fake ticked item");
    expect(items[8]).toBe("- [ ] line break - \\[ \\] smuggled");
  });

  it("does not let a jump in depth indent a task into a code block", () => {
    const body = renderPlanChecklist({ marker, name: "p", slug: "p", tasks: ["      deep first", "a", "        b"] });
    expect(body.split("\n").slice(5)).toEqual(["- [ ] deep first", "- [ ] a", "  - [ ] b"]);
    expect(taskItems(body)).toHaveLength(3);
  });

  it("says how to add tasks when the plan has none", () => {
    const body = renderPlanChecklist({ marker, name: "Lost laptop", slug: "lost-laptop", tasks: [] });
    expect(body.startsWith(`${marker}\n### Response plan: Lost laptop\n`)).toBe(true);
    expect(body).toContain("`.github/incident-plans/lost-laptop.md` has no task-list items");
    expect(body).toContain("`- [ ] step`");
    expect(taskItems(body)).toEqual([]);
  });

  it("fits 10,000 tasks within GitHub's limit, saying how many are left out and where the plan is", () => {
    const tasks = Array.from({ length: 10_000 }, (_, i) => `${i % 3 === 1 ? "  " : ""}Task ${i} @bob <b>${"x".repeat(i % 50)}</b>`);
    const body = renderPlanChecklist({ marker, name: "Big plan", slug: "big-plan", tasks });
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body.startsWith(`${marker}\n`)).toBe(true);
    const listed = taskItems(body).length;
    expect(listed).toBeGreaterThan(500);
    expect(listed).toBeLessThan(10_000);
    expect(body).toMatch(new RegExp(`_${10_000 - listed} more tasks of this plan are not listed here .*\`\\.github/incident-plans/big-plan\\.md\`\\._$`));
  });

  it("shortens one enormous task and an enormous name, and still fits", () => {
    const body = renderPlanChecklist({ marker, name: "n".repeat(100_000), slug: "p", tasks: ["&".repeat(200_000), "after"] });
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(taskItems(body).map((t) => t.text.endsWith("…") || t.text)).toEqual([true, "after"]);
    expect(body.split("\n")[1]!.length).toBeLessThan(300);
  });

  it("keeps a list that just fits whole", () => {
    const tasks = Array.from({ length: 2000 }, (_, i) => `t${i}`);
    const body = renderPlanChecklist({ marker, name: "p", slug: "p", tasks });
    expect(taskItems(body)).toHaveLength(2000);
    expect(body).not.toContain("more tasks");
  });
});

describe("unknownPlanReply", () => {
  it("says the plan does not exist and lists those that do, suggesting the nearest", () => {
    const reply = unknownPlanReply("Lost laptpo", ["ransomware.md", "lost-laptop.md", "Phishing BEC.md", "README"]);
    expect(reply.split("\n")).toEqual([
      "There is no response plan `Lost laptpo` (Vigil looked for `.github/incident-plans/lost-laptpo.md`); nothing was attached. Did you mean `/plan lost-laptop`?",
      "",
      "The plans in `.github/incident-plans`:",
      "",
      "- `lost-laptop`",
      "- `phishing-bec`",
      "- `ransomware`",
      "- `readme`",
    ]);
  });

  it("suggests nothing when no plan is near", () => {
    const reply = unknownPlanReply("volcano", ["ransomware"]);
    expect(reply).not.toContain("Did you mean");
    expect(reply).toContain("- `ransomware`");
  });

  it("shows the name literally, whatever it holds", () => {
    const reply = unknownPlanReply("`@bob` <img src=x> #12\u202e", ["ransomware"]);
    expect(reply).toContain("There is no response plan `` `@bob` <img src=x> #12\\u202E ``");
    expect(reply).not.toContain("\u202e");
  });

  it("explains how to add a plan when there are none", () => {
    const reply = unknownPlanReply("lost laptop", []);
    expect(reply).toContain("There is no response plan `lost laptop`");
    expect(reply).toContain("This repository has no response plans yet.");
    expect(reply).toContain("`.github/incident-plans/<name>.md`");
    expect(reply).toContain("`.github/incident-plans/lost-laptop.md`");
    expect(reply).toContain("task list (`- [ ] step`)");
  });

  it("bounds the list of plans", () => {
    const reply = unknownPlanReply("x", Array.from({ length: 80 }, (_, i) => `plan-${String(i).padStart(2, "0")}.md`));
    expect(reply.split("\n").filter((l) => l.startsWith("- `"))).toHaveLength(50);
    expect(reply).toContain("- …and 30 more in `.github/incident-plans`");
  });
});
