import { GitHubGraphqlError } from "./errors.js";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

function cursor(index: number): string {
  return Buffer.from(`cursor:${index + 1}`).toString("base64");
}

function indexOf(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const match = /^cursor:(\d+)$/.exec(Buffer.from(value, "base64").toString("utf8"));
  return match ? Number(match[1]) - 1 : undefined;
}

/** A Relay connection over a list, enforcing GitHub's first/last rules (required, at most 100). */
export function connection<T>(all: readonly T[], args: ConnectionArgs, name: string) {
  if ((args.first === null || args.first === undefined) && (args.last === null || args.last === undefined)) {
    throw new GitHubGraphqlError(
      "MISSING_PAGINATION_BOUNDARIES",
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
  }
  for (const bound of ["first", "last"] as const) {
    const value = args[bound];
    if (typeof value === "number" && value > 100) {
      throw new GitHubGraphqlError(
        "EXCESSIVE_PAGINATION",
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${bound}\` limit of 100 records.`,
      );
    }
  }
  let start = (indexOf(args.after) ?? -1) + 1;
  let end = indexOf(args.before) ?? all.length;
  if (typeof args.first === "number") end = Math.min(end, start + args.first);
  if (typeof args.last === "number") start = Math.max(start, end - args.last);
  const slice = all.slice(start, end).map((node, offset) => ({ node, cursor: cursor(start + offset) }));
  return {
    nodes: slice.map((e) => e.node),
    edges: slice,
    totalCount: all.length,
    pageInfo: {
      hasNextPage: end < all.length,
      hasPreviousPage: start > 0,
      startCursor: slice[0]?.cursor ?? null,
      endCursor: slice[slice.length - 1]?.cursor ?? null,
    },
  };
}
