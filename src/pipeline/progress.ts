/**
 * How long stages report progress. The library only calls this interface; the CLI
 * decides how it looks (spinner on a TTY, one plain line per stage off a TTY,
 * nothing with --quiet).
 */
export interface ProgressSink {
  start(stage: string, total?: number): void;
  /** Absolute count done so far in the current stage. */
  update(done: number): void;
  end(summary: string): void;
}

export const silentProgress: ProgressSink = {
  start() {},
  update() {},
  end() {},
};
