import { createHash } from 'node:crypto';
import type { Argv } from 'yargs';
import { UserInputError } from '../../config/errors.js';
import { loadConfig } from '../../config/loadConfig.js';
import { createLogger, type LogLevel } from '../../engine/logger.js';
import { parseTableFormat } from '../../io/formats/formats.js';
import { freshRunDir, prepareOutDir, writeJson } from '../../io/runFolder.js';
import { writeBiddingWarRun, writeMarketRun } from '../../io/writeRun.js';
import { formatBiddingWarSummary, formatRunSummary } from '../formatSummary.js';
import { seqsimVersion } from '../version.js';
import type { CliIo } from '../main.js';
import { createProgress } from '../progress.js';

export interface RunArgs {
  config: string;
  slots?: number;
  seed?: string;
  out?: string;
  set?: string[];
  logLevel?: LogLevel;
  format?: string;
  progress?: boolean;
}

/** `--seed 7` is a number seed; anything not an integer is a string seed. */
function parseSeed(seed: string): number | string {
  return /^-?\d+$/.test(seed) && Number.isSafeInteger(Number(seed)) ? Number(seed) : seed;
}

export function runCommand(yargs: Argv, io: CliIo): Argv {
  return yargs.command<RunArgs>(
    'run <config>',
    'Run a simulation and write a run folder (manifest.json, slots.csv or auctions.csv, summary.json).',
    (y) =>
      y
        .positional('config', { type: 'string', describe: 'config file (JSON)', demandOption: true })
        .option('slots', { type: 'number', describe: 'number of slots, or of auctions for a bidding-war config (overrides the config)' })
        .option('seed', { type: 'string', describe: 'master seed (overrides the config)' })
        .option('out', { type: 'string', describe: 'output folder (must not exist or be empty); default: a fresh folder under runs/' })
        .option('set', { type: 'string', array: true, describe: 'override a config field: --set a.b.c=value (repeatable)' })
        .option('format', { type: 'string', describe: 'table format: csv (default), jsonl or parquet' })
        .option('progress', { type: 'boolean', describe: 'show slots done on stderr (market runs)' }) as Argv<RunArgs>,
    (args) => executeRun(args, io),
  );
}

export function executeRun(args: RunArgs, io: CliIo): void {
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
  const configJson = JSON.stringify(config);
  writeJson(dir, 'manifest.json', {
    seqsim_version: seqsimVersion(),
    node_version: process.version,
    kind: config.kind,
    seed: config.seed,
    ...(config.kind === 'bidding-war' ? { auctions: config.auctions } : { slots: config.slots }),
    config_sha256: createHash('sha256').update(configJson).digest('hex'),
    config,
  });
  log.info({ dir, kind: config.kind, seed: config.seed }, 'run started');
  const started = performance.now();
  const progress = args.progress && config.kind === 'market' ? createProgress({ total: config.slots, unit: 'slots', label: 'run', io }) : undefined;
  const [text, table] =
    config.kind === 'bidding-war'
      ? [formatBiddingWarSummary(writeBiddingWarRun(config, dir, { format })), `auctions.${format}`]
      : [formatRunSummary(writeMarketRun(config, dir, { format, ...(progress ? { onSlot: (e) => progress.update(e.slot + 1) } : {}) })), `slots.${format}`];
  progress?.stop();
  const seconds = (performance.now() - started) / 1000;
  log.info({ dir, seconds }, 'run finished');
  io.stdout(`${text}\n\nwrote ${dir}/ (manifest.json, ${table}, summary.json) in ${seconds.toFixed(2)} s\n`);
}
