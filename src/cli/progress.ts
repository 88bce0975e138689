import type { Ora } from 'ora';
import type { ProgressSink } from '../pipeline/progress.js';
import { silentProgress } from '../pipeline/progress.js';

/**
 * Spinner with counts and rate on a TTY; one plain stderr line per stage
 * otherwise (cron, CI). The spinner library is loaded only for a TTY: it is a
 * good part of start-up time, which a cron job should not pay.
 */
export async function createProgress(opts: { quiet: boolean; tty: boolean }): Promise<ProgressSink> {
  if (opts.quiet) return silentProgress;
  const ora = opts.tty ? (await import('ora')).default : null;
  let stage = '';
  let total: number | undefined;
  let started = 0;
  let spinner: Ora | null = null;
  let lastDraw = 0;
  const elapsed = () => (performance.now() - started) / 1000;

  return {
    start(name, t) {
      stage = name;
      total = t;
      started = performance.now();
      if (ora) spinner = ora({ text: name, stream: process.stderr }).start();
    },
    update(done) {
      if (!spinner) return;
      const now = performance.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      const rate = Math.round(done / Math.max(elapsed(), 1e-3));
      spinner.text = `${stage}: ${done.toLocaleString('en')}${total ? ` / ${total.toLocaleString('en')}` : ''} (${rate.toLocaleString('en')}/s)`;
    },
    end(summary) {
      const line = `${stage}: ${summary} in ${elapsed().toFixed(2)}s`;
      if (spinner) {
        spinner.succeed(line);
        spinner = null;
      } else {
        process.stderr.write(`crmclean ${line}\n`);
      }
    },
  };
}
