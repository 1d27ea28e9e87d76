import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { UserInputError } from '../../config/errors.js';
import { loadConfig, resolveMarketConfig } from '../../config/loadConfig.js';
import type { ResolvedConfig } from '../../config/kinds.js';
import type { MarketConfig } from '../../config/schema.js';
import { createLogger, type LogLevel } from '../../engine/logger.js';
import { clearStaleSummary, readCheckpoint, runCheckpointed } from '../../io/checkpointedRun.js';
import { parseTableFormat, type TableFormat } from '../../io/formats/formats.js';
import { freshRunDir, prepareOutDir, writeJson } from '../../io/runFolder.js';
import { configSha256, configSha256SansSlots, runManifest } from '../../io/runManifest.js';
import { parseJsonText } from '../../config/loadConfig.js';
import { maxSlots, parseWholeFlag } from '../numbers.js';
import { writeBiddingWarRun, writeMarketRunAsync } from '../../io/writeRun.js';
import type { RunSummary } from '../../marketModel/summary.js';
import { formatBiddingWarSummary, formatRunSummary } from '../formatSummary.js';
import { seqsimVersion } from '../../version.js';
import type { CliIo } from '../cliIo.js';
import { createProgress, progressMode, progressOptions, type ProgressFlags } from '../progress.js';
import { outputOptions, outputSets, parseWarnAbove, refuseOutputFlags, sizeWarning, type OutputFlags } from '../outputFlags.js';
import { slotsPerClockRead } from '../../io/wallDeadline.js';


export interface RunArgs extends ProgressFlags, OutputFlags {
  config?: string;
  /** As typed (checked by {@link parseWholeFlag}). */
  slots?: string;
  seed?: string;
  out?: string;
  set?: string[];
  logLevel?: LogLevel;
  format?: string;
  resume?: string;
  /** As typed (checked by {@link parseWholeFlag}). */
  checkpointEvery?: string;
  /** Print `{ out, files, summary }` as one JSON document on stdout instead of the human summary. */
  json?: boolean;
  /** `on`, `off` or `auto` (default): write the slots table on a worker thread. */
  writerThread?: string;
}

const splitHint = `For a longer run, run in pieces: --slots ${maxSlots.toLocaleString('en-US')}, then seqsim run --resume DIR --slots <larger total>.`;

/** The flags checked before anything is written, with what they mean. */
interface RunFlags {
  /** `--slots`: the new total. */
  slots: number | undefined;
  /** `--checkpoint-every` (default 50,000: a checkpoint costs ~5 ms on the baseline, 0.5% of 50,000 slots; 5% of 10,000). */
  checkpointEvery: number;
  /** How progress shows (none: undefined). */
  progress: ReturnType<typeof progressMode>;
  /** `--warn-above` in bytes (Infinity: never; with `--quiet` never). */
  warnAboveBytes: number;
  /** `--writer-thread`: write a market run's slots table on a worker thread. */
  writerThread: boolean;
}

/** `--writer-thread on|off|auto`: auto (the default) uses a thread when the machine has a second core for it. */
function parseWriterThread(value: string | undefined): boolean {
  if (value === undefined || value === 'auto') return availableParallelism() >= 2;
  if (value === 'on' || value === 'off') return value === 'on';
  throw new UserInputError(`--writer-thread must be on, off or auto, but got "${value}".`);
}

/** `--slots`, `--checkpoint-every`, the progress flags and `--warn-above`, checked. */
function parseRunFlags(args: RunArgs, io: CliIo): RunFlags {
  const slots = parseWholeFlag('--slots', args.slots, { min: 1, max: maxSlots, hint: splitHint });
  const checkpointEvery =
    parseWholeFlag('--checkpoint-every', args.checkpointEvery, { min: 0, hint: '0 writes a checkpoint only at the end and on SIGINT/SIGTERM.' }) ?? 50_000;
  const warnAbove = parseWarnAbove(args.warnAbove);
  const writerThread = parseWriterThread(args.writerThread);
  return { slots, checkpointEvery, progress: progressMode(args, io, 'timed'), warnAboveBytes: args.quiet ? Infinity : warnAbove, writerThread };
}

