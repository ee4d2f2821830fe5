import { isOwn, type Identity } from "../../markers/identity.js";
import { MAX_COMMAND_COMMENTS, MAX_COMMANDS_PER_COMMENT } from "../../markers/kinds.js";
import { parseCommands } from "../commands.js";
import { shortHash } from "../hash.js";
import type { CommandComment } from "../incident-state.js";
import type { ObservedComment } from "./observation.js";
import { mayRunCommands, type RepoRole } from "./permission.js";

const lower = (s: string) => s.toLowerCase();

// New command comments beyond what a record can remember, and commands beyond what one comment may run, are
// answered instead of run; nothing about them is recorded, so nothing a person wrote is silently lost.
export function collectCommandComments(
  comments: readonly ObservedComment[],
  identity: Identity,
  recorded: ReadonlyMap<number, { hash: string; ops: string[] }>,
  roles: ReadonlyMap<string, RepoRole>,
): { run: CommandComment[]; overLimit: number[]; cut: Map<number, number> } {
  const run: CommandComment[] = [];
  const overLimit: number[] = [];
  const cut = new Map<number, number>();
  let room = MAX_COMMAND_COMMENTS - recorded.size;
  for (const c of comments) {
    // Bots (Vigil included) do not run commands: a quoted command in a bot's message stays a quote.
    if (c.author.isBot || isOwn(c.author, identity)) continue;
    const parsed = parseCommands(c.body);
    const memory = recorded.get(c.id);
    if (parsed.length === 0 && !memory) continue;
    if (!memory && room-- <= 0) {
      overLimit.push(c.id);
      continue;
    }
    if (parsed.length > MAX_COMMANDS_PER_COMMENT) cut.set(c.id, parsed.length - MAX_COMMANDS_PER_COMMENT);
    const role = roles.get(lower(c.author.login));
    run.push({
      id: c.id, at: c.createdAt, author: c.author.login, url: c.url, commands: parsed.slice(0, MAX_COMMANDS_PER_COMMENT),
      recorded: memory?.ops ?? null,
      edited: memory !== undefined && memory.hash !== shortHash(c.body),
      ...(memory || role === undefined ? {} : { allowed: mayRunCommands(role) }),
    });
  }
  return { run, overLimit, cut };
}

// A recorded comment keeps the hash of its text when it ran; a new one is hashed now.
export function hashOf(comments: readonly ObservedComment[], id: number, cmds: readonly [number, string, string[]][]): string {
  const known = cmds.find(([cid]) => cid === id);
  if (known) return known[1];
  const comment = comments.find((c) => c.id === id);
  return shortHash(comment?.body ?? "");
}
