import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { UserInputError } from '../../config/errors.js';
import { loadConfig, resolveMarketConfig } from '../../config/loadConfig.js';
import type { ResolvedConfig } from '../../config/kinds.js';
import type { MarketConfig } from '../../config/schema.js';
import { createLogger, type LogLevel } from '../../engine/logger.js';
import { clearStaleSummary, readCheckpoint, runCheckpointed } from '../../io/checkpointedRun.js';
import { parseTableFormat } from '../../io/formats/formats.js';
import { freshRunDir, prepareOutDir, writeJson } from '../../io/runFolder.js';
import { runManifest } from '../../io/runManifest.js';
import { writeBiddingWarRun, writeMarketRun } from '../../io/writeRun.js';
import type { RunSummary } from '../../marketModel/summary.js';
import { formatBiddingWarSummary, formatRunSummary } from '../formatSummary.js';
import { seqsimVersion } from '../../version.js';
import type { CliIo } from '../main.js';
import { createProgress } from '../progress.js';

export interface RunArgs {
  config?: string;
  slots?: number;
  seed?: string;
  out?: string;
  set?: string[];
  logLevel?: LogLevel;
  format?: string;
  progress?: boolean;
  resume?: string;
  checkpointEvery: number;
}

/** `--seed 7` is a number seed; anything not an integer is a string seed. */
function parseSeed(seed: string): number | string {
  return /^-?\d+$/.test(seed) && Number.isSafeInteger(Number(seed)) ? Number(seed) : seed;
}

const manifestFor = (config: ResolvedConfig) => runManifest(config, { seqsim: seqsimVersion(), node: process.version });

/** SIGINT/SIGTERM request a stop (checkpoint, then exit 130) instead of killing the run mid-write. */
function trapStop(): { requested: () => boolean; release: () => void } {
  let stop = false;
  const handler = () => void (stop = true);
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return { requested: () => stop, release: () => void (process.off('SIGINT', handler), process.off('SIGTERM', handler)) };
}

export function runCommand(yargs: Argv, io: CliIo, setExitCode: (code: number) => void): Argv {
  return yargs.command<RunArgs>(
    'run [config]',
    'Run a simulation and write a run folder (manifest.json, slots.csv or auctions.csv, summary.json); or continue one with --resume DIR.',
    (y) =>
      y
        .positional('config', { type: 'string', describe: 'config file (JSON)' })
        .option('slots', { type: 'number', describe: 'number of slots, or of auctions for a bidding-war config (overrides the config); with --resume, the new total' })
        .option('seed', { type: 'string', describe: 'master seed (overrides the config)' })
        .option('out', { type: 'string', describe: 'output folder (must not exist or be empty); default: a fresh folder under runs/' })
        .option('set', { type: 'string', array: true, describe: 'override a config field: --set a.b.c=value (repeatable)' })
        .option('format', { type: 'string', describe: 'table format: csv (default), jsonl or parquet' })
        .option('progress', { type: 'boolean', describe: 'show slots done on stderr (market runs)' })
        .option('resume', { type: 'string', describe: 'continue the stopped (or finished) run in this folder from its checkpoint' })
        .option('checkpoint-every', { type: 'number', default: 10_000, describe: 'slots between checkpoints of csv/jsonl market runs (0: only at the end and on SIGINT/SIGTERM)' }) as unknown as Argv<RunArgs>,
    (args) => (args.resume !== undefined ? resumeRun(args, io, setExitCode) : executeRun(args, io, setExitCode)),
  );
}

/** Runs a market config into `dir`, checkpointed when the table format allows it. */
async function runMarketInto(config: MarketConfig, dir: string, args: RunArgs, io: CliIo, setExitCode: (code: number) => void, resume?: ReturnType<typeof readCheckpoint>): Promise<RunSummary | null> {
  const format = resume?.format ?? parseTableFormat(args.format);
  const progress = args.progress ? createProgress({ total: config.slots, unit: 'slots', label: 'run', io }) : undefined;
  const onSlot = progress ? { onSlot: (e: { slot: number }) => progress.update(e.slot + 1) } : {};
  if (format === 'parquet') {
    const summary = writeMarketRun(config, dir, { format, ...onSlot });
    progress?.stop();
    return summary;
  }
  const stop = trapStop();
  try {
    const { summary, slot } = await runCheckpointed(config, dir, { format, checkpointEvery: args.checkpointEvery, stopRequested: stop.requested, ...onSlot, ...(resume ? { resume } : {}) });
    progress?.stop();
    if (!summary) {
      io.stderr(`seqsim: stopped after slot ${slot - 1} of ${config.slots}; the checkpoint is in ${dir}/checkpoint.json. Continue with: seqsim run --resume ${dir}\n`);
      setExitCode(130);
    }
    return summary;
  } finally {
    stop.release();
  }
}

