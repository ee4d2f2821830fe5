import { describe, expect, it } from "vitest";
import { botComments, comment, CONFIG, createWorld, fileIncident, OWNER, PROJECT_CONFIG, record, REPO, type World } from "../helpers/world.js";

const SEVERITY_OPTIONS = ["Emergency", "Sev0", "Sev1", "Sev2", "Triage"];
const STATUS_OPTIONS = ["investigating", "MITIGATING", "Mitigated", "Resolved"];

function withProject(fields: Record<string, string[]> = { Severity: SEVERITY_OPTIONS, Status: STATUS_OPTIONS }): World {
  const world = createWorld({ config: PROJECT_CONFIG });
  world.sandbox.addProject({ owner: OWNER, number: 7, title: "Incidents", fields });
  return world;
}

const item = (world: World, n: number) => world.sandbox.projectItemFor(OWNER, 7, { owner: OWNER, repo: REPO, number: n });

describe("project board", () => {
  it("adds a new incident with its severity and status Investigating (options matched ignoring case)", async () => {
    const world = withProject();
    const n = await fileIncident(world);
    expect(item(world, n)?.fields).toMatchObject({ Severity: "Sev1", Status: "investigating" });
    expect(botComments(world, n, "project-problem")).toHaveLength(0);
  });

  it("follows /severity and /status, without adding a second item", async () => {
    const world = withProject();
    const n = await fileIncident(world);
    await comment(world, n, "/severity sev0\n/status mitigating", "bob");
    expect(item(world, n)?.fields).toMatchObject({ Severity: "Sev0", Status: "MITIGATING" });
    await comment(world, n, "/status resolved", "bob");
    expect(item(world, n)?.fields.Status).toBe("Resolved");
    expect(world.sandbox.projectItems(OWNER, 7)).toHaveLength(1);
  });

  it("reads the project with the issue, adds the item once and sets both fields in one request", async () => {
    const world = withProject();
    world.sandbox.resetCounts();
    await fileIncident(world);
    expect(world.sandbox.countRequests({ graphqlOperation: "VigilObserveIssue" })).toBe(1);
    expect(world.sandbox.countRequests({ graphqlOperation: "VigilAddItem" })).toBe(1);
    expect(world.sandbox.countRequests({ graphqlOperation: "VigilSetFields" })).toBe(1);
  });

  it("reports a missing project once on the incident; intake still completes", async () => {
    const world = createWorld({ config: PROJECT_CONFIG });
    const n = await fileIncident(world);
    expect(record(world, n)).toContain("| Primary responder | bob |");
    await comment(world, n, "/severity sev2", "bob");
    const problems = botComments(world, n, "project-problem");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.body).toContain("Project number 7 of acme was not found");
  });

  it("reports a missing field and a missing option with what to add, and sets what it can", async () => {
    const world = withProject({ Severity: ["Sev0", "Sev2"] });
    const n = await fileIncident(world);
    const [problem] = botComments(world, n, "project-problem");
    expect(problem?.body).toContain('no option "Sev1"');
    expect(problem?.body).toContain('no single-select field named "Status"');
    expect(item(world, n)).toBeDefined();
    await comment(world, n, "/severity sev2", "bob");
    expect(item(world, n)?.fields.Severity).toBe("Sev2");
    const [after] = botComments(world, n, "project-problem");
    expect(after?.body).not.toContain('no option "Sev1"');
    expect(after?.body).toContain('"Status"');
  });

  it("marks the problem fixed once the project is complete", async () => {
    const world = createWorld({ config: PROJECT_CONFIG });
    const n = await fileIncident(world);
    world.sandbox.addProject({ owner: OWNER, number: 7, title: "Incidents", fields: { Severity: SEVERITY_OPTIONS, Status: STATUS_OPTIONS } });
    await comment(world, n, "/status mitigating", "bob");
    const problems = botComments(world, n, "project-problem");
    expect(problems).toHaveLength(1);
    expect(problems[0]!.body).toContain("Fixed");
    expect(item(world, n)?.fields.Status).toBe("MITIGATING");
  });

  it("makes no project request without a project configured", async () => {
    const world = createWorld({ config: CONFIG });
    await fileIncident(world);
    expect(world.sandbox.countRequests({ graphqlOperation: "VigilAddItem" })).toBe(0);
    expect(world.sandbox.countRequests({ graphqlOperation: "VigilSetFields" })).toBe(0);
  });
});
