import { notFound } from "../http/errors.js";
import { findTeam } from "../store/teams.js";
import type { RestHandler } from "./context.js";
import { ok } from "./context.js";

/** Team membership of a user (`state` active or pending); 404 when not a member, as on GitHub. */
export const teamRoutes: Record<string, RestHandler> = {
  "GET /orgs/{org}/teams/{team_slug}/memberships/{username}": (ctx) => {
    const team = findTeam(ctx.state, ctx.params.org ?? "", ctx.params.team_slug ?? "");
    const login = (ctx.params.username ?? "").toLowerCase();
    const state = team?.members.get(login);
    if (!team || !state) throw notFound();
    return ok({ url: `${ctx.urls.api}/organizations/${team.org}/team/${team.id}/memberships/${login}`, role: "member", state });
  },
};
