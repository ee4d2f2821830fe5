/**
 * Who Vigil is on GitHub: its app's bot account, or in the CLI and Actions the token's own user.
 * Only bodies this identity wrote can carry a trusted marker (SPEC 2.10).
 */
export interface Identity {
  /** The login as REST shows it (`vigil[bot]` for an app) or as GraphQL shows it (`vigil`). */
  login: string;
  isBot: boolean;
}

/** The author of a comment or body, as observed. */
export interface Author {
  login: string;
  isBot: boolean;
}

// GraphQL names an app's bot by its slug, REST by `slug[bot]`: both are the same account.
const bare = (login: string): string => login.toLowerCase().replace(/\[bot\]$/, "");

/** Whether an author is Vigil itself. A person cannot be a Bot, and no other app has Vigil's slug. */
export function isOwn(author: Author, identity: Identity): boolean {
  return author.isBot === identity.isBot && bare(author.login) === bare(identity.login);
}
