import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { UserInputError } from '../../config/errors.js';
import { createLogger, type LogLevel } from '../../engine/logger.js';
import { parseTableFormat } from '../../io/formats/formats.js';
import { loadSweepFile } from '../../sweep/loadSweepFile.js';
import { runSweep } from '../../sweep/runSweep.js';
import type { CliIo } from '../main.js';
import { createProgress, type Progress } from '../progress.js';

export interface SweepArgs {
  file: string;
  workers?: number;
  out?: string;
  resume?: string;
  format?: string;
  runs?: boolean;
  logLevel?: LogLevel;
}

/** The folder to write to: `--resume DIR`, `--resume` with `--out`, `--out`, or a fresh one under runs/. */
function sweepDir(args: SweepArgs, stamp: string): string {
  if (args.resume !== undefined) {
    const dir = args.resume || args.out;
    if (!dir) throw new UserInputError('--resume needs the sweep folder: --resume DIR, or --resume with --out DIR.');
    if (args.resume && args.out && args.resume !== args.out)
      throw new UserInputError(`--resume "${args.resume}" and --out "${args.out}" name different folders; give one of them.`);
    return dir;
  }
  if (args.out) return args.out;
  const base = join('runs', `${args.file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '')}-${stamp}`);
  let dir = base;
  for (let i = 2; existsSync(dir); i++) dir = `${base}-${i}`;
  return dir;
}

/** Registers `seqsim sweep <file>`. */
export function sweepCommand(yargs: Argv, io: CliIo): Argv {
  return yargs.command<SweepArgs>(
    'sweep <file>',
    'Run a sweep (a market config whose leaves may be lists, plus "seeds") on worker threads into one results table.',
    (y) =>
      y
        .positional('file', { type: 'string', describe: 'sweep file (JSON)', demandOption: true })
        .option('workers', { type: 'number', describe: 'worker threads (default: every core)' })
        .option('out', { type: 'string', describe: 'sweep folder (must not exist or be empty); default: a fresh folder under runs/' })
        .option('resume', { type: 'string', describe: 'continue the sweep in this folder (or in --out), skipping finished runs' })
        .option('format', { type: 'string', describe: 'results table format: csv (default), jsonl or parquet' })
        .option('runs', { type: 'boolean', describe: "also write each run's folder under runs/<run_id>/" }),
    (args) => executeSweep(args, io),
  );
}

/** Runs the command: progress on stderr, only the summary line and the table path on stdout. */
export async function executeSweep(args: SweepArgs, io: CliIo): Promise<void> {
  const log = createLogger(args.logLevel);
  const format = args.format === undefined ? undefined : parseTableFormat(args.format);
  const plan = loadSweepFile(args.file);
  const dir = sweepDir(args, new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, ''));
  const started = performance.now();
  let progress: Progress | undefined;
  log.info({ dir, runs: plan.runs.length, sha256: plan.sha256 }, 'sweep started');
  try {
    const r = await runSweep(plan, {
      out: dir,
      ...(args.workers !== undefined ? { workers: args.workers } : {}),
      ...(format ? { format } : {}),
      resume: args.resume !== undefined,
      runs: Boolean(args.runs),
      onProgress: ({ done, total }) => {
        progress ??= createProgress({ total, unit: 'runs', label: 'sweep', io });
        progress.update(done);
      },
    });
    progress?.stop();
    progress = undefined;
    const seconds = (performance.now() - started) / 1000;
    const resumed = r.skipped > 0 ? ` (${r.skipped} already done, ${r.ran} run now)` : '';
    io.stdout(`${r.cells} cells × ${r.seeds} seeds = ${r.runs} runs${resumed} on ${r.workers} workers in ${seconds.toFixed(1)} s\nwrote ${r.table}\n`);
  } finally {
    progress?.stop();
  }
}
