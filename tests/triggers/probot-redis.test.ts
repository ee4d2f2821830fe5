// What REDIS_URL gives Probot itself (issue 11): its throttling plugin keeps the rate-limit state of
// every replica in the one Redis. Its own file, because the plugin builds its limiter groups once per
// module instance, from the first client that asks, and the other tests' clients run unthrottled.
import { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { GitHubSandbox } from "@vigil/github-sandbox";
import { redisForSuite, redisServerOnPath } from "../helpers/redis-server.js";

describe.skipIf(!redisServerOnPath())("Probot with REDIS_URL", () => {
  const redis = redisForSuite();

  it("loads ioredis and keeps its request limiter in Redis, shared by every replica", async () => {
    const sandbox = new GitHubSandbox();
    sandbox.addUser("acme", "Organization");
    sandbox.addRepo({ owner: "acme", name: "incidents", ownerType: "Organization" });
    const probot = new Probot({ githubToken: sandbox.issueToken(), redisConfig: redis.server.url, logLevel: "fatal", request: { fetch: sandbox.fetch } });
    const octokit = await probot.auth();
    const { data } = await octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "incidents" });
    expect(data.full_name).toBe("acme/incidents");
    const keys = await redis.admin.keys("b_octokit-*");
    expect(keys.some((k) => k.startsWith("b_octokit-global"))).toBe(true);
  });
});
