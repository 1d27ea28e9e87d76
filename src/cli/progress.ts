import cliProgress from 'cli-progress';
import type { CliIo } from './cliIo.js';

/** A progress display for a known amount of work. */
export interface Progress {
  /** Reports `done` units finished (monotone); cheap enough to call per slot. */
  update(done: number): void;
  /** Ends the display (a final line when not on a terminal). */
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  readonly total: number;
  /** What is counted, plural: `runs`, `slots`. */
  readonly unit: string;
  /** Line prefix: `sweep`, `run`. */
  readonly label: string;
  /** Where plain lines go (stderr). */
  readonly io: CliIo;
  /** Draw a bar (default: stderr is a terminal) rather than plain lines. */
  readonly tty?: boolean;
  /** Plain lines at most this often, plus one per 10% of the work; default 5000 ms. */
  readonly intervalMs?: number;
  /** Wall clock in ms (tests inject one). */
  readonly now?: () => number;
}

/** `8 s`, `3 min 5 s`, `1 h 2 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** One plain progress line: `sweep: 12/30 runs (40%), 2.4 runs/s, ETA 8 s`. */
export function progressLine(label: string, unit: string, done: number, total: number, elapsedS: number): string {
  const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
  if (done === 0 && total > 0) return `${label}: 0/${total} ${unit}`;
  if (done >= total) return `${label}: ${done}/${total} ${unit} (100%) in ${elapsedS.toFixed(1)} s`;
  const rate = elapsedS > 0 ? done / elapsedS : 0;
  const eta = rate > 0 ? `ETA ${formatDuration((total - done) / rate)}` : 'ETA unknown';
  return `${label}: ${done}/${total} ${unit} (${pct}%), ${rate.toPrecision(3)} ${unit}/s, ${eta}`;
}

/**
 * Progress on stderr: a cli-progress bar (done, rate, ETA) on a terminal; otherwise plain lines,
 * one at the start, then every `intervalMs` or each further 10% of the work, and a final one.
 * Nothing goes to stdout.
 */
export function createProgress(opts: ProgressOptions): Progress {
  const now = opts.now ?? (() => performance.now());
  const start = now();
  const elapsed = () => (now() - start) / 1000;
  const tty = opts.tty ?? Boolean(process.stderr.isTTY);
  if (tty) {
    const bar = new cliProgress.SingleBar({
      format: `${opts.label} [{bar}] {value}/{total} ${opts.unit} | {rate} ${opts.unit}/s | ETA {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    });
    bar.start(opts.total, 0, { rate: '0' });
    let last = 0;
    return {
      update: (done) => {
        if (done - last < opts.total / 1000 && done < opts.total) return;
        last = done;
        bar.update(done, { rate: (done / Math.max(elapsed(), 1e-9)).toPrecision(3) });
      },
      stop: () => bar.stop(),
    };
  }
  const interval = opts.intervalMs ?? 5000;
  let lastAt = start;
  let lastDecile = 0;
  let lastDone = 0;
  const print = (done: number) => opts.io.stderr(progressLine(opts.label, opts.unit, done, opts.total, elapsed()) + '\n');
  print(0);
  return {
    update: (done) => {
      lastDone = done;
      if (done >= opts.total) return;
      const decile = Math.floor((10 * done) / Math.max(opts.total, 1));
      const t = now();
      if (decile > lastDecile || t - lastAt >= interval) {
        lastDecile = decile;
        lastAt = t;
        print(done);
      }
    },
    stop: () => print(lastDone),
  };
}
