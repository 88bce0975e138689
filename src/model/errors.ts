/** Exit codes a cron job or CI can act on; documented in --help and the README. */
export const EXIT = {
  OK: 0,
  QUALITY_GATE_FAILED: 1,
  USAGE: 2,
  INPUT: 3,
  /** The --out or --master directory cannot be created or written: a file in its place, no permission, disk full. */
  OUTPUT: 4,
  /** A bug in crmclean, not in the data (BSD's EX_SOFTWARE). */
  INTERNAL: 70,
  /** Ctrl-C (SIGINT): 128 + 2, as shells report it. */
  INTERRUPTED: 130,
  /** SIGTERM (kill, timeout, cron, systemd): 128 + 15. */
  TERMINATED: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
}

/**
 * A user-facing error: bad usage, bad config, unreadable input. The CLI prints
 * its message (with location and advice) and exits with its code — no stack trace.
 */
export class CrmError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly location: ErrorLocation = {},
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CrmError';
  }

  /** "file:line:column: message\n  hint" */
  format(): string {
    const { file, line, column } = this.location;
    const where = [file, line, column].filter((x) => x !== undefined).join(':');
    const head = where ? `${where}: ${this.message}` : this.message;
    return this.hint ? `${head}\n  ${this.hint}` : head;
  }
}

export const usageError = (msg: string, hint?: string, loc?: ErrorLocation) =>
  new CrmError(msg, EXIT.USAGE, loc, hint);
export const inputError = (msg: string, loc?: ErrorLocation, hint?: string) =>
  new CrmError(msg, EXIT.INPUT, loc, hint);
export const outputError = (msg: string, hint?: string) => new CrmError(msg, EXIT.OUTPUT, {}, hint);
