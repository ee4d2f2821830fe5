// The HTML report in a real headless Chromium (Debian's `chromium`, driven by playwright-core, which downloads
// nothing): at a phone and a desktop size, the chart renders, nothing is fetched, the page does not overflow
// sideways, and the numbers it shows are the JSON report's.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportModel } from "../../../src/domain/report/model.js";
import { runCli } from "../../helpers/cli.js";
import { reportWorld } from "../../helpers/report-world.js";
import { OWNER, REPO } from "../../helpers/world.js";

// Debian's package by default; CHROMIUM_PATH names another Chromium-family browser (GitHub's Ubuntu runners ship Chrome).
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
// Never a silent skip in CI: there the missing browser is a failure that says what to install.
if (!present && process.env.CI) {
  describe("HTML report in a browser", () => {
    it("needs Chromium", () => {
      throw new Error(`${CHROMIUM} is missing: install the Debian package chromium (.ci/run does) or set CHROMIUM_PATH.`);
    });
  });
}

describe.skipIf(!present)("HTML report in a browser", () => {
  let browser: Browser;
  let html: string;
  let json: ReportModel;

  beforeAll(async () => {
    const { world } = await reportWorld();
    const period = [`${OWNER}/${REPO}`, "--since", "2026-11-23", "--until", "2027-01-10"];
    html = (await runCli(world, "report", ...period, "--format", "html")).stdout;
    json = JSON.parse((await runCli(world, "report", ...period, "--format", "json")).stdout) as ReportModel;
    // Root in a container: Chromium's sandbox needs user namespaces it does not get there.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  }, 90_000);
  afterAll(async () => browser?.close());

  it("links only to GitHub and loads nothing from anywhere", () => {
    expect([...html.matchAll(/\b(?:src|srcset|href|xlink:href|action|poster|data)\s*=\s*"([^"]*)"/g)].map((m) => m[0].split("=")[0]).filter((a) => a !== "href")).toEqual([]);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1]!.startsWith("https://github.com/"))).toBe(true);
    expect(html).not.toMatch(/url\(|@import|<script|<link/i);
  });

  for (const [name, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
    it(`renders at ${name} size: chart, no sideways overflow, no request, the JSON's numbers`, async () => {
      const page = await browser.newPage({ viewport });
      const requests: string[] = [];
      await page.route("**", (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(html, { waitUntil: "load" });
      expect(requests).toEqual([]);

      const svg = await page.locator("svg.timeline").boundingBox();
      expect(svg!.width).toBeGreaterThan(100);
      expect(svg!.height).toBeGreaterThan(50);
      expect(await page.locator("svg.timeline [data-incident]").count()).toBe(json.incidents.length);
      expect(await page.locator("svg.timeline [data-deadline]").count()).toBe(json.incidents.filter((i) => i.postmortem.due).length);
      expect(await page.locator("svg.timeline [data-recurring-mark]").count()).toBe(json.recurring.reduce((n, s) => n + s.rows.length, 0));
      expect(await page.locator("svg.timeline [data-gap-over]").count()).toBe(json.recurring.reduce((n, s) => n + s.gaps.filter((g) => g.overLimit).length, 0));
      expect(await page.locator("svg.timeline .note.missed").allTextContents()).toContain("missed, 2 late");

      // The page itself never scrolls sideways; only the table boxes may.
      // A string, so the test's TypeScript (no DOM library) need not know the browser's globals.
      const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
      expect(overflow).toBeLessThanOrEqual(0);

      const total = (key: string) => page.locator(`[data-total="${key}"]`).textContent();
      expect(await total("incidents")).toBe(String(json.totals.incidents));
      expect(await total("on-time")).toBe(`${json.totals.onTimePercent}% (${json.totals.postmortemsOnTime} of ${json.totals.postmortemsJudged})`);
      expect(await total("patching-gap")).toBe(`${json.totals.longestPatchingGapDays} days`);
      expect(await total("review-gap")).toBe(`${json.totals.longestReviewGapDays} days`);
      expect(await total("findings")).toBe(String(json.totals.integrityFindings));
      for (const i of json.incidents) {
        expect(await page.locator(`[data-incident-row="${i.number}"] [data-days-late]`).getAttribute("data-days-late")).toBe(String(i.postmortem.daysLate ?? ""));
      }
      const intervals = await page.locator("[data-interval]").evaluateAll((cells) => cells.map((c) => (c as unknown as { getAttribute(n: string): string | null }).getAttribute("data-interval")));
      expect(intervals).toEqual(json.recurring.flatMap((s) => s.rows.map((r) => String(r.intervalDays ?? ""))));
      await page.close();
    });
  }
});
