// A mistake on the command line (exit code 2), found before any request is sent.

/** The command line is wrong: unknown command or option, a bad value, no token or app id. */
export class UsageError extends Error {
  override name = "UsageError";
  /** The command whose help the message points to, if one was recognised. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/** The command ran but did not do all it was asked (exit code 1); the details are already on stderr. */
export class CommandFailed extends Error {
  override name = "CommandFailed";
}
