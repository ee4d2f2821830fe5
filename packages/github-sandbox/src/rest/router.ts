import { appRoutes } from "./apps.js";
import { checkRoutes } from "./checks.js";
import { teamRoutes } from "./teams.js";
import { commentRoutes } from "./comments.js";
import { contentRoutes } from "./contents.js";
import type { RestHandler } from "./context.js";
import { gitRoutes } from "./git.js";
import { issueRoutes } from "./issues.js";
import { labelRoutes } from "./labels.js";
import { milestoneRoutes } from "./milestones.js";
import { pullRoutes } from "./pulls.js";
import { repoRoutes } from "./repos.js";
import { searchRoutes } from "./search.js";
import { securityRoutes } from "./security.js";

const routes: Readonly<Record<string, RestHandler>> = {
  ...appRoutes,
  ...checkRoutes,
  ...teamRoutes,
  ...commentRoutes,
  ...contentRoutes,
  ...gitRoutes,
  ...issueRoutes,
  ...labelRoutes,
  ...milestoneRoutes,
  ...pullRoutes,
  ...repoRoutes,
  ...searchRoutes,
  ...securityRoutes,
};

/** The sandbox's handler for an OpenAPI operation (`GET /repos/{owner}/{repo}`), if it emulates it. */
export function restHandler(method: string, template: string): RestHandler | undefined {
  return routes[`${method} ${template}`];
}

/** Every operation the sandbox emulates, as `METHOD /template`. */
export function supportedOperations(): string[] {
  return Object.keys(routes).sort();
}
