import { isOwn, type Identity } from "../../markers/identity.js";
import type { PullRow } from "./model.js";
import type { ReportPull } from "./observation.js";
import type { ReportPeriod } from "./period.js";

/** The check run Vigil keeps on a pull request that touches a top threat (SPEC 2.14). */
export const SCRUTINY_CHECK = "Vigil / top-threat scrutiny";
const THREAT_LABEL_RE = /^security:\s*(.+)$/i;

/**
 * Pull requests merged in the period that touched a top threat (a `security: <threat>` label) and whether they got
 * their scrutiny: Vigil's own check run on the merged head concluded `success`, which it does only once a reviewer
 * approved that head. A run of the same name from another app or a workflow does not count.
 */
export function pullRows(pulls: readonly ReportPull[], period: ReportPeriod, identity: Identity): PullRow[] {
  return pulls
    .filter((p) => Date.parse(p.mergedAt) >= Date.parse(period.since) && Date.parse(p.mergedAt) <= Date.parse(period.until))
    .flatMap((p) => {
      const threats = p.labels.flatMap((l) => THREAT_LABEL_RE.exec(l)?.[1]?.trim() ?? []).filter((t) => t !== "");
      if (threats.length === 0) return [];
      const own = p.checkRuns.filter((r) => r.name === SCRUTINY_CHECK && isOwn({ login: r.app, isBot: true }, identity));
      const conclusion = own.some((r) => r.conclusion?.toLowerCase() === "success") ? "success" : (own.at(-1)?.conclusion?.toLowerCase() ?? null);
      return [{ number: p.number, title: p.title, url: p.url, mergedAt: p.mergedAt, threats, scrutinised: conclusion === "success", conclusion }];
    })
    .sort((a, b) => (a.mergedAt < b.mergedAt ? -1 : 1));
}
