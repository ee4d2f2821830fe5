/** What a CLI command may touch: its output streams and environment, injected so tests need no process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The HTTP client commands that talk to GitHub use; the global fetch unless a test or the demo passes another. */
  fetch?: typeof fetch;
}

/** A `vigil` subcommand: takes its own arguments, returns the exit code. */
export type CliCommand = (argv: string[], io: CliIO) => Promise<number>;

/** The CliIO of the real process. */
export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    env: process.env,
    cwd: process.cwd(),
  };
}