/** `--seed 7` is a number seed; anything not an integer is a string seed. */
function parseSeed(seed: string): number | string {
  return /^-?\d+$/.test(seed) && Number.isSafeInteger(Number(seed)) ? Number(seed) : seed;
}

const manifestFor = (config: ResolvedConfig) => runManifest(config, { seqsim: seqsimVersion(), node: process.version });

/**
 * SIGINT/SIGTERM request a stop (checkpoint at the next slot boundary, then exit 130) instead of
 * killing the run mid-write; a second one exits at once with 130 (losing only the slots since the
 * last checkpoint).
 */
function trapStop(io: CliIo): { requested: () => boolean; release: () => void } {
  let stop = false;
  const handler = () => {
    if (stop) process.exit(130);
    stop = true;
    io.stderr('seqsim: stopping at the end of this slot (writing a checkpoint); interrupt again to quit at once.\n');
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return { requested: () => stop, release: () => void (process.off('SIGINT', handler), process.off('SIGTERM', handler)) };
}

export function runCommand(yargs: Argv, io: CliIo, setExitCode: (code: number) => void): Argv {
  return yargs.command<RunArgs>(
    'run [config]',
    'Run a simulation and write a run folder (manifest.json, slots.csv or auctions.csv, summary.json, agents.csv for market runs); or continue one with --resume DIR.',
    (y) =>
      y
        .positional('config', { type: 'string', describe: 'config file (JSON)' })
        .option('slots', { type: 'string', describe: `number of slots, or of auctions for a bidding-war config (overrides the config; a whole number from 1 to ${maxSlots.toLocaleString('en-US')}); with --resume, the new total` })
        .option('seed', { type: 'string', describe: 'master seed (overrides the config)' })
        .option('out', { type: 'string', describe: 'output folder (must not exist or be empty); default: a fresh folder under runs/' })
        .option('set', { type: 'string', array: true, describe: 'override a config field: --set a.b.c=value (repeatable)' })
        .option('format', { type: 'string', describe: 'table format: csv (default), jsonl or parquet' })
        .options(progressOptions('slots'))
        .options(outputOptions)
        .option('resume', { type: 'string', describe: 'continue the stopped (or finished) run in this folder from its checkpoint' })
        .option('json', { type: 'boolean', describe: 'print the summary as one JSON document on stdout ({"out", "files", "summary"}, summary as in summary.json) instead of the human summary' })
        .option('checkpoint-every', { type: 'string', describe: 'slots between checkpoints of csv/jsonl market runs (default 50000; 0: only at the end and on SIGINT/SIGTERM)' })
        .option('writer-thread', { type: 'string', describe: 'write the slots table of a market run on a worker thread, on another core than the model: on, off or auto (default: on when the machine has 2 or more cores); the same bytes either way' })
        .epilog(
          'Progress (market runs) goes to stderr: a bar on a terminal, else a line every --progress-every seconds; --quiet turns it off. ' +
            'SIGINT/SIGTERM (Ctrl-C) stop a csv/jsonl market run at the end of the current slot with a checkpoint (exit 130); a second one quits at once. ' +
            'Exit codes: 0 done, 2 bad input or a filesystem error, 130 stopped, 1 an internal error.',
        ),
    (args) => (args.resume !== undefined ? resumeRun(args, io, setExitCode) : executeRun(args, io, setExitCode)),
  );
}

/**
 * Runs a market config into `dir`, checkpointed when the table format allows it: first the size
 * warning, then progress on stderr. A stop requested from the start (even while the warning prints)
 * ends a csv/jsonl run at a slot boundary with a checkpoint.
 */
async function runMarketInto(config: MarketConfig, dir: string, flags: RunFlags, format: TableFormat, io: CliIo, setExitCode: (code: number) => void, resume?: ReturnType<typeof readCheckpoint>): Promise<RunSummary | null> {
  const stop = format === 'parquet' ? undefined : trapStop(io);
  try {
    const warning = sizeWarning(config, format, flags.warnAboveBytes);
    if (warning) io.stderr(`${warning}\n`);
    const progress = flags.progress ? createProgress({ total: config.slots, from: resume?.next_slot ?? 0, unit: 'slots', label: 'run', io, clockStride: slotsPerClockRead, ...flags.progress }) : undefined;
    const onSlot = progress ? { onSlot: (e: { slot: number }) => progress.update(e.slot + 1) } : {};
    if (format === 'parquet' || !stop) {
      const summary = await writeMarketRunAsync(config, dir, { format, writerThread: flags.writerThread, ...onSlot });
      progress?.stop();
      return summary;
    }
    const { summary, slot } = await runCheckpointed(config, dir, { format, checkpointEvery: flags.checkpointEvery, writerThread: flags.writerThread, stopRequested: stop.requested, ...onSlot, ...(resume ? { resume } : {}) });
    progress?.stop();
    if (!summary) {
      io.stderr(`seqsim: stopped after slot ${slot - 1} of ${config.slots}; the checkpoint is in ${dir}/checkpoint.json. Continue with: seqsim run --resume ${dir}\n`);
      setExitCode(130);
    }
    return summary;
  } finally {
    stop?.release();
  }
}

export async function executeRun(args: RunArgs, io: CliIo, setExitCode: (code: number) => void): Promise<void> {
  if (args.config === undefined) throw new UserInputError('Name a config file (seqsim run configs/baseline.json), or continue a run with --resume DIR.');
  const flags = parseRunFlags(args, io);
  const { slots } = flags;
  const log = createLogger(args.logLevel);
  const sets = [...(args.set ?? [])];
  const format = parseTableFormat(args.format);
  if (args.seed !== undefined) sets.push(`seed=${JSON.stringify(parseSeed(args.seed))}`);
  const kind = loadConfig(args.config).kind;
  if (slots !== undefined) sets.push(`${kind === 'bidding-war' ? 'auctions' : 'slots'}=${slots}`);
  let config = loadConfig(args.config, sets);
  if (config.kind === 'market') {
    const extra = outputSets(args, config);
    if (extra.length > 0) config = loadConfig(args.config, [...sets, ...extra]);
  } else refuseOutputFlags(args, config.kind);
  const name = args.config.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const dir = args.out ?? freshRunDir('runs', name, configSha256(config), stamp);
  prepareOutDir(dir);
  writeJson(dir, 'manifest.json', manifestFor(config));
  log.info({ dir, kind: config.kind, seed: config.seed }, 'run started');
  const started = performance.now();
  let text: string;
  let summary: unknown;
  if (config.kind === 'bidding-war') {
    const war = writeBiddingWarRun(config, dir, { format });
    [summary, text] = [war, formatBiddingWarSummary(war)];
  } else {
    const market = await runMarketInto(config, dir, flags, format, io, setExitCode);
    if (!market) return;
    [summary, text] = [market, formatRunSummary(market)];
  }
  const seconds = (performance.now() - started) / 1000;
  log.info({ dir, seconds }, 'run finished');
  const table = config.kind === 'bidding-war' ? `auctions.${format}` : `slots.${format}`;
  const files = withCheckpoint(dir, ['manifest.json', table, 'summary.json', ...(config.kind === 'bidding-war' ? [] : [`agents.${format}`])]);
  printSummary(io, args, { dir, files, summary, text, wrote: `wrote ${dir}/ (${files.join(', ')}) in ${seconds.toFixed(2)} s` });
}

/** The files a run wrote, with its checkpoint (market runs keep the last one, to extend the run with --resume). */
function withCheckpoint(dir: string, files: string[]): string[] {
  return existsSync(join(dir, 'checkpoint.json')) ? [...files, 'checkpoint.json'] : files;
}

/**
 * Prints a finished run: the human summary and the `wrote` line, or with `--json` one JSON document
 * `{ out, files, summary }` (the summary as summary.json holds it) and nothing else on stdout.
 */
function printSummary(io: CliIo, args: RunArgs, r: { dir: string; files: string[]; summary: unknown; text: string; wrote: string }): void {
  if (args.json) io.stdout(`${JSON.stringify({ out: r.dir, files: r.files, summary: r.summary }, null, 2)}\n`);
  else io.stdout(`${r.text}\n\n${r.wrote}\n`);
}

/**
 * Reads and verifies a run folder's manifest for a resume: whole JSON, and its `config_sha256` is the
 * SHA-256 of its `config` (an edited seed or field is refused, never hashed over).
 */
function readManifest(dir: string): { config: Record<string, unknown>; config_sha256: string } {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new UserInputError(`Cannot resume "${dir}": no manifest.json there. Name the folder of a seqsim run.`);
  const refuse = (problem: string) =>
    new UserInputError(
      `Cannot resume "${dir}": "${path}" ${problem}. Nothing was changed. seqsim does not continue from saved state it cannot verify; ` +
        'restore the run folder from a backup, or start the run afresh with a new --out.',
    );
  let manifest: Record<string, unknown>;
  try {
    manifest = parseJsonText(readFileSync(path, 'utf8'), `"${path}"`, 'It was truncated or edited.') as Record<string, unknown>;
  } catch (err) {
    throw refuse(`is not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  const config = manifest?.config as Record<string, unknown> | undefined;
  if (!config || typeof config !== 'object' || Array.isArray(config)) throw refuse('holds no config object');
  if (manifest.config_sha256 !== configSha256(config))
    throw refuse('does not match its own config_sha256: its config was edited after the run was made (the data in this folder was made under the original config)');
  if (manifest.seed !== config.seed || (manifest.slots !== undefined && manifest.slots !== config.slots))
    throw refuse('names another seed or length at its top level than in its config: it was edited');
  return { config, config_sha256: manifest.config_sha256 };
}

/** `seqsim run --resume DIR [--slots TOTAL]`: continues a checkpointed run; only --slots may change. */
export async function resumeRun(args: RunArgs, io: CliIo, setExitCode: (code: number) => void): Promise<void> {
  const dir = args.resume!;
  const extras = [args.config && 'a config file', args.set && '--set', args.seed && '--seed', args.out && '--out', args.format && '--format', args.columns !== undefined && '--columns', args.reporters !== undefined && '--reporters', args.recordEvery !== undefined && '--record-every'].filter(Boolean);
  if (extras.length > 0)
    throw new UserInputError(`--resume continues the run in "${dir}" with its own config (its columns, reporters and --record-every included); drop ${extras.join(', ')} (only --slots may raise the total).`);
  const flags = parseRunFlags(args, io);
  const { slots } = flags;
  const manifestPath = join(dir, 'manifest.json');
  const manifest = readManifest(dir);
  if (manifest.config.kind !== 'market') throw new UserInputError(`Cannot resume "${dir}": it is a ${String(manifest.config.kind)} run; only market runs have checkpoints.`);
  const checkpoint = readCheckpoint(dir, configSha256SansSlots(manifest.config));
  const sets = slots !== undefined ? [`slots=${slots}`] : [];
  const config = resolveMarketConfig(manifest.config, { source: manifestPath, sets });
  if (config.slots < checkpoint.next_slot)
    throw new UserInputError(`--slots ${config.slots} is below the ${checkpoint.next_slot} slots "${dir}" already holds; give a larger total.`);
  // The manifest is never rewritten from unverified data, and only to record a new total (--slots).
  if (configSha256(config) !== manifest.config_sha256) writeJson(dir, 'manifest.json', manifestFor(config));
  clearStaleSummary(dir);
  const started = performance.now();
  const summary = await runMarketInto(config, dir, flags, checkpoint.format, io, setExitCode, checkpoint);
  if (!summary) return;
  const seconds = (performance.now() - started) / 1000;
  const files = withCheckpoint(dir, ['manifest.json', `slots.${checkpoint.format}`, 'summary.json', `agents.${checkpoint.format}`]);
  printSummary(io, args, { dir, files, summary, text: formatRunSummary(summary), wrote: `resumed at slot ${checkpoint.next_slot}; wrote ${dir}/ (${files.join(', ')}) in ${seconds.toFixed(2)} s` });
}