export async function executeRun(args: RunArgs, io: CliIo, setExitCode: (code: number) => void): Promise<void> {
  if (args.config === undefined) throw new UserInputError('Name a config file (seqsim run configs/baseline.json), or continue a run with --resume DIR.');
  if (!Number.isInteger(args.checkpointEvery) || args.checkpointEvery < 0)
    throw new UserInputError(`--checkpoint-every must be a whole number >= 0, but got ${String(args.checkpointEvery)}.`);
  const log = createLogger(args.logLevel);
  const sets = [...(args.set ?? [])];
  const format = parseTableFormat(args.format);
  if (args.slots !== undefined && (!Number.isInteger(args.slots) || args.slots <= 0))
    throw new UserInputError(`--slots must be a whole number > 0, but got ${String(args.slots)}.`);
  if (args.seed !== undefined) sets.push(`seed=${JSON.stringify(parseSeed(args.seed))}`);
  const kind = loadConfig(args.config).kind;
  if (args.slots !== undefined) sets.push(`${kind === 'bidding-war' ? 'auctions' : 'slots'}=${args.slots}`);
  const config = loadConfig(args.config, sets);
  const name = args.config.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const dir = args.out ?? freshRunDir('runs', name, config.seed, stamp);
  prepareOutDir(dir);
  writeJson(dir, 'manifest.json', manifestFor(config));
  log.info({ dir, kind: config.kind, seed: config.seed }, 'run started');
  const started = performance.now();
  let text: string;
  if (config.kind === 'bidding-war') text = formatBiddingWarSummary(writeBiddingWarRun(config, dir, { format }));
  else {
    const summary = await runMarketInto(config, dir, args, io, setExitCode);
    if (!summary) return;
    text = formatRunSummary(summary);
  }
  const seconds = (performance.now() - started) / 1000;
  log.info({ dir, seconds }, 'run finished');
  const table = config.kind === 'bidding-war' ? `auctions.${format}` : `slots.${format}`;
  io.stdout(`${text}\n\nwrote ${dir}/ (manifest.json, ${table}, summary.json) in ${seconds.toFixed(2)} s\n`);
}

/** `seqsim run --resume DIR [--slots TOTAL]`: continues a checkpointed run; only --slots may change. */
export async function resumeRun(args: RunArgs, io: CliIo, setExitCode: (code: number) => void): Promise<void> {
  const dir = args.resume!;
  const extras = [args.config && 'a config file', args.set && '--set', args.seed && '--seed', args.out && '--out', args.format && '--format'].filter(Boolean);
  if (extras.length > 0)
    throw new UserInputError(`--resume continues the run in "${dir}" with its own config; drop ${extras.join(', ')} (only --slots may raise the total).`);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new UserInputError(`Cannot resume "${dir}": no manifest.json there. Name the folder of a seqsim run.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { config: unknown };
  const checkpoint = readCheckpoint(dir);
  const sets = args.slots !== undefined ? [`slots=${args.slots}`] : [];
  const config = resolveMarketConfig(manifest.config, { source: manifestPath, sets });
  if (config.slots < checkpoint.snapshot.nextSlot)
    throw new UserInputError(`--slots ${config.slots} is below the ${checkpoint.snapshot.nextSlot} slots "${dir}" already holds; give a larger total.`);
  writeJson(dir, 'manifest.json', manifestFor(config));
  clearStaleSummary(dir);
  const started = performance.now();
  const summary = await runMarketInto(config, dir, args, io, setExitCode, checkpoint);
  if (!summary) return;
  const seconds = (performance.now() - started) / 1000;
  io.stdout(`${formatRunSummary(summary)}\n\nresumed at slot ${checkpoint.snapshot.nextSlot}; wrote ${dir}/ (manifest.json, slots.${checkpoint.format}, summary.json) in ${seconds.toFixed(2)} s\n`);
}
