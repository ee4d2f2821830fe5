import { describe, expect, it } from "vitest";
import { keyedSerializer } from "../../src/engine/serialize.js";

describe("keyedSerializer", () => {
  it("runs work for one key one at a time, and different keys side by side", async () => {
    const serialize = keyedSerializer();
    const events: string[] = [];
    const job = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([serialize("a", job("a1", 20)), serialize("a", job("a2", 1)), serialize("b", job("b1", 1))]);
    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(events.indexOf("end a1")).toBeLessThan(events.indexOf("start a2"));
    expect(events.indexOf("start b1")).toBeLessThan(events.indexOf("end a1"));
  });

  it("goes on with the next job after a failure", async () => {
    const serialize = keyedSerializer();
    const failed = serialize("a", async () => {
      throw new Error("x");
    });
    await expect(failed).rejects.toThrow("x");
    await expect(serialize("a", async () => "ok")).resolves.toBe("ok");
  });
});
