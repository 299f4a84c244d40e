/**
 * A progress bar on stderr for long work (a million entries), drawn only when stderr is a terminal
 * so that logs and pipes stay clean. Redrawn at most ten times a second.
 */

export interface Progress {
  /** A new phase: a bar when the total is known, else the label and the time spent. */
  start(label: string, total?: number): void;
  update(done: number): void;
  /** Clears the line. */
  done(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const WIDTH = 30;
const INTERVAL_MS = 100;

export const silentProgress: Progress = { start() {}, update() {}, done() {} };

export interface ProgressOptions {
  readonly now?: () => number;
  /** Redraw a phase of unknown length this often (its time runs on between awaits); 0: never. */
  readonly tickMs?: number;
}

export function progressBar(stream: ProgressStream, { now = () => performance.now(), tickMs = 250 }: ProgressOptions = {}): Progress {
  if (!stream.isTTY) return silentProgress;
  let label = '';
  let total: number | undefined;
  let started = 0;
  let drawn = -Infinity;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const stopTicking = () => {
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
  };
  const draw = (done: number) => {
    drawn = now();
    if (total === undefined || total <= 0) {
      stream.write(`\r\x1b[K${label}… ${((drawn - started) / 1000).toFixed(1)} s`);
      return;
    }
    const share = Math.min(1, done / total);
    const filled = Math.round(share * WIDTH);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
    stream.write(`\r\x1b[K${label} [${bar}] ${String(Math.floor(share * 100)).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
  };
  return {
    start(nextLabel, nextTotal) {
      stopTicking();
      label = nextLabel;
      total = nextTotal;
      started = now();
      draw(0);
      if (total === undefined && tickMs > 0) {
        ticker = setInterval(() => draw(0), tickMs);
        // A forgotten phase must never keep the process alive.
        ticker.unref?.();
      }
    },
    update(done) {
      if (now() - drawn >= INTERVAL_MS || (total !== undefined && done >= total)) draw(done);
    },
    done() {
      stopTicking();
      stream.write('\r\x1b[K');
    },
  };
}
