import cliProgress from 'cli-progress';
import { UserInputError } from '../config/errors.js';
import type { CliIo } from './cliIo.js';
import { WallDeadline } from '../io/wallDeadline.js';

/** A progress display for a known amount of work. */
export interface Progress {
  /** Reports `done` units finished (monotone); cheap enough to call per slot. */
  update(done: number): void;
  /** Ends the display (in `lines` mode a final line). */
  stop(): void;
}

/**
 * How progress shows: `bar`, a cli-progress bar redrawn in place (stderr is a terminal); `lines`,
 * plain lines at the start, at each further 10% of the work, every `intervalMs` and at the end
 * (`--progress` off a terminal, and `seqsim sweep`'s default there); `timed`, a plain line every
 * `intervalMs` and nothing else (`seqsim run`'s default off a terminal: a run shorter than the
 * interval prints nothing, so its stderr does not depend on the machine's speed).
 */
export type ProgressMode = 'bar' | 'lines' | 'timed';

/** Seconds between plain progress lines when `--progress-every` is not given. */
export const defaultProgressEverySeconds = 10;

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  readonly total: number;
  /** Units already done when the display starts (a resumed run): rates and ETAs count from there. */
  readonly from?: number;
  /** What is counted, plural: `runs`, `slots`. */
  readonly unit: string;
  /** Line prefix: `sweep`, `run`. */
  readonly label: string;
  /** Where plain lines go (stderr). */
  readonly io: CliIo;
  /** Default: `bar` when process.stderr is a terminal, else `lines`. */
  readonly mode?: ProgressMode;
  /** The terminal the bar draws on (default the io's stderr stream, else process.stderr). */
  readonly stream?: NodeJS.WritableStream;
  /** Plain lines at most this often (`lines` also prints one per 10% of the work); default 10,000 ms. */
  readonly intervalMs?: number;
  /** Wall clock in ms (tests inject one). */
  readonly now?: () => number;
  /**
   * Updates between looks at the clock for the interval (default 1: every update). `seqsim run`
   * updates once a slot and passes 16 (src/io/wallDeadline.ts); deciles and the end are seen at once.
   */
  readonly clockStride?: number;
}

/** `8 s`, `3 min 5 s`, `1 h 2 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/**
 * One plain progress line: `sweep: 12/30 runs (40%), 2.4 runs/s, ETA 8 s`; the rate counts the units
 * done since `from` (those done before this process started do not speed it up).
 */
export function progressLine(label: string, unit: string, done: number, total: number, elapsedS: number, from = 0): string {
  const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
  if (done === from && total > done) return `${label}: ${done}/${total} ${unit}`;
  if (done >= total) return `${label}: ${done}/${total} ${unit} (100%) in ${elapsedS.toFixed(1)} s`;
  const rate = elapsedS > 0 ? (done - from) / elapsedS : 0;
  const eta = rate > 0 ? `ETA ${formatDuration((total - done) / rate)}` : 'ETA unknown';
  return `${label}: ${done}/${total} ${unit} (${pct}%), ${formatRate(rate)} ${unit}/s, ${eta}`;
}

/** A rate never in exponent form: 3 significant digits below 100 (`0.0909`, `2.40`), whole above (`738`, `15246`). */
export function formatRate(perSecond: number): string {
  return perSecond >= 100 ? String(Math.round(perSecond)) : perSecond.toPrecision(3);
}

/** A cli-progress bar (done, rate, ETA) on a terminal, redrawn at most every 1/1000 of the work. */
function progressBar(opts: ProgressOptions, elapsed: () => number): Progress {
  const bar = new cliProgress.SingleBar({
    format: `${opts.label} [{bar}] {value}/{total} ${opts.unit} | {rate} ${opts.unit}/s | ETA {eta_formatted}`,
    stream: opts.stream ?? opts.io.stderrStream ?? process.stderr,
    hideCursor: true,
    etaBuffer: 50,
  });
  const from = opts.from ?? 0;
  bar.start(opts.total, from, { rate: '0' });
  let last = from;
  return {
    update: (done) => {
      if (done - last < opts.total / 1000 && done < opts.total) return;
      last = done;
      bar.update(done, { rate: formatRate((done - from) / Math.max(elapsed(), 1e-9)) });
    },
    stop: () => bar.stop(),
  };
}

