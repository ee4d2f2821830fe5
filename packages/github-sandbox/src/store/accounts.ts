import { makeNodeId } from "../ids.js";
import type { AccountType, Actor, SandboxState, UserRecord } from "../state.js";
import { nextId } from "../state.js";

/** Looks an account up by login, case-insensitively like GitHub. */
export function findUser(state: SandboxState, login: string): UserRecord | undefined {
  return state.users.get(login.toLowerCase());
}

/**
 * Returns the account, creating it on first mention (tests name people freely). A login ending in
 * `[bot]` is a bot account unless a type is given, as on GitHub, where only bots carry that suffix.
 */
export function ensureUser(state: SandboxState, login: string, type: AccountType = /\[bot\]$/i.test(login) ? "Bot" : "User"): UserRecord {
  const existing = findUser(state, login);
  if (existing) return existing;
  const id = nextId(state);
  const prefix = type === "Organization" ? "O" : type === "Bot" ? "BOT" : "U";
  const user: UserRecord = { login, id, nodeId: makeNodeId(prefix, id), type };
  state.users.set(login.toLowerCase(), user);
  return user;
}

/** The login GitHub records as the author of writes made by this caller. */
export function actorLogin(state: SandboxState, actor: Actor): string {
  if (actor.kind === "user" || actor.kind === "admin") return actor.login;
  return ensureUser(state, state.app.botLogin, "Bot").login;
}
