import { notFound } from "../http/errors.js";
import { repoShape } from "../shapes/repos.js";
import { userShape } from "../shapes/users.js";
import type { Permission } from "../state.js";
import { findUser } from "../store/accounts.js";
import { isCollaborator, roleOf } from "../store/repos.js";
import type { RestContext, RestHandler } from "./context.js";
import { noContent, ok, repoOf } from "./context.js";

// The legacy `permission` field folds the finer roles into admin/write/read/none.
const LEGACY: Record<Permission, string> = { admin: "admin", maintain: "write", write: "write", triage: "read", read: "read", none: "none" };

function requireUserParam(ctx: RestContext, name: string) {
  const user = findUser(ctx.state, ctx.params[name] ?? "");
  if (!user) throw notFound();
  return user;
}

/** Repositories, users and collaborator permissions. */
export const repoRoutes: Record<string, RestHandler> = {
  "GET /repos/{owner}/{repo}": (ctx) => ok(repoShape(ctx.state, ctx.urls, repoOf(ctx))),
  "GET /repos/{owner}/{repo}/collaborators/{username}/permission": (ctx) => {
    const repo = repoOf(ctx);
    const user = requireUserParam(ctx, "username");
    const role = roleOf(ctx.state, repo, user.login);
    const permissions = {
      admin: role === "admin",
      maintain: role === "admin" || role === "maintain",
      push: ["admin", "maintain", "write"].includes(role),
      triage: ["admin", "maintain", "write", "triage"].includes(role),
      pull: role !== "none",
    };
    return ok({
      permission: LEGACY[role],
      role_name: role,
      user: { ...userShape(ctx.state, ctx.urls, user.login), permissions, role_name: role },
    });
  },
  "GET /repos/{owner}/{repo}/collaborators/{username}": (ctx) => {
    const repo = repoOf(ctx);
    const user = requireUserParam(ctx, "username");
    if (!isCollaborator(ctx.state, repo, user.login)) throw notFound();
    return noContent();
  },
  "GET /repos/{owner}/{repo}/assignees/{assignee}": (ctx) => {
    const repo = repoOf(ctx);
    const user = requireUserParam(ctx, "assignee");
    if (!isCollaborator(ctx.state, repo, user.login)) throw notFound();
    return noContent();
  },
  "GET /users/{username}": (ctx) => {
    const user = requireUserParam(ctx, "username");
    const shape = userShape(ctx.state, ctx.urls, user.login);
    return ok({ ...shape, name: null, company: null, blog: "", location: null, email: null, hireable: null, bio: null, twitter_username: null, public_repos: 0, public_gists: 0, followers: 0, following: 0, created_at: "2008-01-14T04:33:35Z", updated_at: "2008-01-14T04:33:35Z" });
  },
};