/**
 * Progress on stderr: a cli-progress bar on a terminal; otherwise plain lines (see
 * {@link ProgressMode}). Nothing goes to stdout.
 */
export function createProgress(opts: ProgressOptions): Progress {
  const now = opts.now ?? (() => performance.now());
  const start = now();
  const elapsed = () => (now() - start) / 1000;
  const mode = opts.mode ?? (process.stderr.isTTY ? 'bar' : 'lines');
  if (mode === 'bar') return progressBar(opts, elapsed);
  const deciles = mode === 'lines';
  const interval = new WallDeadline(now, opts.intervalMs ?? defaultProgressEverySeconds * 1000, opts.clockStride ?? 1);
  const from = opts.from ?? 0;
  let lastDecile = Math.floor((10 * from) / Math.max(opts.total, 1));
  let lastDone = from;
  const print = (done: number) => opts.io.stderr(progressLine(opts.label, opts.unit, done, opts.total, elapsed(), from) + '\n');
  if (deciles) print(from);
  return {
    update: (done) => {
      lastDone = done;
      if (done >= opts.total) return;
      const decile = Math.floor((10 * done) / Math.max(opts.total, 1));
      if ((deciles && decile > lastDecile) || interval.due()) {
        lastDecile = decile;
        interval.restart();
        print(done);
      }
    },
    stop: () => {
      if (deciles) print(lastDone);
    },
  };
}

/** The progress flags of `seqsim run` and `seqsim sweep`, as typed. */
export interface ProgressFlags {
  progress?: boolean;
  quiet?: boolean;
  /** Seconds between plain lines, as typed. */
  progressEvery?: string;
}

/** The yargs options behind {@link ProgressFlags}; `what` is `slots` or `runs`. */
export function progressOptions(what: string) {
  return {
    progress: { type: 'boolean', describe: `show ${what} done on stderr even when it is not a terminal and the output is captured (a line at the start, every 10%, every --progress-every seconds and at the end)` },
    quiet: { type: 'boolean', describe: 'no progress and no output-size warning on stderr (errors still print)' },
    'progress-every': { type: 'string', describe: `seconds between plain progress lines when stderr is not a terminal (default ${defaultProgressEverySeconds})` },
  } as const;
}

/**
 * Parses `--progress-every`: seconds, a number > 0 (`0.5`, `30`).
 * @throws UserInputError naming the flag and what was given.
 */
export function parseSecondsFlag(flag: string, raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new UserInputError(`${flag} must be a number of seconds > 0 (e.g. ${flag} 30), but got ${JSON.stringify(raw)}.`);
  return n;
}

/**
 * Which progress a command shows, from its flags and where stderr goes: none with `--quiet`; with
 * `--progress`, a bar on a terminal and `lines` elsewhere; by default, a bar on a terminal,
 * `offTerminal` when stderr is a pipe or a file, and none when the caller captures the text (an
 * {@link CliIo} without a stream: in-process callers and tests get the same text on any machine).
 * @throws UserInputError for `--progress` with `--quiet`, or a bad `--progress-every`.
 */
export function progressMode(flags: ProgressFlags, io: CliIo, offTerminal: 'lines' | 'timed'): { mode: ProgressMode; intervalMs: number } | undefined {
  if (flags.progress && flags.quiet) throw new UserInputError('--progress and --quiet contradict each other; give one of them.');
  const seconds = parseSecondsFlag('--progress-every', flags.progressEvery) ?? defaultProgressEverySeconds;
  if (flags.quiet) return undefined;
  const terminal = io.stderrStream?.isTTY === true;
  const mode: ProgressMode | undefined = terminal ? 'bar' : flags.progress ? 'lines' : io.stderrStream ? offTerminal : undefined;
  return mode && { mode, intervalMs: seconds * 1000 };
}
